// What the page keeps to itself between messages: the fid -> unit map, the last snapshot of each question,
// undo records, and the virtual lists it has scrolled through. One state per document; nothing here
// leaves the page except plain QuestionField snapshots.
import type { QuestionField } from './types';
import type { Unit } from './units';
import { composedCompare, type ScanOptions } from './dom';
import type { ChromeContext } from './chrome';

export interface UndoRecord {
  /** The field's value before Crosswalk first wrote to it. */
  previous: string;
}

/** One question of a virtual list, mounted or not: its rows come and go as the list scrolls. */
export interface ListEntry {
  /** Identity across re-mounts: kind, number and question text (plus an ordinal for repeats). */
  key: string;
  fid: string;
  field: QuestionField;
  /** The unit as last mounted (its elements are detached while the row is scrolled away). */
  unit: Unit;
  /** Top of the row in the list's content coordinates, to scroll back to it. */
  offset: number;
  /** Seen in the current sweep (entries not seen again are dropped when a sweep ends). */
  seen: boolean;
}

export interface VirtualList {
  /** The scroll container. */
  el: Element;
  entries: ListEntry[];
  /** The scan options it was swept with (closed shadow roots), for re-mounting rows later. */
  opts?: ScanOptions;
}

export interface PageState {
  fids: WeakMap<Element, string>;
  counter: number;
  /** Every fillable unit by fid: questions and their paired comment boxes. */
  units: Map<string, Unit>;
  /** Question units in document order, with their last snapshot (virtual lists' rows excepted). */
  order: Unit[];
  fields: Map<Unit, QuestionField>;
  undo: Map<string, UndoRecord>;
  /** Controls that belong to a known unit (so incremental rescans skip them). */
  known: WeakSet<Element>;
  /** Section of each question container, for the backward heading walk. */
  sections: WeakMap<Element, string>;
  /** Virtual lists by scroll container, kept across scans so their fids stay stable. */
  lists: Map<Element, VirtualList>;
  /** A sweep is scrolling a list: the observer leaves the mutations it causes alone. */
  sweeping: number;
  /** Where the questionnaire is (from the last full scan), to tell site chrome from questions. */
  chrome: ChromeContext;
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
      lists: new Map(),
      sweeping: 0,
      chrome: { region: null, bars: [] },
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

/** Current snapshot of every question (as last scanned), in document order, virtual lists' rows in place. */
export function currentFields(doc: Document | PageState): QuestionField[] {
  const state = 'order' in doc ? doc : pageState(doc);
  const base = state.order.map((u) => state.fields.get(u)).filter((f): f is QuestionField => !!f);
  if (state.lists.size === 0) return base;
  const els = state.order.filter((u) => state.fields.has(u)).map((u) => u.els[0]!);
  const lists = [...state.lists.values()].filter((l) => l.el.isConnected && l.entries.length);
  // Each list goes where its container sits among the other questions, its rows in scroll order.
  const at = lists.map((l) => {
    let lo = 0;
    let hi = els.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (composedCompare(els[mid]!, l.el) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  });
  const out: QuestionField[] = [];
  base.forEach((f, i) => {
    lists.forEach((l, k) => {
      if (at[k] === i) out.push(...listFields(l));
    });
    out.push(f);
  });
  lists.forEach((l, k) => {
    if (at[k] === base.length) out.push(...listFields(l));
  });
  return out;
}

const listFields = (l: VirtualList): QuestionField[] =>
  [...l.entries].sort((a, b) => a.offset - b.offset).map((e) => e.field);
