// Turning controls into described questions: which controls count, how they group into units, what each
// unit asks (label, options, value, section, visibility), and which are the site's own chrome. Shared by
// the full scan, incremental rescans and virtual-list sweeps.
import type { QuestionField } from './types';
import { collectControls, nonQuestionFilter, type Control } from './controls';
import { composedContains, type ScanOptions } from './dom';
import { unitsVisibility, visibility, type Visibility } from './visibility';
import { inferQuestion, optionLabelElements, ownLabelText, type LabelContext } from './label';
import { chromeContext, isChrome, type ChromeInput } from './chrome';
import { normalize } from './text';
import { sectionOf } from './section';
import { assignContainers, pairComments, type Unit } from './units';
import { optionsAndValue } from './values';
import { isMultiSelect } from './multi-select';
import { fidOf, type PageState } from './state';

/** One scan's view of the page: what a person can see, and what each control shows of itself. */
export interface Seeing {
  vis: Visibility;
  targets: Map<Element, Element>;
  /** The site's search boxes and language pickers: the bars they sit in hold site chrome. */
  bars: Element[];
}

export function questionControls(
  root: Document | Element | ShadowRoot,
  see: Seeing,
  opts?: ScanOptions,
  known?: WeakSet<Element>,
): Control[] {
  const skip = nonQuestionFilter(see.vis, see.bars);
  return collectControls(root, opts).filter((c) => {
    // Controls of known questions passed these checks when they were described.
    if (known?.has(c.el)) return true;
    if (skip(c)) return false;
    if (c.target) see.targets.set(c.el, c.target);
    return true;
  });
}

export const seeing = (doc: Document): Seeing => ({ vis: visibility(doc), targets: new Map(), bars: [] });

/**
 * Drop the site's own controls from `fresh` (fields just described) and forget them in the state, so they
 * are never filled either. A full scan (`whole`) first works out where the questionnaire is from every
 * question on the page; rescans and virtual-list rows reuse that, so they cost only their own fields.
 */
export function dropChrome(state: PageState, fresh: QuestionField[], see: Seeing, whole = false): QuestionField[] {
  const item = (f: QuestionField): ChromeInput & { f: QuestionField; u: Unit } => {
    const u = state.units.get(f.fid)!;
    const lone = u.kind === 'checkbox' && u.els.length === 1 ? ownLabelText(u.els[0]!) : '';
    return { el: u.els[0]!, label: normalize(lone || f.question), options: f.options, f, u };
  };
  const items = fresh.map(item);
  if (whole) state.chrome = chromeContext(items, see.bars);
  const gone = new Set<QuestionField>();
  for (const it of items) {
    if (!isChrome(it, state.chrome)) continue;
    gone.add(it.f);
    state.units.delete(it.f.fid);
    if (it.f.comment) state.units.delete(it.f.comment);
    state.fields.delete(it.u);
  }
  if (gone.size) state.order = state.order.filter((u) => state.fields.has(u));
  return fresh.filter((f) => !gone.has(f));
}

/** Label, options, value and section for the `fresh` units; `all` is every question unit in order. */
export function describe(state: PageState, all: Unit[], fresh: Set<Unit>, see: Seeing): QuestionField[] {
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
  const described: Unit[] = [];
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
      // A multi-select answers as several checked options; the unit keeps its control type for filling.
      kind: u.kind === 'select' && isMultiSelect(u.els[0]!, inf.question) ? 'checkbox' : u.kind,
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
    if (u.comment) {
      for (const el of u.comment.els) state.known.add(el);
      const cfid = fidOf(state, u.comment.els[0]!);
      state.units.set(cfid, u.comment);
      field.comment = cfid;
      const said = optionsAndValue(u.comment, ctx.headers).value;
      if (said) field.commentValue = said;
    }
    state.fields.set(u, field);
    out.push(field);
    described.push(u);
  });
  // Listed (the user may close the banner or dialog on top of it) but marked, and never filled.
  unitsVisibility(described, see.vis, see.targets).forEach((v, i) => {
    if (v !== 'ok') state.fields.get(described[i]!)!.visible = false;
  });
  return out;
}

export function build(units: Unit[], fresh?: Set<Unit>): Unit[] {
  const questions = pairComments(units, optionLabelElements, fresh);
  assignContainers(questions, fresh);
  return questions;
}
