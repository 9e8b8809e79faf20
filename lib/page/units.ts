// Question units: controls grouped into answer sets (one per radio/checkbox group), comment boxes paired
// with the question they explain, and each unit's container = the largest ancestor holding only its own
// controls (DuckDuckGo's "largest meaningful container", notes supplement §B.3-4).
import type { FieldKind } from './types';
import type { Control, ControlType } from './controls';
import { attr, commonAncestor, composedContains, composedParent, idRefs, words, LABELLEDBY } from './dom';
import { readItems } from './read-text';
import { isCommentLike } from './text';
import { ownLabelText } from './label';
import { rowContext } from './table';
import { commentBlockAfter } from './comment-block';
import { fileZone } from './file-zone';

export interface Unit {
  idx: number;
  kind: FieldKind;
  ctype: ControlType;
  /** The unit's answer controls, in document order. */
  els: Element[];
  disabled: boolean;
  comment?: Unit;
  /** The comment box sits in its own block after the question's (not inside its container). */
  commentApart?: boolean;
  /** Set on a comment box once paired: the unit it belongs to. */
  owner?: Unit;
  area: Element;
  /** fieldset / radiogroup / group element exclusive to this unit, if any. */
  group?: Element;
  /** A dropdown that takes several values (reported as kind checkbox); set when described. */
  multi?: boolean;
}

/** The field kind a control type answers as: ARIA radios/checkboxes are radios/checkboxes, popups selects. */
export const kindOf = (t: ControlType): FieldKind =>
  t === 'combobox' || t === 'listbox' ? 'select' : (t.replace('aria-', '') as FieldKind);

// Tag and role sets: space-separated words (compact in the shipped bundle).
const CLUSTER_BARRIER = words('HTML BODY FORM MAIN TABLE TBODY THEAD TFOOT');
const CLUSTER_BARRIER_ROLE = words('main grid treegrid rowgroup table form');
const CONTAINER_BARRIER = words('HTML BODY FORM MAIN TABLE TBODY THEAD TFOOT UL OL DL NAV');
const CONTAINER_BARRIER_ROLE = words('main grid treegrid rowgroup list table dialog form tabpanel');
const ROW_STOP = words('TR LI FIELDSET SECTION ARTICLE');
const ROW_STOP_ROLE = words('row listitem article');

const isBarrier = (el: Element, tags: Set<string>, roles: Set<string>): boolean =>
  tags.has(el.tagName) || roles.has(attr(el, 'role'));

function family(t: ControlType): 'radio' | 'checkbox' | null {
  const k = kindOf(t);
  return k === 'radio' || k === 'checkbox' ? k : null;
}

/** Group controls (already in document order) into units. */
export function groupControls(controls: Control[]): Unit[] {
  // How many choice controls of each family sit under each ancestor (below clustering barriers).
  const counts: Record<'radio' | 'checkbox', Map<Element, number>> = { radio: new Map(), checkbox: new Map() };
  for (const c of controls) {
    const fam = family(c.type);
    if (!fam || (c.type === 'radio' && (c.el as HTMLInputElement).name)) continue;
    for (
      let cur = composedParent(c.el);
      cur && !isBarrier(cur, CLUSTER_BARRIER, CLUSTER_BARRIER_ROLE);
      cur = composedParent(cur)
    ) {
      counts[fam].set(cur, (counts[fam].get(cur) ?? 0) + 1);
    }
  }
  const byKey = new Map<Element, Unit>();
  const radiosByOwner = new Map<Node, Map<string, Unit>>();
  const units: Unit[] = [];
  // Join the unit stored under `key` in `map` (same control type), or start a new one there.
  const add = <K>(map: Map<K, Unit>, key: K | null, c: Control): void => {
    const existing = key === null ? undefined : map.get(key);
    if (existing && existing.ctype === c.type) {
      existing.els.push(c.el);
      existing.disabled &&= c.disabled;
      return;
    }
    const u: Unit = {
      idx: units.length,
      kind: kindOf(c.type),
      ctype: c.type,
      els: [c.el],
      disabled: c.disabled,
      area: c.el,
    };
    units.push(u);
    if (key !== null) map.set(key, u);
  };
  for (const c of controls) {
    const fam = family(c.type);
    if (!fam) {
      add(byKey, null, c);
      continue;
    }
    const name = (c.el as HTMLInputElement).name;
    if (c.type === 'radio' && name) {
      // Browsers define radio groups by name within one form owner and one tree.
      const owner = (c.el as HTMLInputElement).form ?? c.el.getRootNode();
      let perOwner = radiosByOwner.get(owner);
      if (!perOwner) {
        perOwner = new Map();
        radiosByOwner.set(owner, perOwner);
      }
      add(perOwner, name, c);
      continue;
    }
    // Lowest ancestor holding another choice control of the same family = this option's group.
    let cluster: Element | null = null;
    for (
      let cur = composedParent(c.el);
      cur && !isBarrier(cur, CLUSTER_BARRIER, CLUSTER_BARRIER_ROLE);
      cur = composedParent(cur)
    ) {
      if ((counts[fam].get(cur) ?? 0) >= 2) {
        cluster = cur;
        break;
      }
    }
    add(byKey, cluster, c);
  }
  const order = new Map<Element, number>();
  controls.forEach((c, i) => order.set(c.el, i));
  units.sort((a, b) => (order.get(a.els[0]!) ?? 0) - (order.get(b.els[0]!) ?? 0));
  units.forEach((u, i) => (u.idx = i));
  return units;
}

/** Every element of a unit, its comment's included, in document order. */
export const unitElements = (u: Unit): Element[] => (u.comment ? [...u.els, ...u.comment.els] : u.els);

/** `a` is `b` or a composed ancestor of it: native contains within one tree, the composed walk across. */
const holds = (a: Element, b: Element | undefined): boolean =>
  !!b && (a.contains(b) || (a.getRootNode() !== b.getRootNode() && composedContains(a, b)));

const lastEl = (u: Unit | undefined): Element | undefined => (u ? unitElements(u).at(-1) : undefined);

// Units are in document order, so the units under any ancestor form a contiguous run: an ancestor holds
// only units i..j exactly when it holds neither unit i-1's last element nor unit j+1's first.

const TEXTY = new Set<FieldKind>(['text', 'textarea', 'contenteditable']);
// An upload's comment box explains it like a choice's does ("Upload your SOC 2 report" + "Comment").
const CHOICE = new Set<FieldKind>(['radio', 'checkbox', 'select', 'file']);
const PAIR_BARRIER = /^(HTML|BODY|FORM|MAIN|TABLE|TBODY)$/;

/**
 * Pair comment / explanation boxes with the choice question right before them when both sit alone in a
 * shared container (table row, card, fieldset) and the box's own label does not ask a new question.
 * Returns the units that remain questions, renumbered.
 */
export function pairComments(units: Unit[], optionLabelEls: (u: Unit) => Set<Element>, fresh?: Set<Unit>): Unit[] {
  const headerCache = new Map<Element, string[]>();
  for (let i = 1; i < units.length; i++) {
    const t = units[i]!;
    const c = units[i - 1]!;
    // Incremental rescans only look at pairs that involve a new unit.
    if (fresh && !fresh.has(t) && !fresh.has(c)) continue;
    if (!TEXTY.has(t.kind) || c.comment || c.owner) continue;
    // Two text answers in one row: the second is a comment only when its column says so ("Notes").
    if (!CHOICE.has(c.kind) && !(TEXTY.has(c.kind) && commentColumn(c.els[0]!, t.els[0]!, headerCache))) continue;
    const last = c.els[c.els.length - 1]!;
    const box = t.els[0]!;
    const lca = commonAncestor(last, box);
    if (!lca) continue;
    const own = ownLabelText(box);
    if (PAIR_BARRIER.test(lca.tagName) || holds(lca, lastEl(units[i - 2])) || holds(lca, units[i + 1]?.els[0])) {
      // No shared container: only a box labelled as a follow-up, in the block right after the question's.
      if (!CHOICE.has(c.kind) || !own || !isCommentLike(own)) continue;
      if (!commentBlockAfter(lca, c.els[0]!, last, box, lastEl(units[i - 2]), units[i + 1]?.els[0])) continue;
      c.commentApart = true;
    } else {
      if (own && !isCommentLike(own) && !sharesLabel(box, c) && !commentColumn(last, box, headerCache)) continue;
      if (questionTextBetween(lca, last, box, optionLabelEls(c))) continue;
    }
    c.comment = t;
    t.owner = c;
  }
  const kept = units.filter((u) => !u.owner);
  kept.forEach((u, i) => (u.idx = i));
  return kept;
}

function commentColumn(a: Element, b: Element, cache: Map<Element, string[]>): boolean {
  const ra = rowContext(a, cache);
  const rb = rowContext(b, cache);
  return !!ra && !!rb && ra.row === rb.row && !!rb.column && isCommentLike(rb.column) && ra.column !== rb.column;
}

/** Both point aria-labelledby at the same title (Microsoft Forms "other" boxes, notes P8). */
function sharesLabel(el: Element, c: Unit): boolean {
  const mine = idRefs(el, LABELLEDBY);
  if (mine.length === 0) return false;
  const group = c.els[0] ? composedParent(c.els[0]) : null;
  const theirs = new Set<Element>();
  for (let cur = group; cur; cur = composedParent(cur)) {
    for (const r of idRefs(cur, LABELLEDBY)) theirs.add(r);
    if (theirs.size > 0) break;
  }
  return mine.every((m) => theirs.has(m));
}

function questionTextBetween(lca: Element, after: Element, before: Element, optionLabels: Set<Element>): boolean {
  const items = readItems(lca, {
    isControl: (el) => el === after || el === before,
    exclude: (el) => optionLabels.has(el) || el.tagName === 'BUTTON' || attr(el, 'role') === 'button',
  });
  let seen = false;
  for (const it of items) {
    if (it.type === 'control') {
      if (it.el === before) return false;
      if (it.el === after) seen = true;
      continue;
    }
    if (seen && !isCommentLike(it.text) && (it.text.endsWith('?') || it.text.split(' ').length >= 5)) return true;
  }
  return false;
}

/** Climb from the unit's controls while the ancestor holds no other unit's controls. */
export function assignContainers(units: Unit[], fresh?: Set<Unit>): void {
  units.forEach((u, i) => {
    // A new unit can only shrink the containers of its neighbours in document order.
    if (fresh && !fresh.has(u) && !fresh.has(units[i - 1]!) && !fresh.has(units[i + 1]!)) return;
    const els = u.commentApart ? u.els : unitElements(u);
    let cur: Element = els[0]!;
    for (const el of els.slice(1)) cur = commonAncestor(cur, el) ?? cur;
    const before = lastEl(units[i - 1]);
    const after = units[i + 1]?.els[0];
    let group: Element | undefined;
    for (;;) {
      if (!group && /^(FIELDSET)$/.test(cur.tagName)) group = cur;
      if (!group && /^(radiogroup|group)$/.test(attr(cur, 'role'))) group = cur;
      if (isBarrier(cur, ROW_STOP, ROW_STOP_ROLE)) break;
      const p = composedParent(cur);
      if (!p || isBarrier(p, CONTAINER_BARRIER, CONTAINER_BARRIER_ROLE) || holds(p, before) || holds(p, after)) break;
      cur = p;
    }
    u.area = cur;
    // A drop zone around a hidden file input names the upload (aria-labelledby / -describedby on the zone).
    u.group = group ?? (u.ctype === 'file' ? (fileZone(u.els[0]!) ?? undefined) : undefined);
  });
}
