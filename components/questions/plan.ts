// Pure side-panel logic: which rows "Fill all confident" writes, and the counts the summary shows.
import type { FillPlanItem } from '../../lib/messaging';
import type { MatchResult, QuestionInput, Suggestion } from '../../lib/match/types';
import type { QuestionField } from '../../lib/page/types';
import { fillValue } from '../../lib/background/settings';

export type RowStatus = 'open' | 'filled' | 'skipped' | 'flagged';

export interface Row {
  field: QuestionField;
  /** The question's paired comment / explanation box, when the page has one. */
  comment?: QuestionField;
  result?: MatchResult;
  status: RowStatus;
  filled?: { value: string; entryId?: string; version?: number; previous: string };
  error?: string;
}

export interface PlannedFill extends FillPlanItem {
  question: string;
  number?: string;
  confidence: number;
}

/** Rows in page order: comment boxes ride with their question instead of counting as questions. */
export function toRows(fields: readonly QuestionField[]): Row[] {
  const byFid = new Map(fields.map((f) => [f.fid, f]));
  const comments = new Set(fields.flatMap((f) => (f.comment && f.comment !== f.fid ? [f.comment] : [])));
  return fields
    .filter((f) => !comments.has(f.fid))
    .map((field) => {
      const comment = field.comment ? byFid.get(field.comment) : undefined;
      return comment ? { field, comment, status: 'open' as const } : { field, status: 'open' as const };
    });
}

/** A choice answer's narrative goes into the question's empty comment box, so the reason travels with the Yes/No. */
export function commentFill(row: Row, s: Suggestion): FillPlanItem | undefined {
  const narrative = (s.narrative ?? s.answer).trim();
  if (
    !row.comment ||
    row.comment.disabled ||
    row.comment.value.trim() ||
    !s.option ||
    !narrative ||
    narrative === s.option
  )
    return undefined;
  return { fid: row.comment.fid, value: narrative, entryId: s.entryId, version: s.version };
}

export function toQuestionInput(f: QuestionField): QuestionInput | null {
  const question = f.question.trim();
  if (!question) return null;
  return { id: f.fid, question, section: f.section, helper: f.helper, kind: f.kind, options: f.options };
}

const CHOICE = new Set(['radio', 'select', 'checkbox']);

/** A suggestion can be written into this field: choice fields need an option label the page offers. */
export function fits(field: QuestionField, s: Suggestion): boolean {
  if (!CHOICE.has(field.kind)) return true;
  if (!s.option) return false;
  const offered = field.options ?? [];
  // Multi-select answers name several options, joined by "; ".
  const picked = field.kind === 'checkbox' ? s.option.split('; ') : [s.option];
  return picked.every((o) => offered.includes(o));
}

/**
 * Exactly what "Fill all confident" writes: the top suggestion of each open, enabled, still-empty field,
 * only when the engine marked it autoFill, it fits the field and no pre-fill check raised a high-severity flag.
 * Answers already on the page are left alone.
 */
export function planConfident(
  rows: readonly Row[],
  blockers: (row: Row, s: Suggestion) => readonly { severity: string }[] = () => [],
): PlannedFill[] {
  const plan: PlannedFill[] = [];
  for (const row of rows) {
    const top = row.result?.suggestions[0];
    if (!top || !top.autoFill || row.status !== 'open') continue;
    // A high-severity reuse flag (not cleared for this recipient, out of scope, lapsed certificate...) means a
    // person decides: the suggestion stays visible with its flag, but "Fill all confident" leaves it alone.
    if (blockers(row, top).some((f) => f.severity === 'high')) continue;
    if (row.field.disabled || row.field.value.trim() !== '' || !fits(row.field, top)) continue;
    plan.push({
      fid: row.field.fid,
      value: fillValue(top),
      entryId: top.entryId,
      version: top.version,
      question: row.field.question,
      number: row.field.number,
      confidence: top.confidence,
    });
    const extra = commentFill(row, top);
    if (extra)
      plan.push({
        ...extra,
        question: `${row.field.question} (comment)`,
        number: row.field.number,
        confidence: top.confidence,
      });
  }
  return plan;
}

export interface Summary {
  detected: number;
  suggested: number;
  confident: number;
  filled: number;
  abstained: number;
  flagged: number;
}

export function summarize(rows: readonly Row[]): Summary {
  const matched = rows.filter((r) => r.result);
  return {
    detected: rows.length,
    suggested: matched.filter((r) => r.result!.suggestions.length > 0).length,
    confident: matched.filter((r) => r.result!.suggestions[0]?.autoFill).length,
    filled: rows.filter((r) => r.status === 'filled').length,
    abstained: matched.filter((r) => r.result!.suggestions.length === 0).length,
    flagged: rows.filter((r) => r.status === 'flagged').length,
  };
}

export function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
