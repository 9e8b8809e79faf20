// Turn what the side panel has at fill time (the page field, the suggestion used, the value the page
// read back, the declared questionnaire) into a ledger record, so provenance is copied, never looked up later.
import type { ControlRef } from '../controls/framework';
import type { Suggestion } from '../match/types';
import type { QuestionField } from '../page/types';
import type { NewFillRecord } from '../library/ledger-store';
import { questionnaireKey, type Flag, type ReviewQuestionnaireInput } from './schema';

export interface FillContext {
  /** Page URL and title from page/scan, plus what the user declared (QuestionnaireContext, and nda when known). */
  page: { url: string; title: string };
  declared: { name: string; recipient: string; nda?: boolean; scope: ReviewQuestionnaireInput['scope'] };
}

export function reviewQuestionnaire(ctx: FillContext): ReviewQuestionnaireInput {
  let origin = '';
  try {
    origin = new URL(ctx.page.url).origin;
  } catch {
    // Not a URL: leave the origin empty rather than invent one.
  }
  return {
    id: questionnaireKey(ctx.page.url, ctx.declared.name),
    origin,
    url: ctx.page.url,
    pageTitle: ctx.page.title,
    name: ctx.declared.name,
    recipient: ctx.declared.recipient,
    nda: ctx.declared.nda ?? false,
    scope: ctx.declared.scope,
  };
}

export function toFillRecord(input: {
  ctx: FillContext;
  field: QuestionField;
  /** The suggestion the value came from; omit for a value typed by hand. */
  suggestion?: Suggestion;
  /** What the page holds after the write (FillResult.value), or the text copied. */
  value: string;
  action: 'fill' | 'copy';
  /** classifyControls() result for the question, when the panel has it. */
  questionControls?: readonly ControlRef[];
  /** checkBeforeFill() flags shown before the fill. */
  flags?: readonly Flag[];
}): NewFillRecord {
  const s = input.suggestion;
  return {
    questionnaire: reviewQuestionnaire(input.ctx),
    fid: input.field.fid,
    question: input.field.question,
    section: input.field.section,
    fieldKind: input.field.kind,
    entryId: s?.entryId,
    entryVersion: s?.version,
    matchedQuestion: s?.matchedQuestion,
    owner: s?.citations.owner,
    evidence: s?.citations.evidence ?? [],
    controls: s?.citations.controls ?? [],
    questionControls: input.questionControls?.map((c) => ({ framework: c.framework, id: c.id })) ?? [],
    confidence: s?.confidence,
    value: input.value,
    action: input.action,
    flags: [...(input.flags ?? [])],
  };
}
