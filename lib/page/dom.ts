// DOM helpers that understand shadow roots. Everything here takes elements from the caller (a `root`),
// never reaches for a global document, and uses no extension API: the content script passes the
// closed-shadow-root opener in through ScanOptions.

/** A selector list of ARIA roles from a space-separated list: "a b" -> "[role=a],[role=b]". */
export const roles = (s: string): string =>
  s
    .split(' ')
    .map((r) => `[role=${r}]`)
    .join(',');

/** Anything that may be an answer control (cheap pre-filter for querySelector). */
// Built at run time on purpose: minifiers inline string constants at every use site.
export const CONTROLISH = `input:not([type=hidden]),select,textarea,[contenteditable]:not([contenteditable=false]),${roles('radio checkbox switch combobox textbox listbox')}`;

/** A set from a space-separated list (tag names...): shorter in the shipped bundle than an array literal. */
export const words = (s: string): Set<string> => new Set(s.split(' '));

/** Named once: the minifier keeps string constants shared rather than repeating them. */
export const LABELLEDBY = 'aria-labelledby';

/** An attribute's value, '' when absent (shorter than getAttribute(..) ?? '' at every call site). */
export const attr = (el: Element, name: string): string => el.getAttribute(name) ?? '';

export interface ScanOptions {
  /** Returns the shadow root of `el`, open or closed (content script: chrome.dom.openOrClosedShadowRoot). */
  openShadowRoot?: (el: Element) => ShadowRoot | null;
}

/** The shadow root of `el` if we can reach it: the open one, or whatever the opener hook gives. */
export function shadowOf(el: Element, opts: ScanOptions | undefined): ShadowRoot | null {
  if (el.shadowRoot) return el.shadowRoot;
  if (!opts?.openShadowRoot) return null;
  try {
    return opts.openShadowRoot(el);
  } catch {
    // The hook throws for elements that cannot host a shadow root; treat as "none".
    return null;
  }
}

/** Parent in the composed tree: crosses from a shadow root to its host. */
export function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const parent = el.parentNode;
  return parent && (parent as ShadowRoot).host ? (parent as ShadowRoot).host : null;
}

/** Find an element by id in `el`'s own tree first (ids are per shadow root), then in the document. */
export function byId(el: Node, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  const local = typeof root.getElementById === 'function' ? root.getElementById(id) : null;
  if (local) return local;
  return el.ownerDocument?.getElementById(id) ?? null;
}

/** Resolve an IDREF list attribute (aria-labelledby, aria-controls ...). */
export function idRefs(el: Element, attr: string): Element[] {
  const raw = el.getAttribute(attr);
  if (!raw) return [];
  const out: Element[] = [];
  for (const id of raw.split(/\s+/)) {
    if (!id) continue;
    const found = byId(el, id);
    if (found) out.push(found);
  }
  return out;
}

/** True when `a` contains `b` in the composed tree (b inside a shadow root hosted under a counts). */
export function composedContains(a: Element, b: Element): boolean {
  for (let cur: Element | null = b; cur; cur = composedParent(cur)) if (cur === a) return true;
  return false;
}

/** Lowest common ancestor in the composed tree. */
export function commonAncestor(a: Element, b: Element): Element | null {
  const seen = new Set<Element>();
  for (let cur: Element | null = a; cur; cur = composedParent(cur)) seen.add(cur);
  for (let cur: Element | null = b; cur; cur = composedParent(cur)) if (seen.has(cur)) return cur;
  return null;
}

/** `el`'s composed ancestors, outermost first, ending with `el`. */
function composedPath(el: Element): Element[] {
  const out: Element[] = [];
  for (let cur: Element | null = el; cur; cur = composedParent(cur)) out.unshift(cur);
  return out;
}

/** Document order across shadow boundaries: compare the two elements lifted into a shared tree. */
export function composedCompare(a: Element, b: Element): number {
  if (a === b) return 0;
  if (a.getRootNode() === b.getRootNode()) return a.compareDocumentPosition(b) & 4 ? -1 : 1;
  const pathA = composedPath(a);
  const pathB = composedPath(b);
  let i = 0;
  while (i < pathA.length && i < pathB.length && pathA[i] === pathB[i]) i++;
  const x = pathA[i];
  const y = pathB[i];
  if (!x) return -1; // a is an ancestor of b
  if (!y) return 1;
  if (x.getRootNode() !== y.getRootNode()) {
    // One sits in the host's shadow root, the other in its light DOM: the shadow tree renders around
    // the slotted light children, so treat shadow content as first.
    return 'host' in x.getRootNode() ? -1 : 1;
  }
  const pos = x.compareDocumentPosition(y);
  return pos & 4 /* FOLLOWING */ ? -1 : 1;
}

/** The element's box in viewport coordinates (named once: the method name is long and used all over). */
export const rect = (el: Element): DOMRect => el.getBoundingClientRect();

export const hasLayout = (doc: Document): boolean => rect(doc.documentElement).width > 0;

/**
 * Is `el` rendered? Real browsers answer with checkVisibility + a size check; DOM emulators without layout
 * (happy-dom) fall back to the hidden attribute and inline/computed display and visibility.
 * `textbox`: also reject text boxes a person cannot see or type into though they are "rendered": libraries
 * park helper inputs with opacity 0 or no height so browser autofill still reaches them (form.io's select
 * "autocomplete" input: opacity:0; height:0). Radios and checkboxes are exempt: styled ones hide the native
 * input and show their label instead. One checkVisibility and one rect per element: both read layout.
 */
export function isRendered(el: Element, layout: boolean, textbox = false): boolean {
  if (layout) {
    // Older engines and DOM shims lack checkVisibility: read it as optional, call it on the element.
    const check = (el as { checkVisibility?: (this: Element, o?: object) => boolean }).checkVisibility;
    if (typeof check === 'function' && !check.call(el, { visibilityProperty: true, opacityProperty: textbox }))
      return false;
    const r = rect(el);
    if (textbox ? r.width < 2 || r.height < 2 : r.width === 0 && r.height === 0) return false;
    // Honeypots parked far off-screen to the left or top are not questions.
    return r.right > 0 && (r.bottom >= 0 || r.bottom >= -(el.ownerDocument?.defaultView?.scrollY ?? 0));
  }
  const win = el.ownerDocument?.defaultView;
  for (let cur: Element | null = el; cur; cur = composedParent(cur)) {
    if (cur.hasAttribute('hidden')) return false;
    const style = win?.getComputedStyle(cur);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

/** aria-hidden or inert on the element or an ancestor: assistive tech and users cannot reach it. */
export const isAriaHidden = (el: Element): boolean => closestComposed(el, '[aria-hidden=true],[inert]') !== null;

/** Closest across shadow boundaries. */
export function closestComposed(el: Element, selector: string): Element | null {
  for (let cur: Element | null = el; cur; cur = composedParent(cur)) {
    const hit = cur.closest(selector);
    if (hit) return hit;
    const root = cur.getRootNode() as ShadowRoot;
    cur = root.host ?? null;
    if (!cur) return null;
    if (cur.matches(selector)) return cur;
  }
  return null;
}
