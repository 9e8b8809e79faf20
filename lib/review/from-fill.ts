// Turn what a trigger has at fill time (the field, the suggestion used, the value the page or sheet read
// back, the declared questionnaire, the policy's findings) into a ledger record, so provenance is copied,
// never looked up later. The record's id is derived from what was filled, so the same fill recorded twice
// (a retry, a second side panel on the same tab) is one record.
import type { ControlRef } from '../controls';
import type { Suggestion } from '../match';
import type { QuestionField } from '../page';
import {
  questionnaireKey,
  type Flag,
  type FillTrigger,
  type NewFillRecord,
  type ReviewQuestionnaireInput,
} from './schema';

export interface FillContext {
  /** Page URL and title from page/scan (or the workbook's name), plus what the user declared. */
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

/** 64-bit FNV-1a as 16 hex digits: a stable key, not a secret. */
function fnv64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 7), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/**
 * One id per distinct fill: questionnaire, field, action, source entry version, the value written and the value
 * it replaced. A retry or a second panel writing the same answer over the same value is the same record; the
 * same answer written again after the person changed the field (it replaced their text) is a new one.
 */
export function fillRecordId(r: {
  questionnaireId: string;
  fid: string;
  action: string;
  entryId?: string;
  entryVersion?: number;
  value: string;
  previous?: string;
}): string {
  const key = [
    r.questionnaireId,
    r.fid,
    r.action,
    r.entryId ?? '',
    r.entryVersion ?? '',
    r.value.trim(),
    r.previous?.trim() ?? '',
  ].join('\u0000');
  return `fill-${fnv64(key)}`;
}

/**
 * Whether a fill changed the page. A write of the value the field already held (a second panel filling what the
 * first one filled) did nothing, so it is not recorded: otherwise it would be a second record of one answer.
 */
export function fillChangedPage(res: { value: string; previous: string }): boolean {
  return res.value.trim() !== res.previous.trim();
}

/** The findings worth keeping with a record: everything but "already holds this answer" (nothing was done). */
export function recordedFlags(reasons: readonly Flag[]): Flag[] {
  return reasons
    .filter((r) => r.code !== 'already-filled')
    .map((r) => ({
      code: r.code,
      severity: r.severity,
      message: r.message,
      fix: r.fix,
      ...(r.action ? { action: r.action } : {}),
    }));
}

export function toFillRecord(input: {
  ctx: FillContext;
  field: Pick<QuestionField, 'fid' | 'question' | 'section' | 'kind' | 'number'>;
  /** Where the question sits in the questionnaire (page order, or the sheet's row order). */
  position?: number;
  /** The suggestion the value came from; omit for a value typed by hand. */
  suggestion?: Suggestion;
  /** What the page holds after the write (FillResult.value), or the text copied. */
  value: string;
  action: 'fill' | 'copy';
  trigger?: FillTrigger;
  /** classifyControls() result for the question, when the caller has it. */
  questionControls?: readonly ControlRef[];
  /** The policy's findings at fill time. */
  flags?: readonly Flag[];
  /** What the field held before the write (kept when it was not empty). */
  previous?: string;
}): NewFillRecord {
  const s = input.suggestion;
  const questionnaire = reviewQuestionnaire(input.ctx);
  return {
    id: fillRecordId({
      questionnaireId: questionnaire.id,
      fid: input.field.fid,
      action: input.action,
      entryId: s?.entryId,
      entryVersion: s?.version,
      value: input.value,
      ...(input.previous !== undefined ? { previous: input.previous } : {}),
    }),
    questionnaire,
    fid: input.field.fid,
    question: input.field.question,
    section: input.field.section,
    ...(input.field.number ? { number: input.field.number } : {}),
    ...(input.position !== undefined ? { position: input.position } : {}),
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
    ...(input.trigger ? { trigger: input.trigger } : {}),
    ...(input.previous?.trim() ? { previous: input.previous } : {}),
    flags: [...(input.flags ?? [])],
  };
}
