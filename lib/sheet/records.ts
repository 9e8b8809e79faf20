// Review-ledger records for workbook fills: the workbook is the questionnaire (its file name stands where a page
// address would), each written cell is one record with the provenance the suggestion carried.
import type { ControlRef } from '../controls';
import {
  type Flag,
  type FillTrigger,
  type FillContext,
  toFillRecord,
  recordedFlags,
  type NewFillRecord,
} from '../review';
import type { Suggestion } from '../match';
import { toQuestionField } from './answer';
import type { SheetQuestion } from './detect';

export interface WorkbookContext {
  fileName: string;
  /** What the person declared: the questionnaire's name, recipient, NDA and scope. */
  declared: FillContext['declared'];
}

export function workbookFillContext(ctx: WorkbookContext): FillContext {
  return {
    page: { url: ctx.fileName, title: ctx.fileName },
    declared: { ...ctx.declared, name: ctx.declared.name || ctx.fileName },
  };
}

/** Records for one question's fill: the answer cell, and the comment cell when a narrative went there too. */
export function sheetFillRecords(input: {
  ctx: WorkbookContext;
  question: SheetQuestion;
  suggestion?: Suggestion;
  value: string;
  comment?: string;
  flags?: readonly Flag[];
  questionControls?: readonly ControlRef[];
  trigger: FillTrigger;
  /** The question's place in the workbook (sheet order, then row order), for questionnaire order in review. */
  position: number;
}): NewFillRecord[] {
  const { field, comment } = toQuestionField(input.question);
  const ctx = workbookFillContext(input.ctx);
  const common = {
    ctx,
    action: 'fill' as const,
    trigger: input.trigger,
    position: input.position,
    ...(input.suggestion ? { suggestion: input.suggestion } : {}),
    ...(input.flags ? { flags: recordedFlags(input.flags) } : {}),
    ...(input.questionControls ? { questionControls: input.questionControls } : {}),
  };
  const previous = (v: string) => (v ? { previous: v } : {});
  const out = [toFillRecord({ ...common, field, value: input.value, ...previous(input.question.existing) })];
  if (input.comment && comment)
    out.push(
      toFillRecord({
        ...common,
        field: { ...comment, number: field.number, ...(field.section ? { section: field.section } : {}) },
        value: input.comment,
        ...previous(input.question.existingComment),
      }),
    );
  return out;
}
