// Which elements are answer controls, and which of those are not questions at all (site search, login,
// language pickers, hidden honeypots). Collection walks the composed tree in document order, entering
// open shadow roots and closed ones through the opener hook, never into iframes (each frame scans itself).
import { attr, closestComposed, composedParent, roles, shadowOf, words, type ScanOptions } from './dom';
import { targetOf, type Visibility } from './visibility';

export type ControlType =
  | 'text'
  | 'textarea'
  | 'select'
  | 'radio'
  | 'checkbox'
  | 'aria-radio'
  | 'aria-checkbox'
  | 'combobox'
  | 'listbox'
  | 'contenteditable'
  | 'file';

const SKIP_INPUT_TYPES = words('hidden password submit button reset image range color');
const SKIP_SUBTREE = words(
  'SCRIPT STYLE NOSCRIPT TEMPLATE IFRAME FRAME OBJECT EMBED CANVAS VIDEO AUDIO IMG svg SVG math OPTION DATALIST',
);
const WIDGET_PARENT = roles('radio checkbox switch option combobox listbox menuitemcheckbox menuitemradio');

function editingHost(el: Element): boolean {
  const attr = el.getAttribute('contenteditable');
  if (attr === null || attr === 'false') return false;
  const parent = composedParent(el);
  return !(parent as HTMLElement | null)?.isContentEditable;
}

/** The control type of `el`, or null when it is not something a person answers in. */
export function classify(el: Element): ControlType | null {
  const tag = el.tagName;
  const role = el.getAttribute('role');
  const combo = role === 'combobox' || attr(el, 'aria-haspopup') === 'listbox';
  if (tag === 'INPUT') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    if (SKIP_INPUT_TYPES.has(type)) return null;
    // A native input wrapped by an ARIA widget is that widget's private detail.
    const parent = composedParent(el);
    if (parent && closestComposed(parent, WIDGET_PARENT)) return null;
    if (combo) return 'combobox';
    if (type === 'radio') return 'radio';
    if (type === 'checkbox') return 'checkbox';
    if (type === 'file') return 'file';
    return 'text';
  }
  if (tag === 'TEXTAREA') return 'textarea';
  if (tag === 'SELECT') return 'select';
  if (role === 'radio' || role === 'menuitemradio') return 'aria-radio';
  if (role === 'checkbox' || role === 'switch' || role === 'menuitemcheckbox') return 'aria-checkbox';
  if (combo) {
    // A combobox wrapper whose real input carries the role too: let the input stand for it.
    if (el.querySelector('input[role=combobox]')) return null;
    return 'combobox';
  }
  if (role === 'listbox') return 'listbox';
  if (editingHost(el)) return 'contenteditable';
  return null;
}

export interface Control {
  el: Element;
  type: ControlType;
  disabled: boolean;
  /** What a person sees of it (itself, its label, its widget box); set by the filter. */
  target?: Element;
}

/** Walk the composed tree under `root` in document order and return every candidate control. */
export function collectControls(root: Document | Element | ShadowRoot, opts?: ScanOptions): Control[] {
  const out: Control[] = [];
  const visit = (el: Element): void => {
    if (SKIP_SUBTREE.has(el.tagName)) return;
    const type = classify(el);
    if (type) {
      out.push({ el, type, disabled: isDisabled(el, type) });
      // Controls never contain other questions (a listbox's options are its own).
      return;
    }
    const shadow = shadowOf(el, opts);
    if (shadow) for (let c = shadow.firstElementChild; c; c = c.nextElementSibling) visit(c);
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) visit(c);
  };
  if ((root as Element).tagName) visit(root as Element);
  else for (let c = (root as Document | ShadowRoot).firstElementChild; c; c = c.nextElementSibling) visit(c);
  return out;
}

export function isDisabled(el: Element, type: ControlType): boolean {
  if ((el as HTMLInputElement).disabled === true) return true;
  if (closestComposed(el, '[aria-disabled=true]')) return true;
  if (attr(el, 'aria-readonly') === 'true') return true;
  // A read-only combobox input (Ant Design without search) still opens its list; a read-only text does not.
  if (type !== 'combobox' && (el as HTMLInputElement).readOnly === true) return true;
  return false;
}

const NON_QUESTION_AREA = `header,nav,${roles('navigation search banner menubar menu toolbar tablist contentinfo')}`;
/** Any of `alternatives` as a whole word (letters only) inside an attribute soup, case-insensitive. */
const wordRe = (alternatives: string): RegExp => new RegExp(`(^|[^a-z])(${alternatives})([^a-z]|$)`, 'i');
const SEARCHY = wordRe('search|query|keywords?|find');
const LANGUAGE = wordRe('lang|language|locale');
const LOGIN = wordRe('username|login|signin|sign-in|one-time-code');

const attrs = (el: Element): string =>
  'name id placeholder aria-label title autocomplete'
    .split(' ')
    .map((a) => el.getAttribute(a) ?? '')
    .join(' ');

// One ancestor walk per control finds all three: aria-hidden/inert, a non-question area, the form.
const HIDDEN = '[aria-hidden=true],[inert]';
const WALK = `${HIDDEN},form,${NON_QUESTION_AREA}`;

/**
 * A predicate: true when a control is not a questionnaire answer: hidden or aria-hidden, in
 * navigation/search/banner areas, a site search box, a login field, or a language picker (notes §B.2;
 * supplement §F). Made once per scan: it caches per-form answers (a login form holds a password box).
 */
export function nonQuestionFilter(vis: Visibility, bars: Element[] = []): (c: Control) => boolean {
  const loginForms = new Map<Element, boolean>();
  return (c) => {
    const el = c.el;
    let area: Element | null = null;
    let form: Element | null = (el as HTMLInputElement).form ?? null;
    for (let hit = closestComposed(el, WALK); hit;) {
      if (hit.matches(HIDDEN)) return true;
      if (hit.tagName === 'FORM') form ??= hit;
      else area ??= hit;
      const up = composedParent(hit);
      hit = up && closestComposed(up, WALK);
    }
    const target = targetOf(el, c.type, vis);
    if (!target) return true;
    c.target = target;
    // A <header> is the page banner unless it sits inside the content (a card or section header).
    if (
      area &&
      (area.tagName !== 'HEADER' ||
        !closestComposed(area, 'main,article,section,form,fieldset,table,[role=main],[role=dialog],dialog'))
    )
      return true;
    // Only text boxes and pickers can be search boxes, logins or language pickers: read attributes for those.
    const a = c.type === 'text' || c.type === 'combobox' || c.type === 'select' ? attrs(el) : '';
    if (c.type === 'text' || c.type === 'combobox') {
      const search =
        (attr(el, 'type') === 'search' && c.type === 'text') || SEARCHY.test(a) || attr(el, 'name') === 'q';
      if (search) bars.push(el);
      if (search || LOGIN.test(a)) return true;
    }
    if ((c.type === 'select' || c.type === 'combobox') && LANGUAGE.test(a)) {
      bars.push(el);
      return true;
    }
    if (!form) return false;
    let login = loginForms.get(form);
    if (login === undefined) loginForms.set(form, (login = !!form.querySelector('input[type=password]')));
    return login;
  };
}
