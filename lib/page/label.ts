// Label inference: the question text for a unit, strongest source first (notes §1.2, supplement §B.5).
// Option labels ("Yes"), slot names ("Answer", "Comments") and placeholders never win over real text.
import type { LabelSource } from './types';
import type { Unit } from './units';
import { attr, CONTROLISH, closestComposed, composedParent, idRefs } from './dom';
import { isHeadingEl, readItems, textOf, type Item } from './read-text';
import { rowContext } from './table';
import { asksQuestion, ownForLabels } from './label-quirks';
import { canonical, cleanQuestion, isBlank, isGeneric, isNumberOnly, normalize } from './text';


/** Labels pointing at `el` by for=id (scoped to its tree) and the label wrapping it. */
// label[for] index per tree, rebuilt once per scan or fill: Chromium computes `el.labels` by walking the
// whole tree scope on every call, which made label lookup quadratic on large questionnaires.
let labelIndex = new WeakMap<Node, Map<string, Element[]>>();

/** Forget the label index (the DOM may have changed). Called at the start of every scan and fill. */
export function resetLabelIndex(): void {
  labelIndex = new WeakMap();
}

/** Add the labels inside freshly added subtrees to existing indexes (incremental rescans). */
export function indexLabelsIn(subtree: Element): void {
  const idx = labelIndex.get(subtree.getRootNode());
  if (!idx) return; // built lazily, in full, on first use
  const found = subtree.matches('label[for]') ? [subtree] : [];
  for (const l of [...found, ...[...subtree.querySelectorAll('label[for]')]]) {
    const k = l.getAttribute('for')!;
    const list = idx.get(k);
    if (!list) idx.set(k, [l]);
    else if (!list.includes(l)) list.push(l);
  }
}

function labelsFor(root: Document | ShadowRoot, id: string): Element[] {
  let idx = labelIndex.get(root);
  if (!idx) {
    idx = new Map();
    for (const l of [...root.querySelectorAll('label[for]')]) {
      const k = l.getAttribute('for')!;
      const list = idx.get(k);
      if (list) list.push(l);
      else idx.set(k, [l]);
    }
    labelIndex.set(root, idx);
  }
  return (idx.get(id) ?? []).filter((l) => l.isConnected);
}

/** Labels pointing at `el` by for=id (scoped to its tree) and the label wrapping it. */
export function labelElements(el: Element): { forLabels: Element[]; wrap: Element | null } {
  const wrap = el.parentElement ? el.parentElement.closest('label') : null;
  const id = el.id;
  const forLabels = id ? ownForLabels(el, labelsFor(el.getRootNode() as Document | ShadowRoot, id).filter((l) => l !== wrap)) : [];
  return { forLabels, wrap };
}

function refsText(el: Element, attr: string): string {
  return idRefs(el, attr)
    .filter((r) => r !== el && !r.contains(el))
    .map((r) => textOf(r))
    .join(' ')
    .trim();
}

/** Text of the <label> elements of `el` (for=id and wrapping), without its ARIA naming. */
function visibleLabelText(el: Element): string {
  const { forLabels, wrap } = labelElements(el);
  return normalize([...forLabels.map((l) => textOf(l)), wrap ? textOf(wrap) : ''].join(' '));
}

/** A single control's own accessible label (label-for, wrapping label, aria-labelledby, aria-label). */
export function ownLabelText(el: Element): string {
  return visibleLabelText(el) || ariaName(el);
}

export function ariaName(el: Element): string {
  return refsText(el, 'aria-labelledby') || normalize(attr(el, 'aria-label'));
}

/** Text that follows a checkbox/radio up to the next control ("<input> ISO 27001"). */
function followingText(el: Element): string {
  const parts: string[] = [];
  for (let n = el.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
    else if (n.nodeType === 1) {
      const e = n as Element;
      if (e.matches(CONTROLISH) || e.querySelector(CONTROLISH)) break;
      parts.push(' ', textOf(e), ' ');
    }
  }
  return normalize(parts.join(''));
}

/** Visible label of one radio/checkbox option. */
export function optionLabel(el: Element, headerCache: Map<Element, string[]>): string {
  const native = el.tagName === 'INPUT';
  const visible = native ? visibleLabelText(el) : '';
  const own = visible || ariaName(el) || (native ? '' : textOf(el));
  if (own && native && !visible) {
    // A grid cell's accessible name often spells out row and column ("row Laptops are encrypted, column Yes":
    // SurveyJS matrix, ARIA grids); what a person sees as the option is the column header it embeds.
    const col = rowContext(el, headerCache)?.columnHeader;
    if (col && canonical(own) !== canonical(col) && canonical(own).includes(canonical(col))) return col;
  }
  if (own) return cleanQuestion(own).text || own;
  const next = native ? followingText(el) : '';
  if (next) return next;
  const col = rowContext(el, headerCache)?.columnHeader;
  if (col) return col;
  return normalize(el.getAttribute('data-value') ?? (el as HTMLInputElement).value ?? '');
}

/** Elements whose text belongs to the options, not the question. */
export function optionLabelElements(u: Unit): Set<Element> {
  const out = new Set<Element>();
  if (u.kind !== 'radio' && u.kind !== 'checkbox') return out;
  for (const el of u.controls) {
    const { forLabels, wrap } = labelElements(el);
    for (const l of forLabels) out.add(l);
    if (wrap) out.add(wrap);
    for (const r of idRefs(el, 'aria-labelledby')) out.add(r);
  }
  return out;
}

export interface Inferred {
  question: string;
  number?: string;
  required: boolean;
  helper?: string;
  source?: LabelSource;
}

interface Candidate {
  text: string;
  source: LabelSource;
}

export interface LabelContext {
  headerCache: Map<Element, string[]>;
  /** How many question units share each table row (several answers per row → add the column header). */
  rowUnits: Map<Element, number>;
}

export function inferQuestion(u: Unit, options: string[], ctx: LabelContext): Inferred {
  const first0 = u.controls[0]!;
  const loneQuestion = u.kind === 'checkbox' && u.controls.length === 1 ? ownLabelText(first0) : '';
  // A lone checkbox labelled with a question, or with a first-person attestation ("I certify that ..."):
  // that label is what is answered (the question), not an option.
  const attest = /^(?:I|We) \S+(?: \S+){3,}/.test(loneQuestion);
  const lone = asksQuestion(loneQuestion) || attest;
  const optionSet = new Set(lone ? [] : options.map(canonical));
  const first = u.controls[0]!;
  const choice = u.kind === 'radio' || u.kind === 'checkbox';
  const cands: Candidate[] = [];
  const push = (text: string | undefined, source: LabelSource): void => {
    if (text && !isBlank(text)) cands.push({ text, source });
  };
  // Group-level names: aria-labelledby / legend / aria-label on radiogroup, group or fieldset.
  const groupNames = (): void => {
    for (let cur = choice ? composedParent(first) : u.group ?? null; cur; cur = composedParent(cur)) {
      const role = cur.getAttribute('role');
      const isGroup = cur.tagName === 'FIELDSET' || role === 'radiogroup' || role === 'group' || cur === u.group;
      if (isGroup || (choice && cur.hasAttribute('aria-labelledby'))) {
        push(refsText(cur, 'aria-labelledby'), 'aria-labelledby');
        if (cur.tagName === 'FIELDSET') {
          const legend = [...cur.children].find((c) => c.tagName === 'LEGEND');
          if (legend) push(textOf(legend), 'legend');
        }
        if (isGroup) push(normalize(attr(cur, 'aria-label')), 'aria-label');
      }
      if (cur === u.container) break;
    }
  };
  if (lone) push(loneQuestion, 'label-wrap');
  if (choice) {
    // A lone checkbox/switch named by aria-labelledby outside its own label: accname ranks aria-labelledby
    // first, and the wrapping label may hold only state texts (SurveyJS boolean switch: "No" / "Yes").
    if (u.controls.length === 1) push(refsText(first, 'aria-labelledby'), 'aria-labelledby');
    groupNames();
  } else {
    const { forLabels, wrap } = labelElements(first);
    push(normalize(forLabels.map((l) => textOf(l)).join(' ')), 'label-for');
    if (wrap) push(textOf(wrap), 'label-wrap');
    push(refsText(first, 'aria-labelledby'), 'aria-labelledby');
    push(normalize(attr(first, 'aria-label')), 'aria-label');
    if (u.group) groupNames();
  }
  let rowNumber: string | undefined;
  const row = rowContext(first, ctx.headerCache);
  if (row) {
    rowNumber = row.number;
    const src: LabelSource = row.aria ? 'grid-row' : 'table-row';
    if (row.rowText) {
      const several = (ctx.rowUnits.get(row.row) ?? 1) > 1 && row.columnHeader && !choice;
      push(several ? `${row.rowText} — ${row.columnHeader}` : row.rowText, src);
    } else if (!choice) push(row.columnHeader, 'column-header');
  }
  const dd = closestComposed(first, 'dd');
  if (dd) {
    let dt = dd.previousElementSibling;
    while (dt && dt.tagName !== 'DT') dt = dt.previousElementSibling;
    if (dt) push(textOf(dt), 'definition-list');
  }
  const fromContainer = precedingText(u, ctx);
  if (fromContainer) push(fromContainer.text, fromContainer.source);
  // An attestation under its own question title ("5.8 Shared user IDs"): the title stays the question;
  // under a section heading ("Declaration") the statement is the question.
  if (attest && !asksQuestion(loneQuestion) && fromContainer?.source === 'preceding-text') cands.unshift({ text: fromContainer.text, source: fromContainer.source });
  push(normalize(first.getAttribute('placeholder') ?? attr(first, 'aria-placeholder')), 'placeholder');
  push(normalize(attr(first, 'title')), 'title');
  if (choice && u.controls.length === 1) push(ownLabelText(first), 'label-wrap');

  const usable = (c: Candidate): boolean => {
    const t = cleanQuestion(c.text).text;
    return !isBlank(t) && !isGeneric(t) && !isNumberOnly(t) && !optionSet.has(canonical(t));
  };
  const chosen = cands.find(usable) ?? cands.find((c) => !optionSet.has(canonical(c.text))) ?? cands[0];
  const cleaned = cleanQuestion(chosen?.text ?? '');
  const required =
    cleaned.required ||
    u.controls.some((el) => (el as HTMLInputElement).required === true || attr(el, 'aria-required') === 'true') ||
    (u.group?.getAttribute('aria-required') ?? '') === 'true';
  let helper = describedBy(u) || (chosen && fromContainer && chosen.text === fromContainer.text ? fromContainer.helper : undefined);
  if (helper && normalize(helper) === cleaned.text) helper = undefined;
  const number = cleaned.number ?? rowNumber ?? fromContainer?.number;
  return { question: cleaned.text, number, required, helper, source: chosen?.source };
}

function describedBy(u: Unit): string {
  const els = [u.controls[0]!, ...(u.group ? [u.group] : [])];
  for (const el of els) {
    const t = refsText(el, 'aria-describedby');
    if (t) return t;
  }
  return '';
}

interface Preceding {
  text: string;
  source: LabelSource;
  number?: string;
  helper?: string;
}

/** Question text read from the unit's container before its first control, else just before the container. */
function precedingText(u: Unit, _ctx: LabelContext): Preceding | null {
  const mine = new Set(u.comment ? [...u.controls, ...u.comment.controls] : u.controls);
  const excluded = optionLabelElements(u);
  for (const el of [u.controls[0]!, ...(u.group ? [u.group] : [])]) for (const r of idRefs(el, 'aria-describedby')) excluded.add(r);
  const isControl = (el: Element): boolean => mine.has(el) || el.matches(CONTROLISH);
  const exclude = (el: Element): boolean =>
    excluded.has(el) || el.tagName === 'BUTTON' || attr(el, 'role') === 'button' || el.getAttribute('aria-live') !== null || attr(el, 'role') === 'alert';
  const items = readItems(u.container, { isControl, exclude });
  const before: Item[] = [];
  for (const it of items) {
    if (it.type === 'control') break;
    before.push(it);
  }
  let texts = before.filter((i): i is Extract<Item, { type: 'text' }> => i.type === 'text');
  if (texts.length === 0) {
    // Chromium InferLabelFromPrevious: the nearest previous siblings of the container, if they hold no control.
    for (let sib = u.container.previousElementSibling, n = 0; sib && n < 3; sib = sib.previousElementSibling, n++) {
      if (sib.matches(CONTROLISH) || sib.querySelector(CONTROLISH)) break;
      const t = textOf(sib);
      if (t) {
        texts = [{ type: 'text', text: t, heading: isHeadingEl(sib), el: sib }];
        break;
      }
    }
  }
  let number: string | undefined;
  const real = texts.filter((t) => {
    if (isNumberOnly(t.text)) {
      number = t.text.replace(/[.:)]$/, '');
      return false;
    }
    return !isBlank(t.text);
  });
  if (real.length === 0) return null;
  const q = real.find((t) => t.text.replace(/[\s*]+$/, '').endsWith('?')) ?? [...real].reverse().find((t) => t.heading) ?? real[0]!;
  const after = real.slice(real.indexOf(q) + 1).map((t) => t.text);
  return {
    text: q.text,
    source: q.heading ? 'heading' : 'preceding-text',
    ...(number ? { number } : {}),
    ...(after.length ? { helper: after.join(' ') } : {}),
  };
}
