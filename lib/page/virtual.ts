// Virtual lists (react-window, @tanstack/react-virtual, rc-virtual-list...): only the rows in view exist in
// the DOM, absolutely placed inside a spacer as tall as every row together. A person scrolls and sees them
// all, so the scan does too: it finds such a scroll container, scrolls it in steps (each step as far as the
// rendered rows reach), describes each newly mounted row, keys every question by what it asks (so a row
// that unmounts and mounts again keeps its fid), and puts the scroll position back. Filling a question
// whose row is not mounted scrolls it into view first.
import type { QuestionField } from './types';
import type { Unit } from './units';
import { composedParent, hasLayout, rect, type ScanOptions } from './dom';
import { build, describe, dropChrome, questionControls, seeing, type Seeing } from './describe';
import { groupControls } from './units';
import { indexLabelsIn } from './label';
import { pageState as pageStateOf, type ListEntry, type PageState, type VirtualList } from './state';

const keyOf = (f: QuestionField): string => `${f.kind}|${f.number ?? ''}|${f.question}`;

/** The row's own index, when the list marks it (TanStack data-index, ARIA rowindex / posinset). */
function rowIndex(el: Element, box: Element): string {
  for (let a: Element | null = el; a && a !== box; a = a.parentElement) {
    const i = a.getAttribute('data-index') ?? a.getAttribute('aria-rowindex') ?? a.getAttribute('aria-posinset');
    if (i !== null) return i;
  }
  return '';
}

/**
 * The scroll container of `el` (overflow auto/scroll with more content than it shows), or null. `memo`
 * remembers the answer for every ancestor walked, so a page of questions costs one walk per ancestor.
 */
function scrollerOf(el: Element, memo: Map<Element, Element | null>): Element | null {
  const win = el.ownerDocument.defaultView;
  const walked: Element[] = [];
  let found: Element | null = null;
  for (let a = composedParent(el); a && a !== el.ownerDocument.body; a = composedParent(a)) {
    const known = memo.get(a);
    if (known !== undefined) {
      found = known;
      break;
    }
    walked.push(a);
    if (a.scrollHeight <= a.clientHeight + 20) continue;
    const oy = win?.getComputedStyle(a).overflowY;
    if (oy === 'auto' || oy === 'scroll') {
      found = a;
      break;
    }
  }
  // Every element walked below the scroller (or below the page, when there is none) shares the answer.
  for (const w of walked) if (w !== found) memo.set(w, found);
  return found;
}

/** Top and bottom of `el` in `box`'s scrolled content coordinates. */
function span(el: Element, box: Element): [number, number] {
  const r = rect(el);
  const b = rect(box);
  return [r.top - b.top + box.scrollTop, r.bottom - b.top + box.scrollTop];
}

/**
 * Scroll containers holding questions whose rendered rows cover much less than their scroll height: rows
 * are missing, so the list is virtual. (An ordinary scroll area is filled with its content from top to
 * bottom; a short unrelated footer does not make it look virtual: the gap must exceed a screenful.)
 */
export function virtualContainers(state: PageState, doc: Document): Element[] {
  if (!hasLayout(doc)) return [];
  const found = new Map<Element, [number, number]>();
  const memo = new Map<Element, Element | null>();
  for (const u of state.order) {
    const box = scrollerOf(u.els[0]!, memo);
    if (!box) continue;
    const [top, bottom] = span(u.area, box);
    const seen = found.get(box);
    found.set(box, seen ? [Math.min(seen[0], top), Math.max(seen[1], bottom)] : [top, bottom]);
  }
  for (const l of state.lists.values()) if (l.el.isConnected && !found.has(l.el)) found.set(l.el, [0, 0]);
  const out: Element[] = [];
  for (const [box, [top, bottom]] of found) {
    const known = state.lists.has(box);
    const gap = box.scrollHeight - (bottom - top);
    if (known || (box.scrollHeight > box.clientHeight * 1.5 && gap > box.clientHeight)) out.push(box);
  }
  return out;
}

const listOf = (state: PageState, el: Element, opts?: ScanOptions): VirtualList => {
  let l = state.lists.get(el);
  if (!l) state.lists.set(el, (l = { el, entries: [] }));
  if (opts) l.opts = opts;
  return l;
};

/**
 * Move the described units inside the list's container out of the page order into the list, re-using the
 * fid each question had when its row was mounted before.
 */
export function adopt(state: PageState, list: VirtualList, units: Unit[]): void {
  const box = list.el;
  const byKey = new Map<string, ListEntry[]>();
  for (const e of list.entries) {
    const base = e.key.replace(/#\d+$/, '');
    byKey.set(base, [...(byKey.get(base) ?? []), e]);
  }
  const taken = new Set<ListEntry>();
  const mine = new Set<Unit>();
  for (const u of units) {
    const f = state.fields.get(u);
    if (!f || !box.contains(u.els[0]!)) continue;
    mine.add(u);
    const offset = span(u.area, box)[0];
    const base = `${rowIndex(u.els[0]!, box)}|${keyOf(f)}`;
    // A repeated question text in a list without row indexes: the entry nearest this row's offset is the
    // same row (offsets move a little as a virtualizer measures rows it had estimated).
    const same = (byKey.get(base) ?? []).filter((e) => !taken.has(e));
    const hit = same.sort((a, b) => Math.abs(a.offset - offset) - Math.abs(b.offset - offset))[0];
    if (hit && Math.abs(hit.offset - offset) < box.clientHeight * 2) {
      taken.add(hit);
      if (hit.unit !== u) state.fields.delete(hit.unit);
      rebind(state, u, f, hit.field);
      Object.assign(hit, { field: f, unit: u, offset, seen: true });
    } else {
      const n = (byKey.get(base) ?? []).length;
      const e: ListEntry = { key: n ? `${base}#${n}` : base, fid: f.fid, field: f, unit: u, offset, seen: true };
      list.entries.push(e);
      byKey.set(base, [...(byKey.get(base) ?? []), e]);
      taken.add(e);
    }
  }
  if (mine.size) state.order = state.order.filter((u) => !mine.has(u));
}

/** Give a re-mounted row's question (and its comment box) the fids its earlier mount had. */
function rebind(state: PageState, u: Unit, f: QuestionField, old: QuestionField): void {
  const move = (from: string, to: string, el: Element): void => {
    if (from === to) return;
    state.units.set(to, state.units.get(from)!);
    state.units.delete(from);
    state.fids.set(el, to);
  };
  move(f.fid, old.fid, u.els[0]!);
  f.fid = old.fid;
  if (f.comment && old.comment && u.comment) {
    move(f.comment, old.comment, u.comment.els[0]!);
    f.comment = old.comment;
  }
}

/** Describe the rows mounted in the list now that are not known yet, and adopt them. */
export function remount(
  state: PageState,
  doc: Document,
  list: VirtualList,
  opts?: ScanOptions,
  see: Seeing = seeing(doc),
): void {
  indexLabelsIn(list.el);
  const controls = questionControls(list.el, see, opts, state.known);
  const units = build(groupControls(controls));
  const fresh = new Set(units.filter((u) => !state.known.has(u.els[0]!)));
  // Mounted rows already known keep their place; only the new ones are described.
  const mounted = units.filter((u) => !fresh.has(u)).map((u) => u.els[0]!);
  for (const e of list.entries) if (mounted.includes(e.unit.els[0]!)) e.seen = true;
  if (fresh.size === 0) return;
  dropChrome(state, describe(state, units, fresh, see), see);
  adopt(state, list, [...fresh]);
}

/** Set the scroll offset and tell the list (virtualizers read it in their scroll handler). */
function scrollTo(box: Element, top: number): void {
  box.scrollTop = top;
  box.dispatchEvent(new (box.ownerDocument.defaultView?.Event ?? Event)('scroll'));
}

/**
 * Watches a list while it is scrolled: `step(top)` scrolls and resolves once the list has re-rendered for
 * the new offset. Virtualizers render synchronously in their scroll handler (TanStack's flushSync), in a
 * task soon after (react-window), or on an animation frame; a list with nothing new to render for that
 * offset is given ~150 ms.
 */
function stepper(box: Element): { step(top: number): Promise<void>; stop(): void } {
  const win = box.ownerDocument.defaultView!;
  let changes = 0;
  let wake: (() => void) | null = null;
  const mo = new win.MutationObserver(() => {
    changes++;
    wake?.();
  });
  mo.observe(box, { childList: true, subtree: true });
  return {
    async step(top: number): Promise<void> {
      const before = changes;
      scrollTo(box, top);
      // Let the observer see a synchronous render (its callback runs at the next microtask checkpoint).
      await Promise.resolve();
      if (changes !== before) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, 150);
        function done(): void {
          clearTimeout(timer);
          wake = null;
          resolve();
        }
        wake = done;
      });
      // A render can come in several commits: give it one more task.
      await new Promise((r) => setTimeout(r, 0));
    },
    stop: () => mo.disconnect(),
  };
}

/** The bottom-most top of a mounted row: the next step starts there, so no row is skipped. */
function lastRowTop(list: VirtualList): number {
  let top = -1;
  for (const e of list.entries) if (e.unit.els[0]!.isConnected) top = Math.max(top, span(e.unit.area, list.el)[0]);
  return top;
}

/** Scroll the list from top to bottom, describing every row once; then put it back where it was. */
export async function sweep(state: PageState, doc: Document, box: Element, opts?: ScanOptions): Promise<void> {
  const list = listOf(state, box, opts);
  adopt(state, list, state.order);
  for (const e of list.entries) e.seen = false;
  const start = box.scrollTop;
  const steps = stepper(box);
  const see = seeing(doc);
  state.sweeping++;
  try {
    let y = 0;
    if (start !== 0) await steps.step(0);
    for (let guard = 0; guard < 100000; guard++) {
      remount(state, doc, list, opts, see);
      const max = box.scrollHeight - box.clientHeight;
      if (y >= max) break;
      // As far as the mounted rows reach, at least a little (rows taller than the view).
      y = Math.min(max, Math.max(y + 40, Math.min(lastRowTop(list), y + box.clientHeight * 3)));
      await steps.step(y);
    }
  } finally {
    await steps.step(start);
    steps.stop();
    remount(state, doc, list, opts);
    state.sweeping--;
  }
  // Rows the list no longer has (it shrank since an earlier sweep) are gone.
  for (const e of list.entries.filter((x) => !x.seen)) {
    state.units.delete(e.fid);
    if (e.field.comment) state.units.delete(e.field.comment);
    state.fields.delete(e.unit);
  }
  list.entries = list.entries.filter((e) => e.seen);
}

/** The list and entry a fid belongs to (the question's or its comment box's), if it is in a virtual list. */
export function entryOf(state: PageState, fid: string): { list: VirtualList; entry: ListEntry } | null {
  for (const list of state.lists.values())
    for (const entry of list.entries) if (entry.fid === fid || entry.field.comment === fid) return { list, entry };
  return null;
}

/** Scroll a virtual list until the row of `fid` is mounted (filling needs the real controls). */
export async function mount(state: PageState, doc: Document, fid: string): Promise<void> {
  const hit = entryOf(state, fid);
  if (!hit || hit.entry.unit.els.some((e) => e.isConnected) || !hit.list.el.isConnected) return;
  const box = hit.list.el;
  const steps = stepper(box);
  state.sweeping++;
  try {
    await steps.step(Math.max(0, hit.entry.offset - box.clientHeight / 3));
    remount(state, doc, hit.list, hit.list.opts);
  } finally {
    steps.stop();
    state.sweeping--;
  }
}

/** For callers outside lib/page (highlight, fill-focused): mount the row of `fid` if it is scrolled away. */
export const mountField = (doc: Document, fid: string): Promise<void> => mount(pageStateOf(doc), doc, fid);
