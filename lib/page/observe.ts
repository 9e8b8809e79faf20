// Dynamic pages: one MutationObserver per root (document and every reachable shadow root), records
// batched into one flush, and only the changed subtrees rescanned (notes §3.3: whole-document rescans
// on every mutation are what froze busy pages for other autofill engines).
import type { QuestionField } from './types';
import { shadowOf, type ScanOptions } from './dom';
import { rescanSubtrees, scanNow } from './scan';
import { currentFields, pageState } from './state';

export interface PageChange {
  added: QuestionField[];
  removed: string[];
  /** Every question now on the page, in document order. */
  fields: QuestionField[];
}

export interface ObserveOptions extends ScanOptions {
  /** Quiet time before a batch of mutations is processed (default 50 ms). */
  debounceMs?: number;
}

/** Elements we add ourselves (highlight overlay) carry this attribute and are never rescanned. */
export const OWN_MARK = 'data-crosswalk-ui';
const ATTRS = [
  'hidden',
  'style',
  'class',
  'aria-hidden',
  'aria-expanded',
  'disabled',
  'open',
  'inert',
  'contenteditable',
  'role',
];

export function observePage(
  root: Document,
  onChange: (change: PageChange) => void,
  signal: AbortSignal,
  opts: ObserveOptions = {},
): void {
  if (signal.aborted) return;
  if (pageState(root).order.length === 0) scanNow(root, opts);
  const win = root.defaultView;
  const pending = new Set<Element>();
  let removals = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observed = new WeakSet<Node>();

  const flush = (): void => {
    timer = undefined;
    // A scan is scrolling a virtual list: its rows come and go on purpose; look again once it is done.
    if (pageState(root).sweeping > 0) {
      schedule();
      return;
    }
    const targets = [...pending].filter((el) => el.isConnected);
    pending.clear();
    // Keep only outermost subtrees.
    const outer = targets.filter((el) => !targets.some((o) => o !== el && o.contains(el)));
    for (const el of outer) watchShadows(el);
    const hadRemovals = removals;
    removals = false;
    if (outer.length === 0 && !hadRemovals) return;
    const { added, removed } = rescanSubtrees(root, outer, opts);
    if (added.length || removed.length) onChange({ added, removed, fields: currentFields(root) });
  };

  const schedule = (): void => {
    if (timer === undefined) timer = setTimeout(flush, opts.debounceMs ?? 50);
  };

  const onRecords = (records: MutationRecord[]): void => {
    for (const r of records) {
      const target = r.target as Element;
      if (target.nodeType === 1 && target.closest?.(`[${OWN_MARK}]`)) continue;
      if (r.type === 'childList') {
        r.addedNodes.forEach((n) => {
          if (n.nodeType === 1 && !(n as Element).hasAttribute(OWN_MARK)) pending.add(n as Element);
        });
        if (r.removedNodes.length) removals = true;
      } else if (target.nodeType === 1) pending.add(target);
    }
    if (pending.size || removals) schedule();
  };

  const observer = new (win?.MutationObserver ?? MutationObserver)(onRecords);
  const watch = (node: Document | ShadowRoot): void => {
    if (observed.has(node)) return;
    observed.add(node);
    observer.observe(node, { childList: true, subtree: true, attributes: true, attributeFilter: ATTRS });
  };
  // A document observer sees nothing inside shadow trees: observe each root we can reach.
  const watchShadows = (el: Element): void => {
    const all = [el, ...[...el.querySelectorAll('*')]];
    for (const e of all) {
      const sr = shadowOf(e, opts);
      if (sr) {
        watch(sr);
        for (const c of [...sr.children]) watchShadows(c);
      }
    }
  };
  watch(root);
  watchShadows(root.documentElement);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
    },
    { once: true },
  );
}
