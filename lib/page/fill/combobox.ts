// Custom dropdowns (role=combobox / aria-haspopup=listbox: MUI Select, Ant Design Select, react-select,
// lightning-combobox): open like a person, find the option in the popup even when it is portalled to
// <body>, click it, then verify what the combobox shows. Generic: roles first, popup diffing second.
import { attr, hasLayout, isRendered, rect } from '../dom';
import { canonical, matchOption } from '../text';
import { comboboxText, isListbox, listboxOf, optionName, optionsHost } from '../values';
import {
  blur,
  fireInput,
  focus,
  pointerClick,
  pressDown,
  release,
  releaseAndClick,
  sleep,
  waitFor,
  winOf,
} from './events';
import { setNativeValue } from './text';
import { chooseByKeyboard } from './combobox-keyboard';
import { done, fail, type WriteOutcome } from './types';
import * as ERR from '../errors';

const OPTIONISH = '[role=option],[role=menuitem],[role=menuitemradio],li,[class*=option],[class*=item]';

const visible = (el: Element): boolean => isRendered(el, hasLayout(el.ownerDocument));

/** The open popup: the referenced listbox if visible, else the newest visible listbox, else a new body child. */
function findPopup(el: Element, bodyBefore: Set<Element>, shownBefore: Set<Element> = new Set()): Element | null {
  const ref = listboxOf(el);
  if (ref && ref !== el && visible(ref) && ref.querySelector('[role=option]')) return ref;
  // Options inside the combobox itself are the popup once they have area (the widget opened).
  const host = optionsHost(el);
  if (host && [...host.querySelectorAll('[role=option]')].some(clickable)) return host;
  for (const r of rootsOf(el)) {
    // A listbox already showing before we opened is not the popup: Choices.js (form.io) shows the chosen
    // value in a role=listbox inside the combobox itself.
    const box = [...r.querySelectorAll('[role=listbox]')]
      .filter((b) => b !== el && !shownBefore.has(b) && visible(b))
      .at(-1);
    if (box) return box;
  }
  // Popups rendered at body level without a listbox role (virtual lists keep the role on a hidden twin).
  return [...el.ownerDocument.body.children].filter((c) => !bodyBefore.has(c) && visible(c)).at(-1) ?? null;
}

/** The element's own shadow root first (when it is in one), then its document. */
function rootsOf(el: Element): ParentNode[] {
  const own = el.getRootNode() as ParentNode;
  return own === el.ownerDocument ? [own] : [own, el.ownerDocument];
}

function shownListboxes(el: Element): Set<Element> {
  const out = new Set<Element>();
  for (const r of rootsOf(el)) for (const b of r.querySelectorAll('[role=listbox]')) if (visible(b)) out.add(b);
  return out;
}

/**
 * Something a person can click has area. A role=option inside a 0x0 listbox is a screen-reader twin
 * (rc-select / Ant Design keep one beside the visible virtual list, with no click handler): skip it so the
 * option-like fallback finds the visible rows. Without layout (DOM emulators) trust `visible`.
 */
function clickable(el: Element): boolean {
  if (!visible(el)) return false;
  if (!hasLayout(el.ownerDocument)) return true;
  const r = rect(el);
  return r.width > 0 && r.height > 0;
}

function optionsIn(popup: Element): { els: Element[]; texts: string[] } {
  let els = [...popup.querySelectorAll('[role=option]')].filter(clickable);
  if (els.length === 0) {
    // Keep the innermost option-like elements only.
    const all = [...popup.querySelectorAll(OPTIONISH)].filter(clickable);
    els = all.filter((e) => !all.some((o) => o !== e && e.contains(o)));
  }
  return { els, texts: els.map(optionName) };
}

function keydown(el: Element, key: string): void {
  el.dispatchEvent(new (winOf(el).KeyboardEvent)('keydown', { key, code: key, bubbles: true, composed: true }));
}

export async function writeCombobox(el: HTMLElement, value: string): Promise<WriteOutcome> {
  const before = comboboxText(el);
  if (value.trim() === '') {
    return before === '' ? done('') : fail(before, ERR.cannotClear);
  }
  if (canonical(before) === canonical(value)) return done(before);
  const doc = el.ownerDocument;
  const bodyBefore = new Set([...doc.body.children]);
  const shownBefore = shownListboxes(el);
  // An inline listbox (role=listbox that is not a popup) is its own, always-open popup.
  const inline = isListbox(el);
  focus(el, !inline);
  // Most open on mousedown (MUI, react-select, Ant Design); some on click; some on ArrowDown.
  if (!inline) pressDown(el);
  const open = (ms: number): Promise<Element | null> => waitFor(() => findPopup(el, bodyBefore, shownBefore), ms);
  let popup = inline ? el : await open(300);
  if (inline) {
    // already open
  } else if (!popup) {
    releaseAndClick(el);
    popup = await open(300);
  } else {
    // Finish the press like a person (pointerup too): Radix Select swallows the first pointerup after the
    // pointerdown that opened it, so without this the click on the option is the one it swallows.
    release(el);
  }
  if (!popup) {
    keydown(el, 'ArrowDown');
    popup = await open(400);
  }
  if (!popup) return fail(before, ERR.noPopup);
  // Popups that animate in (Element Plus scales from 0) have options without area for a few frames, and
  // some load their options on open (form.io's Choices.js shows one empty row first): wait for real text.
  const opened = popup;
  await waitFor(() => (optionsIn(opened).texts.some((t) => t !== '' && !/^loading\b/i.test(t)) ? true : null), 1000);
  let { els, texts } = optionsIn(popup);
  let i = matchOption(texts, value);
  if (i < 0 && el.tagName === 'INPUT' && !(el as HTMLInputElement).readOnly) {
    // Searchable combobox: type to filter (long lists render only what matches).
    setNativeValue(el as HTMLInputElement, value);
    fireInput(el, value);
    await sleep(150);
    popup = findPopup(el, bodyBefore, shownBefore) ?? popup;
    ({ els, texts } = optionsIn(popup));
    i = matchOption(texts, value);
  }
  if (i < 0 && (await chooseByKeyboard(el, value))) {
    // Virtual list: the option was never in the DOM; the keyboard reached it through aria-activedescendant.
    const want = canonical(value);
    const got = await waitFor(() => (canonical(comboboxText(el)) === want ? comboboxText(el) : null), 500);
    blur(el);
    if (got !== null) return done(got);
  }
  if (i < 0) {
    keydown(el, 'Escape');
    blur(el);
    return fail(comboboxText(el), ERR.noOption(value, texts));
  }
  const choice = els[i]!;
  if (attr(choice, 'aria-disabled') === 'true') return fail(before, ERR.optionDisabled(texts[i] ?? ''));
  pointerClick(choice);
  const want = canonical(texts[i]!);
  const got = await waitFor(() => {
    const t = inline ? (attr(choice, 'aria-selected') === 'true' ? texts[i]! : '') : comboboxText(el);
    return canonical(t) === want || canonical(t).includes(want) ? t : null;
  }, 500);
  blur(el);
  if (got !== null) return done(got);
  return fail(comboboxText(el), ERR.notKept(comboboxText(el), texts[i] ?? ''));
}
