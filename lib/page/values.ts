// Reading a unit's options and current answer, shared by the scanner and the writers' read-back checks.
import type { Unit } from './units';
import { attr, CONTROLISH, hasLayout, idRefs, isRendered, LABELLEDBY } from './dom';
import { optionLabel } from './label';
import { textOf } from './read-text';
import { isPlaceholderOption, normalize, splitMulti } from './text';
import { optionText } from './option-text';
import { readEditable } from './fill/contenteditable';
import { fileNames } from './file-zone';

/** What names a question, not an answer: a widget wrapper never climbs past one. */
const LABELISH = 'label,legend,h1,h2,h3,h4,h5,h6,[role=heading]';

const realOptions = (sel: HTMLSelectElement): HTMLOptionElement[] =>
  [...sel.options].filter((o, i) => !((i === 0 || o.value === '') && isPlaceholderOption(optionText(o))) && !o.hidden);

export const isListbox = (el: Element): boolean => attr(el, 'role') === 'listbox';

/** The listbox a combobox opens, if it is in the DOM (aria-controls / aria-owns, or nested). */
export function listboxOf(el: Element): Element | null {
  for (const name of ['aria-controls', 'aria-owns']) {
    for (const r of idRefs(el, name)) {
      if (isListbox(r)) return r;
      const inner = r.querySelector('[role=listbox]');
      if (inner) return inner;
    }
  }
  return isListbox(el) ? el : null;
}

/** A select-only combobox that holds its options itself (Fluent's <fluent-select> > fluent-option). */
export const optionsHost = (el: Element): Element | null =>
  !el.querySelector('[role=listbox]') && el.querySelector('[role=option]') ? el : null;

/** What an ARIA option shows: its text, else its aria-label or title (icon-only options). */
export const optionName = (o: Element): string =>
  textOf(o) || normalize(o.getAttribute('aria-label') ?? attr(o, 'title'));

export const optionTexts = (listbox: Element): string[] =>
  [...listbox.querySelectorAll('[role=option]')].map(optionName);

export function optionsOf(u: Unit, headers: Map<Element, string[]>): string[] | undefined {
  switch (u.ctype) {
    case 'radio':
    case 'checkbox':
    case 'aria-radio':
    case 'aria-checkbox':
      return u.els.map((el) => optionLabel(el, headers));
    case 'select':
      return realOptions(u.els[0] as HTMLSelectElement).map(optionText);
    case 'combobox':
    case 'listbox': {
      const lb = listboxOf(u.els[0]!) ?? optionsHost(u.els[0]!);
      const texts = lb ? optionTexts(lb).filter(Boolean) : [];
      return texts.length ? texts : undefined;
    }
    default:
      return undefined;
  }
}

const ariaOn = (el: Element): boolean =>
  attr(el, 'aria-checked') === 'true' || attr(el, 'aria-selected') === 'true' || attr(el, 'aria-pressed') === 'true';

/** Is one choice option currently selected? */
export function isOn(el: Element): boolean {
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).checked;
  return ariaOn(el);
}

/** What a combobox shows: its own value, or the text of its small display wrapper (placeholder excluded). */
export function comboboxText(el: Element): string {
  const own = el.tagName === 'INPUT' ? normalize((el as HTMLInputElement).value) : '';
  if (own && !(el as HTMLInputElement).readOnly) return own;
  const skip = (e: Element): boolean =>
    /placeholder/i.test(attr(e, 'class')) || attr(e, 'aria-hidden') === 'true' || isListbox(e);
  // A non-input combobox (MUI Select, lightning-combobox button) shows its value itself.
  if (el.tagName !== 'INPUT') {
    const t = textOf(el, { exclude: skip });
    return isPlaceholderOption(t) ? chosenInside(el) : t;
  }
  // An input combobox (Ant Design, react-select) shows the value in a sibling: read its small wrapper,
  // never climbing into the question's label or heading.
  const labels = idRefs(el, LABELLEDBY);
  let best = own;
  let cur: Element | null = el.parentElement;
  for (let i = 0; i < 3 && cur; i++, cur = cur.parentElement) {
    const c = cur;
    if (c.querySelectorAll(CONTROLISH).length > 1 || c.querySelector(LABELISH) || labels.some((l) => c.contains(l)))
      break;
    const t = textOf(cur, { exclude: skip });
    if (t.length > 200) break;
    if (t) best = t;
  }
  if (!isPlaceholderOption(best)) return best;
  // Nothing readable beside the input (Element Plus shows the choice in an element classed as its
  // placeholder): the ARIA answer is the option its listbox marks aria-selected, if the listbox is kept in
  // the DOM while closed.
  return selectedInListbox(el);
}

/**
 * A combobox that shows its choice as the selected option of a listbox inside itself (Choices.js, used by
 * form.io: role=combobox > role=listbox > role=option[aria-selected=true]). Placeholder rows and the
 * "Remove item" buttons are not the answer.
 */
function chosenInside(el: Element): string {
  const opts = [...el.querySelectorAll('[role=listbox] [role=option][aria-selected=true]')].filter(
    (o) =>
      isRendered(o, hasLayout(o.ownerDocument)) &&
      !/placeholder/i.test(attr(o, 'class')) &&
      !o.hasAttribute('data-placeholder'),
  );
  const texts = opts
    .map((o) => textOf(o, { exclude: (e) => e.tagName === 'BUTTON' }))
    .filter((t) => t && !isPlaceholderOption(t));
  return texts.join('; ');
}

function selectedInListbox(el: Element): string {
  const lb = listboxOf(el);
  if (!lb || lb === el) return '';
  const texts = [...lb.querySelectorAll('[role=option][aria-selected=true]')].map((o) => textOf(o)).filter(Boolean);
  return texts.join('; ');
}

// A chosen value of a multi-select widget, shown as a chip: react-select "…-multiValue", Ant Design
// "ant-select-selection-item(-content)", MUI "MuiChip-root/-label", "…-tag", "…-token", "…-pill".
const CHIP = /(?:chip|tag|multi-?value|selection-item|token|pill)(?:[-_](?:root|label|content|text))?$/i;

/** The widget around a combobox: up a few levels while it holds no other form control, label or heading. */
function widgetOf(el: Element): Element {
  let top = el;
  for (let a = el.parentElement, n = 0; a && n < 4; a = a.parentElement, n++) {
    if (
      a.querySelectorAll('input:not([type=hidden]):not([aria-hidden=true]),select,textarea,[role=combobox]').length >
        1 ||
      a.querySelector(LABELISH)
    )
      break;
    top = a;
  }
  return top;
}

/** The chips a multi-select shows, innermost with text (the label, not the chip around label and ×). */
export function chipsOf(el: Element): Element[] {
  const all = [...widgetOf(el).querySelectorAll('*')].filter(
    (e) => [...e.classList].some((c) => CHIP.test(c)) && textOf(e) !== '',
  );
  return all.filter((e) => !all.some((o) => o !== e && e.contains(o)));
}

/** The values a multi-select shows as chips, else what the combobox shows ("a, b": MUI without chips). */
export function multiText(el: Element): string {
  const chips = chipsOf(el).map((c) => textOf(c));
  return chips.length ? chips.join('; ') : splitMulti(comboboxText(el).replace(/,/g, ';')).join('; ');
}

/** Selected option texts of a native select, placeholder excluded. */
export function selectText(sel: HTMLSelectElement, real = realOptions(sel)): string {
  // options[].selected rather than selectedOptions: same in browsers, and DOM emulators get it right.
  return real
    .filter((o) => o.selected)
    .map(optionText)
    .join('; ');
}

/** A unit's options and current answer for a snapshot; a select's option list is read once for both. */
export function optionsAndValue(u: Unit, headers: Map<Element, string[]>): { options?: string[]; value: string } {
  if (u.ctype !== 'select') return { options: optionsOf(u, headers), value: readUnitValue(u, headers) };
  const real = realOptions(u.els[0] as HTMLSelectElement);
  return { options: real.map(optionText), value: selectText(u.els[0] as HTMLSelectElement, real) };
}

/** The answer currently on the page, in QuestionField.value form. */
export function readUnitValue(u: Unit, headers: Map<Element, string[]> = new Map()): string {
  const el = u.els[0]!;
  switch (u.ctype) {
    case 'text':
    case 'textarea':
      return (el as HTMLInputElement).value;
    case 'contenteditable':
      return readEditable(el);
    case 'file':
      return fileNames(el);
    case 'select':
      return selectText(el as HTMLSelectElement);
    case 'combobox':
      return u.multi ? multiText(el) : comboboxText(el);
    case 'listbox':
      return [...el.querySelectorAll('[role=option]')]
        .filter(ariaOn)
        .map((o) => textOf(o))
        .join('; ');
    default:
      return u.els
        .filter(isOn)
        .map((c) => optionLabel(c, headers))
        .join('; ');
  }
}
