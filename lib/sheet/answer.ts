// From detected questions to cells written: the question as matching sees it, the fill decision per question
// (lib/policy's decideFill, trigger "sheet": many cells at once, so anything short of a clean, confident answer is
// left for a person), and the cell writes.
import type { Suggestion, MatchResult, QuestionInput } from '../match';
import type { QuestionField } from '../page';
import {
  decideFill,
  holding,
  type PolicyContext,
  type PolicyField,
  type Reason as PolicyReason,
  type ReuseData,
} from '../policy';
import type { Flag } from '../review';
import { a1 } from './grid';
import type { SheetQuestion } from './detect';
import type { CellWrite } from './write-xlsx';

export type Outcome = 'filled' | 'suggested' | 'abstained';

export interface Reason {
  code: string;
  message: string;
}

export interface SheetAnswer {
  key: string;
  question: SheetQuestion;
  result?: MatchResult;
  /** The suggestion used or offered (the top one). */
  suggestion?: Suggestion;
  outcome: Outcome;
  /** The text for the answer cell (the option label for a choice). */
  value?: string;
  /** The narrative for the paired comment cell, when a choice answer has one and the cell is free. */
  comment?: string;
  flags: Flag[];
  reasons: Reason[];
}

export interface DecideOptions {
  /** Write over answers already in the workbook. */
  overwrite?: boolean;
  /** Fill only clean confident answers: no warning and no reuse flag at all. */
  onlyConfident?: boolean;
}

/** Stable id for a question: sheet and question cell ("Security!B12"). */
export function questionKey(q: Pick<SheetQuestion, 'sheet' | 'questionCell'>): string {
  return `${q.sheet}!${a1(q.questionCell.r, q.questionCell.c)}`;
}

export function toQuestionInput(q: SheetQuestion): QuestionInput {
  const helper = [q.parent ? `Follow-up to: ${q.parent}` : '', q.helper ?? ''].filter(Boolean).join(' ');
  return {
    id: questionKey(q),
    question: q.question,
    ...(q.section ? { section: q.section } : {}),
    ...(helper ? { helper } : {}),
    kind: q.kind === 'choice' ? 'select' : 'textarea',
    ...(q.options ? { options: q.options } : {}),
  };
}

/** The question as the side panel's cards and fill plan see a page field. */
export function toQuestionField(q: SheetQuestion): { field: QuestionField; comment?: QuestionField } {
  const key = questionKey(q);
  const field: QuestionField = {
    fid: key,
    question: q.question,
    ...(q.helper || q.parent
      ? { helper: [q.parent ? `Follow-up to: ${q.parent}` : '', q.helper ?? ''].filter(Boolean).join(' ') }
      : {}),
    number: q.id ?? a1(q.questionCell.r, q.questionCell.c),
    kind: q.kind === 'choice' ? 'select' : 'textarea',
    ...(q.options ? { options: q.options } : {}),
    ...(q.section ? { section: q.section } : {}),
    value: q.existing,
    ...(q.commentCell ? { comment: `${key}#comment` } : {}),
    ...(q.blocked ? { disabled: true } : {}),
  };
  const comment: QuestionField | undefined = q.commentCell
    ? {
        fid: `${key}#comment`,
        question: `${q.question} (comment)`,
        kind: 'textarea',
        value: q.existingComment,
        ...(q.commentBlocked ? { disabled: true } : {}),
      }
    : undefined;
  return comment ? { field, comment } : { field };
}

const BLOCK_MESSAGE: Record<NonNullable<SheetQuestion['blocked']>, string> = {
  formula: 'The answer cell holds a formula; formulas are never overwritten.',
  locked: 'The answer cell is locked on a protected sheet; unprotect the sheet in Excel to fill it.',
  merged: 'The answer cell is inside a merged range that starts elsewhere.',
};

/** The answer cell as the fill policy sees a field. With `overwrite` the person has asked to replace answers. */
export function policyFieldOf(q: SheetQuestion, overwrite = false): PolicyField {
  return {
    kind: q.kind === 'choice' ? 'select' : 'textarea',
    value: overwrite ? '' : q.existing,
    ...(q.options ? { options: q.options } : {}),
    ...(q.blocked ? { disabled: true } : {}),
  };
}

export interface DecideInput {
  context: PolicyContext;
  /** The library data the reuse rules need for a suggestion's entry (undefined: the entry is not in the library). */
  reuse?: (s: Suggestion) => ReuseData | undefined;
  today?: string;
  threshold?: number;
}

export function decide(
  q: SheetQuestion,
  result: MatchResult | undefined,
  input: DecideInput,
  opts: DecideOptions = {},
): SheetAnswer {
  const key = questionKey(q);
  const top = result?.suggestions[0];
  if (!result || !top)
    return {
      key,
      question: q,
      ...(result ? { result } : {}),
      outcome: 'abstained',
      flags: [],
      reasons: result?.reasons.length
        ? result.reasons
        : [{ code: 'no-match', message: 'No library answer fits this question.' }],
    };
  const reuse = input.reuse?.(top);
  const decision = decideFill({
    trigger: 'sheet',
    field: policyFieldOf(q, opts.overwrite),
    context: input.context,
    suggestion: top,
    ...(reuse ? { reuse } : {}),
    question: { text: q.question, controls: result.controls },
    ...(input.today ? { today: input.today } : {}),
    ...(input.threshold !== undefined ? { threshold: input.threshold } : {}),
  });
  const reasons: Reason[] = [];
  if (q.blocked) reasons.push({ code: `answer-cell-${q.blocked}`, message: BLOCK_MESSAGE[q.blocked] });
  const held: PolicyReason[] = holding(decision).filter((r) => !(q.blocked && r.code === 'field-disabled'));
  for (const r of held) reasons.push({ code: r.code, message: `${r.message} ${r.fix}` });
  if (opts.onlyConfident && !reasons.length && decision.reasons.length)
    reasons.push({
      code: 'has-notes',
      message: `Has notes (${decision.reasons.map((r) => r.code).join(', ')}); --only-confident fills only answers without any.`,
    });
  const narrative = (top.narrative ?? top.answer).trim();
  const comment =
    q.commentCell && !q.commentBlocked && !q.existingComment && top.option && narrative && narrative !== top.option
      ? narrative
      : undefined;
  return {
    key,
    question: q,
    result,
    suggestion: top,
    outcome: reasons.length ? 'suggested' : 'filled',
    value: decision.value,
    ...(comment ? { comment } : {}),
    flags: decision.reasons,
    reasons,
  };
}

/** The cells to write for one question's answer (and its comment). */
export function writesForAnswer(q: SheetQuestion, value: string, comment?: string): CellWrite[] {
  const writes: CellWrite[] = [];
  if (q.markCells) {
    const mark = q.markCells.find((m) => m.option === value);
    if (mark) writes.push({ sheet: q.sheet, r: mark.r, c: mark.c, value: 'X' });
  } else writes.push({ sheet: q.sheet, r: q.answerCell.r, c: q.answerCell.c, value });
  if (comment && q.commentCell) writes.push({ sheet: q.sheet, r: q.commentCell.r, c: q.commentCell.c, value: comment });
  return writes;
}

export function writesFor(answers: readonly SheetAnswer[]): CellWrite[] {
  return answers.flatMap((a) =>
    a.outcome === 'filled' && a.value !== undefined ? writesForAnswer(a.question, a.value, a.comment) : [],
  );
}
