// Label inference: the question text for a unit, strongest source first (notes §1.2, supplement §B.5).
// Option labels ("Yes"), slot names ("Answer", "Comments") and placeholders never win over real text.
import type { LabelSource } from './types';
import type { Unit } from './units';
import { attr, CONTROLISH, closestComposed, composedContains, composedParent, idRefs, LABELLEDBY } from './dom';
import { isHeadingEl, readItems, textOf, type Item } from './read-text';
import { rowContext } from './table';
import { asksQuestion, ownForLabels } from './label-quirks';
import { fileZone } from './file-zone';
import { bareNumber, canonical, cleanQuestion, codeOnly, isBlank, isGeneric, isNumberOnly, normalize } from './text';

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
  addLabels(idx, [...(subtree.matches('label[for]') ? [subtree] : []), ...subtree.querySelectorAll('label[for]')]);
}

function addLabels(idx: Map<string, Element[]>, labels: Iterable<Element>): void {
  for (const l of labels) {
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
    labelIndex.set(root, idx);
    addLabels(idx, root.querySelectorAll('label[for]'));
  }
  return (idx.get(id) ?? []).filter((l) => l.isConnected);
}

/** Labels pointing at `el` by for=id (scoped to its tree) and the label wrapping it. */
export function labelElements(el: Element): { forLabels: Element[]; wrap: Element | null } {
  const wrap = el.parentElement ? el.parentElement.closest('label') : null;
  const id = el.id;
  const forLabels = id
    ? ownForLabels(
        el,
        labelsFor(el.getRootNode() as Document | ShadowRoot, id).filter((l) => l !== wrap),
      )
    : [];
  return { forLabels, wrap };
}

function refsText(el: Element, attr: string): string {
  return idRefs(el, attr)
    .filter((r) => r !== el && !r.contains(el))
    .map((r) => textOf(r))
    .join(' ')
    .trim();
}

/**
 * aria-labelledby text without the section it sits in: form.io names each control by its fieldset's legend
 * and its own label ("Operations detail" + "Which events raise a security alert?"). A legend of a fieldset
 * that holds other questions' controls too is the section's title (read as the section), not the question.
 */
function ownRefsText(el: Element, mine: Element[]): string {
  const refs = idRefs(el, LABELLEDBY).filter((r) => r !== el && !r.contains(el));
  const sectionTitle = (r: Element): boolean => {
    const fs = r.tagName === 'LEGEND' ? r.parentElement : null;
    return !!fs && composedContains(fs, el) && [...fs.querySelectorAll(CONTROLISH)].some((c) => !mine.includes(c));
  };
  const kept = refs.length > 1 ? refs.filter((r) => !sectionTitle(r)) : refs;
  return (kept.length ? kept : refs)
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
export const ownLabelText = (el: Element): string => visibleLabelText(el) || ariaName(el);

export const ariaName = (el: Element): string => refsText(el, LABELLEDBY) || normalize(attr(el, 'aria-label'));

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
export function optionLabel(el: Element, headers: Map<Element, string[]>): string {
  const native = el.tagName === 'INPUT';
  const column = (): string | undefined => rowContext(el, headers)?.column;
  const visible = native ? visibleLabelText(el) : '';
  const own = visible || ariaName(el) || (native ? '' : textOf(el));
  if (own && native && !visible) {
    // A grid cell's accessible name often spells out row and column ("row Laptops are encrypted, column Yes":
    // SurveyJS matrix, ARIA grids); what a person sees as the option is the column header it embeds.
    const col = column();
    if (col && spells(own, col)) return col;
  }
  if (own && !native) {
    const short = withoutGroupName(el, own);
    if (short) return short;
  }
  if (own) return cleanQuestion(own).text || own;
  const next = native ? followingText(el) : '';
  if (next) return next;
  const col = column();
  if (col) return col;
  return normalize(el.getAttribute('data-value') ?? (el as HTMLInputElement).value ?? '');
}

/** Letters and digits only, lower case: for "does this name spell that text" (no synonyms: "Partly" stays). */
const bare = (s: string): string =>
  normalize(s)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** `name` spells `part` inside a longer name ("row Laptops are encrypted, column Yes" spells "Yes"). */
const spells = (name: string, part: string): boolean => {
  const n = bare(name);
  const p = bare(part);
  return !!p && n !== p && ` ${n} `.includes(` ${p} `);
};

/**
 * An option named after its group too ("Yes, response for Are backups encrypted?": Google Forms grids name
 * each radio for screen readers that way): a person sees "Yes". The group's name and the words joining it
 * are cut off; '' when the name does not hold the group's.
 */
function withoutGroupName(el: Element, own: string): string {
  const group = composedParent(el) && closestComposed(composedParent(el)!, '[role=radiogroup],[role=group],fieldset');
  const name = group ? ariaName(group) : '';
  if (!name || !spells(own, name)) return '';
  const at = own.indexOf(name);
  if (at < 0) return '';
  const rest = normalize(`${own.slice(0, at)} ${own.slice(at + name.length)}`);
  // What is left reads "Yes, response for": the option is the first part between separators.
  return (rest.split(/\s*[,;:–—]\s*|\s+-\s+/).find((p) => !isBlank(p)) ?? '').trim();
}

/** Elements whose text belongs to the options, not the question. */
export function optionLabelElements(u: Unit): Set<Element> {
  const out = new Set<Element>();
  // A drop zone's own words ("Drag and drop a file here") are the control's, not the question.
  if (u.kind === 'file') {
    const zone = fileZone(u.els[0]!);
    if (zone) out.add(zone);
    return out;
  }
  if (u.kind !== 'radio' && u.kind !== 'checkbox') return out;
  for (const el of u.els) {
    const { forLabels, wrap } = labelElements(el);
    for (const l of forLabels) out.add(l);
    if (wrap) out.add(wrap);
    for (const r of idRefs(el, LABELLEDBY)) out.add(r);
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
  headers: Map<Element, string[]>;
  /** How many question units share each table row (several answers per row → add the column header). */
  rowUnits: Map<Element, number>;
}

export function inferQuestion(u: Unit, options: string[], ctx: LabelContext): Inferred {
  const first0 = u.els[0]!;
  // An ARIA checkbox or switch takes its name from its content (Fluent's <fluent-checkbox>Question?</…>).
  const loneQuestion =
    u.kind === 'checkbox' && u.els.length === 1
      ? ownLabelText(first0) || (first0.tagName === 'INPUT' ? '' : textOf(first0))
      : '';
  // A lone checkbox labelled with a question, or with a first-person attestation ("I certify that ..."):
  // that label is what is answered (the question), not an option.
  const attest = /^(?:I|We) \S+(?: \S+){3,}/.test(loneQuestion);
  const lone = asksQuestion(loneQuestion) || attest;
  const optionSet = new Set(lone ? [] : options.map(canonical));
  const first = u.els[0]!;
  const choice = u.kind === 'radio' || u.kind === 'checkbox';
  const cands: Candidate[] = [];
  const push = (text: string | undefined, source: LabelSource): void => {
    if (text && !isBlank(text)) cands.push({ text, source });
  };
  const pushLabelledby = (el: Element): void => push(ownRefsText(el, u.els), LABELLEDBY);
  const pushAriaLabel = (el: Element): void => push(normalize(attr(el, 'aria-label')), 'aria-label');
  // Group-level names: aria-labelledby / legend / aria-label on radiogroup, group or fieldset.
  const groupNames = (): void => {
    for (let cur = choice ? composedParent(first) : (u.group ?? null); cur; cur = composedParent(cur)) {
      const role = cur.getAttribute('role');
      const isGroup = cur.tagName === 'FIELDSET' || role === 'radiogroup' || role === 'group' || cur === u.group;
      if (isGroup || (choice && cur.hasAttribute(LABELLEDBY))) {
        pushLabelledby(cur);
        if (cur.tagName === 'FIELDSET') {
          const legend = [...cur.children].find((c) => c.tagName === 'LEGEND');
          if (legend) push(textOf(legend), 'legend');
        }
        if (isGroup) pushAriaLabel(cur);
      }
      if (cur === u.area) break;
    }
  };
  if (lone) push(loneQuestion, 'label-wrap');
  if (choice) {
    // A lone checkbox/switch named by aria-labelledby outside its own label: accname ranks aria-labelledby
    // first, and the wrapping label may hold only state texts (SurveyJS boolean switch: "No" / "Yes").
    if (u.els.length === 1) pushLabelledby(first);
    groupNames();
  } else {
    const { forLabels, wrap } = labelElements(first);
    push(normalize(forLabels.map((l) => textOf(l)).join(' ')), 'label-for');
    if (wrap) push(textOf(wrap), 'label-wrap');
    pushLabelledby(first);
    pushAriaLabel(first);
    if (u.group) groupNames();
  }
  let rowNumber: string | undefined;
  const row = rowContext(first, ctx.headers);
  // A grid cell's own name that spells out its row ("row Are logs kept?, column Status": SurveyJS
  // matrixdropdown, ARIA grids) is a screen-reader composite: the question is the row's text, below.
  if (row?.rowText) {
    const rowText = row.rowText;
    for (let k = cands.length - 1; k >= 0; k--) if (spells(cands[k]!.text, rowText)) cands.splice(k, 1);
  }
  if (row) {
    rowNumber = row.number;
    const src: LabelSource = row.aria ? 'grid-row' : 'table-row';
    if (row.rowText) {
      const several = (ctx.rowUnits.get(row.row) ?? 1) > 1 && row.column && !choice;
      push(several ? `${row.rowText} — ${row.column}` : row.rowText, src);
    } else if (!choice) push(row.column, 'column-header');
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
  if (attest && !asksQuestion(loneQuestion) && fromContainer?.source === 'preceding-text')
    cands.unshift({ text: fromContainer.text, source: fromContainer.source });
  push(normalize(first.getAttribute('placeholder') ?? attr(first, 'aria-placeholder')), 'placeholder');
  push(normalize(attr(first, 'title')), 'title');
  if (choice && u.els.length === 1) push(ownLabelText(first), 'label-wrap');

  const usable = (c: Candidate): boolean => {
    const t = cleanQuestion(c.text).text;
    return !isBlank(t) && !isGeneric(t) && !isNumberOnly(t) && !optionSet.has(canonical(t));
  };
  let chosen = cands.find(usable) ?? cands.find((c) => !optionSet.has(canonical(c.text))) ?? cands[0];
  // A label that only names the item (a control code) or a heading over a hint that asks: a person reads the
  // hint the control points at (aria-describedby) as the question, and the code as its number.
  const code = codeOnly(chosen?.text ?? '');
  const hint = code !== undefined || chosen?.source === 'heading' ? describedBy(u) || helpText(u) : '';
  const hinted =
    hint && (code !== undefined || asksSomething(hint)) && usable({ text: hint, source: 'aria-describedby' });
  if (hinted) chosen = { text: hint, source: 'aria-describedby' };
  const cleaned = cleanQuestion(chosen?.text ?? '');
  const required =
    cleaned.required ||
    u.els.some((el) => (el as HTMLInputElement).required === true || attr(el, 'aria-required') === 'true') ||
    (u.group?.getAttribute('aria-required') ?? '') === 'true';
  let helper =
    (hinted ? '' : describedBy(u)) ||
    (chosen && fromContainer && chosen.text === fromContainer.text ? fromContainer.helper : undefined);
  if (helper && normalize(helper) === cleaned.text) helper = undefined;
  const number = cleaned.number ?? (hinted && code ? code : undefined) ?? rowNumber ?? fromContainer?.number;
  return { question: cleaned.text, number, required, helper, source: chosen?.source };
}

/** Help text that asks something: a question, or a request ("Describe ...", "Upload ..."). */
const asksSomething = (t: string): boolean =>
  asksQuestion(t) ||
  /^(?:please )?(?:describe|explain|provide|upload|attach|list|indicate|specify|state|submit|share|confirm|identify|select|choose|outline|summari[sz]e|detail)\b/i.test(
    cleanQuestion(t).text,
  );

/** The unit's first control and its group element: where aria-describedby hints hang. */
const firstAndGroup = (u: Unit): Element[] => (u.group ? [u.els[0]!, u.group] : [u.els[0]!]);

function describedBy(u: Unit): string {
  for (const el of firstAndGroup(u)) {
    const t = refsText(el, 'aria-describedby');
    if (t) return t;
  }
  return '';
}

// Help the page shows with the field without linking it: a block in the field's own container named as help,
// hint, description or instructions (Bootstrap form-text, help-block, SurveyJS descriptions) or a role=note,
// holding no control or label of its own. Only read when the label names no question (rare), so a walk of
// the container's elements is cheap, and one test on class + role keeps the content script small.
const HELP = /help|hint|descr|instruct|form-text|note/i;
function helpText(u: Unit): string {
  for (const el of u.area.querySelectorAll('*'))
    if (HELP.test(attr(el, 'class') + attr(el, 'role')) && !el.querySelector(`${CONTROLISH},label`)) {
      const t = textOf(el);
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
  const mine = new Set(u.comment ? [...u.els, ...u.comment.els] : u.els);
  const excluded = optionLabelElements(u);
  for (const el of firstAndGroup(u)) for (const r of idRefs(el, 'aria-describedby')) excluded.add(r);
  const isControl = (el: Element): boolean => mine.has(el) || el.matches(CONTROLISH);
  const exclude = (el: Element): boolean =>
    excluded.has(el) ||
    el.tagName === 'BUTTON' ||
    attr(el, 'role') === 'button' ||
    el.getAttribute('aria-live') !== null ||
    attr(el, 'role') === 'alert';
  const items = readItems(u.area, { isControl, exclude });
  const before: Item[] = [];
  for (const it of items) {
    if (it.type === 'control') break;
    before.push(it);
  }
  let texts = before.filter((i): i is Extract<Item, { type: 'text' }> => i.type === 'text');
  if (texts.length === 0) {
    // Chromium InferLabelFromPrevious: the nearest previous siblings of the container, if they hold no control.
    for (let sib = u.area.previousElementSibling, n = 0; sib && n < 3; sib = sib.previousElementSibling, n++) {
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
      number = bareNumber(t.text);
      return false;
    }
    return !isBlank(t.text);
  });
  if (real.length === 0) return null;
  const q =
    real.find((t) => t.text.replace(/[\s*]+$/, '').endsWith('?')) ??
    [...real].reverse().find((t) => t.heading) ??
    real[0]!;
  const after = real.slice(real.indexOf(q) + 1).map((t) => t.text);
  return {
    text: q.text,
    source: q.heading ? 'heading' : 'preceding-text',
    ...(number ? { number } : {}),
    ...(after.length ? { helper: after.join(' ') } : {}),
  };
}
