// Wizards show one step at a time: when the page swaps its questions, the side panel should rescan by itself.
// The watcher is injected by scripting.executeScript rather than bundled into the content script, which has
// no room left in its 60 KB budget. Its lifetime is the port it opens to the panel: closing the panel, or the
// extension reloading, disconnects the port and the watcher stops. Crosswalk never presses Next or Submit: it
// only notices what the person did.
import { browser } from 'wxt/browser';
import { BackgroundError, errors } from './errors';

/** The port name the panel listens for (runtime.onConnect), one port per frame. */
export const PAGE_WATCH_PORT = 'crosswalk/page-watch';
/** A note waits for the page to be quiet this long, so one step change is one rescan. */
export const PAGE_WATCH_QUIET_MS = 400;

/**
 * Runs inside each frame, in the extension's isolated world (serialized, so it must be self-contained).
 * Posts `{ type: 'page/changed', first, last }` after form controls were added or removed, or shown or hidden
 * through `hidden`, `aria-hidden` or `style`. Not noted, on purpose:
 * - changes inside an inner scroll container: a virtual list re-mounts its rows as it scrolls, and Crosswalk's
 *   own scan scrolls it (the panel would rescan forever);
 * - changes within a moment of the person scrolling by wheel or touch (a window-scrolled virtual list); a step
 *   changes on a click or a key.
 * `class` is not watched: focus and hover restyle fields all the time.
 */
export function watchFrame(portName: string, quietMs: number): boolean {
  type Watch = { stop(): void };
  const holder = globalThis as { crosswalkPageWatch?: Watch };
  holder.crosswalkPageWatch?.stop(); // one watcher per frame: a second panel session replaces the first
  const CONTROLS =
    'input,select,textarea,[contenteditable=""],[contenteditable=true],[role=radio],[role=checkbox],[role=combobox],[role=textbox],[role=listbox],[role=switch]';
  // The extension API of the isolated world (`browser` is a bundle import, which a serialized function cannot use).
  interface Port {
    postMessage(note: unknown): void;
    disconnect(): void;
    onDisconnect: { addListener(listener: () => void): void };
  }
  const api = globalThis as unknown as { chrome: { runtime: { connect(info: { name: string }): Port } } };
  const port = api.chrome.runtime.connect({ name: portName });
  let first = 0;
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let scrolledAt = 0;
  const onScrollGesture = () => {
    scrolledAt = Date.now();
  };
  const inInnerScroller = (node: Node): boolean => {
    for (let el = node instanceof Element ? node : node.parentElement; el; el = el.parentElement) {
      if (el === document.scrollingElement || el === document.body) return false;
      const overflow = getComputedStyle(el).overflowY;
      if ((overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight + 4) return true;
    }
    return false;
  };
  const hasControl = (node: Node): boolean =>
    node instanceof Element && (node.matches(CONTROLS) || node.querySelector(CONTROLS) !== null);
  const matters = (m: MutationRecord): boolean => {
    if (inInnerScroller(m.target)) return false;
    if (m.type === 'attributes') return hasControl(m.target);
    return [...m.addedNodes, ...m.removedNodes].some(hasControl);
  };
  const observer = new MutationObserver((records) => {
    const now = Date.now();
    if (now - scrolledAt < 500 || !records.some(matters)) return;
    if (!first) first = now;
    last = now;
    clearTimeout(timer);
    timer = setTimeout(() => {
      port.postMessage({ type: 'page/changed', first, last });
      first = 0;
    }, quietMs);
  });
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    removeEventListener('wheel', onScrollGesture, true);
    removeEventListener('touchmove', onScrollGesture, true);
    if (holder.crosswalkPageWatch === watch) delete holder.crosswalkPageWatch;
  };
  const watch: Watch = {
    stop: () => {
      stop();
      port.disconnect();
    },
  };
  holder.crosswalkPageWatch = watch;
  port.onDisconnect.addListener(stop);
  addEventListener('wheel', onScrollGesture, { capture: true, passive: true });
  addEventListener('touchmove', onScrollGesture, { capture: true, passive: true });
  observer.observe(document.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['hidden', 'aria-hidden', 'style'],
  });
  return true;
}

/** Start (or restart) the watcher in every frame the extension may read; returns how many frames watch. */
export async function watchTab(tabId: number): Promise<number> {
  try {
    const results = await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      func: watchFrame,
      args: [PAGE_WATCH_PORT, PAGE_WATCH_QUIET_MS],
    });
    return results.filter((r) => r.result === true).length;
  } catch (err) {
    throw new BackgroundError('no-access', errors.noAccess(err), { cause: err });
  }
}
