// Pure side-panel logic: which rows "Fill all confident" writes (the fill policy decides each one), what holds
// back the others, and the counts the summary and the filters show.
import type { FillPlanItem } from '../../lib/messaging';
import type { MatchResult, QuestionInput, Suggestion } from '../../lib/match';
import type { QuestionField } from '../../lib/page';
import {
  heldGroups,
  matchVerdict,
  type FillDecision,
  type HeldGroup,
  type PolicyField,
  type Reason,
  type Trigger,
} from '../../lib/policy';
import type { Decide } from './use-policy';

export type RowStatus = 'open' | 'filled' | 'skipped' | 'flagged';

export interface Row {
  field: QuestionField;
  /** Where the question sits on the page (0-based), for questionnaire order in the review. */
  position: number;
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
  /** Which button started it, and the policy's findings at that moment (the ledger keeps them). */
  trigger?: Trigger;
  reasons?: readonly Reason[];
}

/**
 * The page names a question's comment box by its fid and what it holds, without listing it as a question:
 * the row's field for that box (a listed one wins, as a hand-built snapshot may list it).
 */
const commentField = (f: QuestionField): QuestionField => ({
  fid: f.comment!,
  question: `${f.question} (comment)`,
  kind: 'textarea',
  value: f.commentValue ?? '',
  ...(f.number ? { number: f.number } : {}),
  ...(f.section ? { section: f.section } : {}),
  ...(f.frameId !== undefined ? { frameId: f.frameId } : {}),
});

/** Rows in page order: comment boxes ride with their question instead of counting as questions. */
export function toRows(fields: readonly QuestionField[]): Row[] {
  const byFid = new Map(fields.map((f) => [f.fid, f]));
  const comments = new Set(fields.flatMap((f) => (f.comment && f.comment !== f.fid ? [f.comment] : [])));
  return fields
    .filter((f) => !comments.has(f.fid))
    .map((field, position) => {
      const comment = field.comment ? (byFid.get(field.comment) ?? commentField(field)) : undefined;
      return comment ? { field, position, comment, status: 'open' as const } : { field, position, status: 'open' };
    });
}

/**
 * Where the row's answer is written: its own field, except an upload with a comment box, whose answer goes
 * into the box (Crosswalk never uploads a file; the person attaches the document the card names).
 */
export function fillTarget(row: Pick<Row, 'field' | 'comment'>): QuestionField {
  return row.field.kind === 'file' && row.comment ? row.comment : row.field;
}

/** The field as the fill policy sees it (no DOM): the one the answer would go into. */
export function policyField(row: Pick<Row, 'field' | 'comment'>): PolicyField {
  const f = fillTarget(row);
  return {
    kind: f.kind,
    value: f.value,
    ...(f.options ? { options: f.options } : {}),
    ...(f.disabled ? { disabled: true } : {}),
  };
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

export interface ConfidentPlan {
  /** Exactly what "Fill all confident" writes. */
  plan: PlannedFill[];
  /** Rows the matcher is confident about that the policy holds back, grouped by what holds them. */
  held: HeldGroup[];
}

/**
 * "Fill all confident": the top suggestion of each open row, whenever the fill policy says `fill` for the
 * fill-all trigger (confident, cleared for the declared recipient, in scope, current, fitting an empty field).
 */
export function planConfident(rows: readonly Row[], decide: Decide): ConfidentPlan {
  const plan: PlannedFill[] = [];
  const held: Array<{ id: string; decision: FillDecision }> = [];
  for (const row of rows) {
    const top = row.result?.suggestions[0];
    if (!top || row.status !== 'open') continue;
    const decision = decide(row, top, 'fill-all');
    if (decision.verdict !== 'fill') {
      // Only what the matcher is confident about and the field does not already hold counts as "held".
      const same = decision.reasons.some((r) => r.code === 'already-filled');
      if (matchVerdict(top) === 'confident' && !same) held.push({ id: row.field.fid, decision });
      continue;
    }
    const target = fillTarget(row);
    plan.push({
      fid: target.fid,
      value: decision.value,
      entryId: top.entryId,
      version: top.version,
      question: target.question,
      number: row.field.number,
      confidence: top.confidence,
      trigger: 'fill-all',
      reasons: decision.reasons,
    });
    const extra = commentFill(row, top);
    if (extra)
      plan.push({
        ...extra,
        question: `${row.field.question} (comment)`,
        number: row.field.number,
        confidence: top.confidence,
        trigger: 'fill-all',
        reasons: decision.reasons,
      });
  }
  return { plan, held: heldGroups(held) };
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
