// Custom dropdowns (role=combobox / aria-haspopup=listbox: MUI Select, Ant Design Select, react-select,
// lightning-combobox): open like a person, find the option in the popup even when it is portalled to
// <body>, click it, then verify what the combobox shows. Generic: roles first, popup diffing second.
import { attr, hasLayout, isRendered, rect } from '../dom';
import { canonical, matchOption, splitMulti } from '../text';
import { textOf } from '../read-text';
import { chipsOf, comboboxText, isListbox, listboxOf, multiText, optionName, optionsHost } from '../values';
import {
  blur,
  fireInput,
  focus,
  pointerClick,
  press,
  pressDown,
  release,
  releaseAndClick,
  sleep,
  waitFor,
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
  return [...el.ownerDocument.body.children].filter((c) => !bodyBefore.has(c) && showsOptions(c)).at(-1) ?? null;
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

/** The <body> child holding `listbox` (Ant Design's hidden twin sits in its visible popup), if it shows options. */
function bodyPopup(listbox: Element | null): Element | null {
  for (let a = listbox; a; a = a.parentElement)
    if (a.parentElement === a.ownerDocument.body) return showsOptions(a) ? a : null;
  return null;
}

/** Does `popup` show options a person could click? (A wrapper may stay in <body> while its list hides.) */
const showsOptions = (popup: Element): boolean => optionsIn(popup).els.length > 0;

function optionsIn(popup: Element): { els: Element[]; texts: string[] } {
  let els = [...popup.querySelectorAll('[role=option]')].filter(clickable);
  if (els.length === 0) {
    // Keep the innermost option-like elements only.
    const all = [...popup.querySelectorAll(OPTIONISH)].filter(clickable);
    els = all.filter((e) => !all.some((o) => o !== e && e.contains(o)));
  }
  return { els, texts: els.map(optionName) };
}

/**
 * Wait until a popup left open is gone: the next fill may target a field under it while it fades out (MUI's
 * menu and its backdrop, Ant Design), which then reads as covered. `escape`: close it first, like a person
 * (multi-selects keep theirs open): Escape where focus is (MUI moves it into the menu) and on the combobox.
 */
async function closePopup(el: Element, popup: Element | null, escape?: boolean): Promise<void> {
  const open = (): boolean => !!popup?.isConnected && popup !== el && showsOptions(popup);
  if (!open()) return;
  const active = el.ownerDocument.activeElement;
  if (escape && active && active !== el) press(active, 'Escape');
  if (escape) press(el, 'Escape');
  await waitFor(() => !open() || null, 800);
}

/** A multi-select pick: add (`on`) or remove one option; `popup` carries the open popup to the next pick. */
interface Pick {
  on: boolean;
  popup?: Element | null;
}

/** Is `option` among the values a multi-select shows? */
const shows = (el: Element, option: string): boolean =>
  splitMulti(multiText(el)).some((t) => matchOption([t], option) === 0);

/** Choose one option of a custom dropdown; with `pick` (multi-selects), toggle one of its values. */
export async function writeCombobox(el: HTMLElement, value: string, pick?: Pick): Promise<WriteOutcome> {
  const before = pick ? multiText(el) : comboboxText(el);
  if (!pick && value.trim() === '') return before === '' ? done('') : fail(before, ERR.cannotClear);
  if (!pick && canonical(before) === canonical(value)) return done(before);
  const doc = el.ownerDocument;
  // Only what shows options now: a widget that keeps its closed popup in <body> (Ant Design) reuses it.
  const bodyBefore = new Set([...doc.body.children].filter(showsOptions));
  const shownBefore = shownListboxes(el);
  // A multi-select's popup may still be open (Ant Design and MUI keep it after a pick; taking a chip off opens
  // Ant Design's): reuse it,
  // also while its options are not laid out yet (Ant Design re-plays its opening animation).
  const expanded = attr(el, 'aria-expanded') === 'true';
  const kept = !pick
    ? null
    : pick.popup?.isConnected && (expanded || showsOptions(pick.popup))
      ? pick.popup
      : expanded
        ? bodyPopup(listboxOf(el))
        : null;
  // An inline listbox (role=listbox that is not a popup) is its own, always-open popup.
  const inline = isListbox(el) || !!kept;
  focus(el, !inline);
  // Most open on mousedown (MUI, react-select, Ant Design); some on click; some on ArrowDown.
  if (!inline) pressDown(el);
  const open = (ms: number): Promise<Element | null> => waitFor(() => findPopup(el, bodyBefore, shownBefore), ms);
  let popup = kept ?? (inline ? el : await open(300));
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
    press(el, 'ArrowDown');
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
    press(el, 'Escape');
    blur(el);
    return fail(comboboxText(el), ERR.noOption(value, texts));
  }
  const choice = els[i]!;
  if (attr(choice, 'aria-disabled') === 'true') return fail(before, ERR.optionDisabled(texts[i] ?? ''));
  pointerClick(choice);
  const option = texts[i]!;
  if (pick) {
    pick.popup = popup;
    const ok = await waitFor(() => shows(el, option) === pick.on || null, 500);
    return ok ? done(multiText(el)) : fail(multiText(el), ERR.notKept(multiText(el), option));
  }
  const want = canonical(option);
  const got = await waitFor(() => {
    const t = inline ? (attr(choice, 'aria-selected') === 'true' ? option : '') : comboboxText(el);
    return canonical(t) === want || canonical(t).includes(want) ? t : null;
  }, 500);
  if (!inline) await closePopup(el, popup);
  blur(el);
  if (got !== null) return done(got);
  return fail(comboboxText(el), ERR.notKept(comboboxText(el), option));
}

/**
 * A custom multi-select ("ISO 27001; SOC 2"): take off the values not wanted (a chip's × when it has one,
 * else the option again, which toggles it off), add each wanted value the way one is chosen, close the
 * popup, and check the values the widget shows at the end.
 */
export async function writeMultiCombobox(el: HTMLElement, value: string): Promise<WriteOutcome> {
  const wanted = splitMulti(value);
  const wants = (t: string): boolean => wanted.some((w) => matchOption([t], w) === 0);
  const pick: Pick = { on: false };
  let out = done('');
  const chips = chipsOf(el);
  for (const chip of chips) {
    const text = textOf(chip);
    if (!out.ok || wants(text)) continue;
    const remove = removerOf(chip, chips);
    if (remove) {
      pointerClick(remove);
      await waitFor(() => !shows(el, text) || null, 500);
    } else out = await writeCombobox(el, text, pick);
  }
  pick.on = true;
  for (const w of wanted) if (out.ok && !shows(el, w)) out = await writeCombobox(el, w, pick);
  await closePopup(el, pick.popup ?? null, true);
  blur(el);
  const got = splitMulti(multiText(el));
  const shown = got.join('; ');
  if (out.error) return fail(shown, out.error);
  const all = wanted.every((w) => shows(el, w)) && got.every(wants);
  return all ? done(shown) : fail(shown, ERR.notKept(shown, wanted.join('; ')));
}

/** The × of a chip: a button, or an element named or classed as removing it, in the chip or its own wrapper. */
function removerOf(chip: Element, chips: Element[]): Element | null {
  for (let a: Element | null = chip, n = 0; a && n < 2; a = a.parentElement, n++) {
    // A wrapper around other chips too would hand back another chip's ×.
    if (chips.some((o) => o !== chip && a.contains(o))) break;
    const r = a.querySelector(
      'button,[role=button],[aria-label^=remove i],[aria-label^=delete i],[class*=remove i],[class*=delete i]',
    );
    if (r && r !== chip) return r;
  }
  return null;
}
