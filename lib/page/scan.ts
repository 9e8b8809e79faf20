// scanPage: the page as a plain list of questions with opaque fids. The fid -> unit map stays on the page
// (per document); fids are keyed by element in a WeakMap so the same element keeps its fid across rescans.
import type { QuestionField } from './types';
import { collectControls, nonQuestionFilter, type Control } from './controls';
import { composedCompare, composedContains, type ScanOptions } from './dom';
import { unitVisibility, visibility, type Visibility } from './visibility';
import { indexLabelsIn, inferQuestion, optionLabelElements, resetLabelIndex, type LabelContext } from './label';
import { sectionOf } from './section';
import { assignContainers, groupControls, pairComments, type Unit } from './units';
import { optionsAndValue } from './values';

export type { ScanOptions } from './dom';

export interface UndoRecord {
  /** The field's value before Crosswalk first wrote to it. */
  previous: string;
}

export interface PageState {
  fids: WeakMap<Element, string>;
  counter: number;
  /** Every fillable unit by fid: questions and their paired comment boxes. */
  units: Map<string, Unit>;
  /** Question units in document order, with their last snapshot. */
  order: Unit[];
  fields: Map<Unit, QuestionField>;
  undo: Map<string, UndoRecord>;
  /** Controls that belong to a known unit (so incremental rescans skip them). */
  known: WeakSet<Element>;
  /** Section of each question container, for the backward heading walk. */
  sections: WeakMap<Element, string>;
}

const STATES = new WeakMap<Document, PageState>();

export function pageState(doc: Document): PageState {
  let s = STATES.get(doc);
  if (!s) {
    s = {
      fids: new WeakMap(),
      counter: 0,
      units: new Map(),
      order: [],
      fields: new Map(),
      undo: new Map(),
      known: new WeakSet(),
      sections: new WeakMap(),
    };
    STATES.set(doc, s);
  }
  return s;
}

export const docOf = (root: Document | Element | ShadowRoot): Document =>
  (root as Document).nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);

export function fidOf(state: PageState, el: Element): string {
  let fid = state.fids.get(el);
  if (!fid) {
    fid = `f${++state.counter}`;
    state.fids.set(el, fid);
  }
  return fid;
}

/** One scan's view of the page: what a person can see, and what each control shows of itself. */
interface Seeing {
  vis: Visibility;
  targets: Map<Element, Element>;
}

function questionControls(root: Document | Element | ShadowRoot, see: Seeing, opts?: ScanOptions): Control[] {
  const skip = nonQuestionFilter(see.vis);
  return collectControls(root, opts).filter((c) => {
    if (skip(c)) return false;
    if (c.target) see.targets.set(c.el, c.target);
    return true;
  });
}

const seeing = (doc: Document): Seeing => ({ vis: visibility(doc), targets: new Map() });

/** Label, options, value and section for the `fresh` units; `all` is every question unit in order. */
function describe(state: PageState, all: Unit[], fresh: Set<Unit>, see: Seeing): QuestionField[] {
  const ctx: LabelContext = { headers: new Map(), rowUnits: new Map() };
  // Count questions per table row, for the rows that new questions sit in.
  const rows = new Set<Element>();
  for (const u of fresh) {
    const row = u.els[0]!.closest('tr,[role=row]');
    if (row) rows.add(row);
  }
  if (rows.size) {
    for (const u of all) {
      const row = u.els[0]!.closest('tr,[role=row]');
      if (row && rows.has(row)) ctx.rowUnits.set(row, (ctx.rowUnits.get(row) ?? 0) + 1);
    }
  }
  const out: QuestionField[] = [];
  all.forEach((u, i) => {
    if (!fresh.has(u)) {
      // Only a neighbour of a new unit can have a new container; keep its section findable.
      const old = state.fields.get(u);
      if (old && (fresh.has(all[i + 1]!) || fresh.has(all[i - 1]!))) state.sections.set(u.area, old.section ?? '');
      return;
    }
    const { options, value } = optionsAndValue(u, ctx.headers);
    const inf = inferQuestion(u, options ?? [], ctx);
    // An ancestor holding a neighbour question holds two or more: a group that may carry a section title.
    const prev = all[i - 1]?.els.at(-1);
    const next = all[i + 1]?.els[0];
    const holdsOther = (el: Element): boolean =>
      (!!prev && composedContains(el, prev)) || (!!next && composedContains(el, next));
    const section = sectionOf(u.area, state.sections, inf.question, u.els[0], holdsOther);
    state.sections.set(u.area, section);
    const fid = fidOf(state, u.els[0]!);
    state.units.set(fid, u);
    for (const el of u.els) state.known.add(el);
    const field: QuestionField = {
      fid,
      question: inf.question,
      kind: u.kind,
      value,
      helper: inf.helper,
      number: inf.number,
      options,
      section: section || undefined,
      required: inf.required || undefined,
      disabled: u.disabled || undefined,
      labelSource: inf.source,
    };
    // Optional keys are absent, not undefined: the snapshot is plain data.
    for (const k in field) if (field[k as keyof QuestionField] === undefined) delete field[k as keyof QuestionField];
    // Listed (the user may close the banner or dialog on top of it) but marked, and never filled.
    if (unitVisibility(u.els, u.ctype, see.vis, see.targets) !== 'ok') field.visible = false;
    if (u.comment) {
      for (const el of u.comment.els) state.known.add(el);
      const cfid = fidOf(state, u.comment.els[0]!);
      state.units.set(cfid, u.comment);
      field.comment = cfid;
    }
    state.fields.set(u, field);
    out.push(field);
  });
  return out;
}

function build(units: Unit[], fresh?: Set<Unit>): Unit[] {
  const questions = pairComments(units, optionLabelElements, fresh);
  assignContainers(questions, fresh);
  return questions;
}

/**
 * Scan `root` (a document, or a subtree of one) and return its questions in document order. May return a
 * Promise: a page with a virtual list is scrolled through first (await it either way).
 */
export function scanPage(
  root: Document | Element | ShadowRoot,
  opts?: ScanOptions,
): QuestionField[] | Promise<QuestionField[]> {
  return scanNow(root, opts);
}

/** The synchronous scan of what is in the DOM now. */
export function scanNow(root: Document | Element | ShadowRoot, opts?: ScanOptions): QuestionField[] {
  const doc = docOf(root);
  const state = pageState(doc);
  resetLabelIndex();
  state.known = new WeakSet();
  state.sections = new WeakMap();
  const see = seeing(doc);
  const units = build(groupControls(questionControls(root, see, opts)));
  // Forget the previous snapshot; fids survive through the element WeakMap.
  state.units.clear();
  state.fields.clear();
  state.order = units;
  return describe(state, units, new Set(units), see);
}

/** Current snapshot of every question (as last scanned), in document order. */
export function currentFields(doc: Document): QuestionField[] {
  const state = pageState(doc);
  return state.order.map((u) => state.fields.get(u)).filter((f): f is QuestionField => !!f);
}

export interface RescanResult {
  added: QuestionField[];
  removed: string[];
}

/**
 * Incremental rescan: drop questions whose controls left the page and describe the controls found in
 * `subtrees` (added or changed). Unchanged questions keep their snapshot; nothing else is re-read.
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
  for (const t of subtrees) {
    if (!t.isConnected) continue;
    indexLabelsIn(t);
    for (const c of questionControls(t, see, opts))
      if (!state.known.has(c.el) && !seen.has(c.el)) {
        seen.add(c.el);
        fresh.push(c);
      }
  }
  if (fresh.length === 0) {
    state.order = kept;
    return { added: [], removed };
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
  const added = describe(state, questions, freshSet, see);
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
