// Event plumbing for the writers: what a person's click, focus and typing would fire, in the element's
// own realm (iframes), bubbling and composed so shadow-DOM frameworks and React's root listener see it.
import { rect } from '../dom';

export const winOf = (el: Element): Window & typeof globalThis => el.ownerDocument?.defaultView ?? window;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Let the page run one task (its handlers may revert a write) without setTimeout's 4 ms clamp on nested
 * timers, which made long fill plans crawl.
 */
export function nextTask(): Promise<void> {
  return new Promise((r) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      r();
    };
    ch.port2.postMessage(0);
  });
}

/** Poll `fn` until it returns a value or `timeoutMs` passes. */
export async function waitFor<T>(fn: () => T | null | undefined, timeoutMs: number): Promise<T | null> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() >= end) return null;
    await sleep(16);
  }
}

function activeIn(el: Element): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return root.activeElement ?? null;
}

/**
 * Enter a field. `real` moves the browser's focus (needed before execCommand and for widgets that open on
 * focus); otherwise only the focus/focusin events are fired: frameworks (React onFocus = focusin, Angular
 * and Vue (focus)/(blur)) see the same thing, and the page is spared a style/layout pass per field, which
 * dominated long fill plans.
 */
export function focus(el: Element, real = false): void {
  if (real) (el as HTMLElement).focus?.({ preventScroll: true });
  if (activeIn(el) !== el) focusEvents(el, 'focus', 'focusin');
}

/** The non-bubbling focus event and its bubbling, composed twin (focus+focusin, blur+focusout). */
function focusEvents(el: Element, own: string, bubbling: string): void {
  const win = winOf(el);
  el.dispatchEvent(new win.FocusEvent(own));
  el.dispatchEvent(new win.FocusEvent(bubbling, { bubbles: true, composed: true }));
}

/** Leave the field: validate-on-blur forms (React onBlur = focusout, SurveyJS, Angular touched) commit here. */
export function blur(el: Element): void {
  if (activeIn(el) === el) (el as HTMLElement).blur();
  else focusEvents(el, 'blur', 'focusout');
}

export function fireInput(el: Element, data: string | null, inputType = 'insertText'): void {
  const win = winOf(el);
  const Ctor = win.InputEvent ?? win.Event;
  el.dispatchEvent(new Ctor('input', { bubbles: true, composed: true, inputType, data }));
}

export function fireChange(el: Element): void {
  el.dispatchEvent(new (winOf(el).Event)('change', { bubbles: true }));
}

/**
 * Run `fn` with form submission blocked: clicking an ARIA radio that is a <button> inside a <form> would
 * otherwise submit it. We never submit a questionnaire on the user's behalf.
 */
export function withoutSubmit<T>(el: Element, fn: () => T): T {
  const win = winOf(el);
  const stop = (e: Event): void => {
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  win.addEventListener('submit', stop, true);
  try {
    return fn();
  } finally {
    win.removeEventListener('submit', stop, true);
  }
}

/** Fire mouse/pointer events named by `types` at the centre of `el`; `click` ends with a native click. */
function mouse(el: Element, types: string[], buttons: number, click = false): void {
  withoutSubmit(el, () => {
    const win = winOf(el);
    const r = rect(el);
    const init = {
      bubbles: true,
      cancelable: true,
      composed: true,
      button: 0,
      buttons,
      clientX: r.left + r.width / 2,
      clientY: r.top + r.height / 2,
      view: win,
      pointerId: 1,
      isPrimary: true,
      pointerType: 'mouse',
    };
    for (const t of types)
      el.dispatchEvent(new (t[0] === 'p' ? (win.PointerEvent ?? win.MouseEvent) : win.MouseEvent)(t, init));
    if (click) (el as HTMLElement).click();
  });
}

const UP = ['pointerup', 'mouseup'];

export const pressDown = (el: Element): void => mouse(el, ['pointerdown', 'mousedown'], 1);

/** Let go of the button over `el` (pointerup + mouseup), without the click. */
export const release = (el: Element): void => mouse(el, UP, 0);

export const releaseAndClick = (el: Element): void => mouse(el, UP, 0, true);

/** A full pointer click (ARIA widgets listen to any of these). */
export function pointerClick(el: Element): void {
  pressDown(el);
  releaseAndClick(el);
}

/** Native click only (radios/checkboxes toggle and fire input+change themselves). */
export const nativeClick = (el: Element): void => mouse(el, [], 0, true);
