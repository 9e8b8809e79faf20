// scanPage: the page as a plain list of questions with opaque fids. The fid -> unit map stays on the page
// (per document, lib/page/state.ts); fids are keyed by element in a WeakMap so the same element keeps its
// fid across rescans, and by question inside virtual lists, whose rows are re-created as they scroll.
import type { QuestionField } from './types';
import type { Control } from './controls';
import { composedCompare, type ScanOptions } from './dom';
import { indexLabelsIn, resetLabelIndex } from './label';
import { build, describe, dropChrome, questionControls, seeing } from './describe';
import { groupControls, type Unit } from './units';
import { currentFields, docOf, pageState } from './state';
import { adopt, remount, sweep, virtualContainers } from './virtual';

export type { ScanOptions } from './dom';
export { currentFields } from './state';

/**
 * Scan `root` (a document, or a subtree of one) and return its questions in document order. Returns a
 * Promise when the page has a virtual list, which is scrolled through first (await it either way).
 */
export function scanPage(
  root: Document | Element | ShadowRoot,
  opts?: ScanOptions,
): QuestionField[] | Promise<QuestionField[]> {
  const fields = scanNow(root, opts);
  const doc = docOf(root);
  const state = pageState(doc);
  const boxes = virtualContainers(state, doc).filter((b) => root === doc || (root as Node).contains(b));
  if (boxes.length === 0) return fields;
  return (async () => {
    for (const box of boxes) await sweep(state, doc, box, opts);
    return currentFields(state);
  })();
}

/** The synchronous scan of what is in the DOM now (rows of virtual lists swept before keep their place). */
export function scanNow(root: Document | Element | ShadowRoot, opts?: ScanOptions): QuestionField[] {
  const doc = docOf(root);
  const state = pageState(doc);
  resetLabelIndex();
  state.known = new WeakSet();
  state.sections = new WeakMap();
  const see = seeing(doc);
  const units = build(groupControls(questionControls(root, see, opts)));
  // Forget the previous snapshot (virtual lists' unmounted rows excepted); fids survive through the
  // element WeakMap and the lists' keys.
  const parked = new Set([...state.lists.values()].flatMap((l) => l.entries.map((e) => e.unit)));
  for (const [fid, u] of state.units) if (!parked.has(u) && !(u.owner && parked.has(u.owner))) state.units.delete(fid);
  for (const u of state.fields.keys()) if (!parked.has(u)) state.fields.delete(u);
  state.order = units;
  dropChrome(state, describe(state, units, new Set(units), see), see, true);
  for (const [el, list] of state.lists) {
    if (el.isConnected) adopt(state, list, state.order);
    else state.lists.delete(el);
  }
  return currentFields(state);
}

export interface RescanResult {
  added: QuestionField[];
  removed: string[];
}

/**
 * Incremental rescan: drop questions whose controls left the page and describe the controls found in
 * `subtrees` (added or changed). Unchanged questions keep their snapshot; nothing else is re-read. Rows
 * of a virtual list that unmount are not removed (they are scrolled away), and rows that mount again
 * get their old fids back.
 */
export function rescanSubtrees(doc: Document, subtrees: Element[], opts?: ScanOptions): RescanResult {
  const state = pageState(doc);
  const removed: string[] = [];
  const kept = state.order.filter((u) => {
    const alive = u.els.some((c) => c.isConnected);
    if (!alive) {
      const f = state.fields.get(u);
      if (f) {
        removed.push(f.fid);
        state.units.delete(f.fid);
        state.fields.delete(u);
      }
      for (const el of u.comment ? [...u.els, ...u.comment.els] : u.els) state.known.delete(el);
    }
    return alive;
  });
  const fresh: Control[] = [];
  const seen = new Set<Element>();
  const see = seeing(doc);
  const lists = [...state.lists.values()].filter((l) => l.el.isConnected);
  const touched = new Set<(typeof lists)[number]>();
  for (const t of subtrees) {
    if (!t.isConnected) continue;
    indexLabelsIn(t);
    for (const c of questionControls(t, see, opts)) {
      if (state.known.has(c.el) || seen.has(c.el)) continue;
      seen.add(c.el);
      const list = lists.find((l) => l.el.contains(c.el));
      if (list) touched.add(list);
      else fresh.push(c);
    }
  }
  // Rows mounted by scrolling: known questions get their fids back; only new ones are reported.
  const before = new Set(lists.flatMap((l) => l.entries.map((e) => e.fid)));
  for (const list of touched) remount(state, doc, list, list.opts ?? opts);
  const added = lists.flatMap((l) => l.entries.filter((e) => !before.has(e.fid)).map((e) => e.field));
  if (fresh.length === 0) {
    state.order = kept;
    return { added, removed };
  }
  fresh.sort((a, b) => composedCompare(a.el, b.el));
  const newUnits = groupControls(fresh);
  const merged = mergeInOrder(kept, newUnits);
  merged.forEach((u, i) => (u.idx = i));
  const questions = build(merged, new Set(newUnits));
  state.order = questions;
  const freshSet = new Set(newUnits.filter((u) => !u.owner));
  // A new comment box paired with an existing question changes that question's snapshot too.
  for (const u of questions) if (u.comment && newUnits.includes(u.comment)) freshSet.add(u);
  added.push(...dropChrome(state, describe(state, questions, freshSet, see), see));
  return { added, removed };
}

/** Insert the new units (sorted) into the existing order by binary search: O(k log n) comparisons. */
function mergeInOrder(a: Unit[], b: Unit[]): Unit[] {
  const out = a.slice();
  for (const u of b) {
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (composedCompare(out[mid]!.els[0]!, u.els[0]!) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, u);
  }
  return out;
}
