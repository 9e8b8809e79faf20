// The spreadsheet page's working state, kept pure so it can be tested without a browser: detected questions as
// the side panel's rows (same cards, same fill policy), fills and undo applied to rows instead of a page, and the
// cells the answered copy gets.
import type { FillResult } from '../../lib/page';
import {
  toQuestionField,
  writesForAnswer,
  type CellWrite,
  type SheetLayout,
  type SheetQuestion,
} from '../../lib/sheet';
import type { PlannedFill, Row } from '../../components/questions';

const COMMENT = '#comment';

export interface WorkbookRows {
  rows: Row[];
  /** Detected question by row fid (sheet and question cell, e.g. "Security!C12"). */
  questions: Map<string, SheetQuestion>;
}

/**
 * Rows in workbook order (sheet order, then row order). Rows the person already worked on keep their state
 * (result, status, fill) when detection runs again after a correction, as long as the question is the same.
 */
export function toWorkbookRows(layouts: readonly SheetLayout[], previous: readonly Row[] = []): WorkbookRows {
  const before = new Map(previous.map((r) => [r.field.fid, r]));
  const questions = new Map<string, SheetQuestion>();
  const rows: Row[] = [];
  for (const layout of layouts)
    for (const q of layout.questions) {
      const { field, comment } = toQuestionField(q);
      questions.set(field.fid, q);
      const old = before.get(field.fid);
      const position = rows.length;
      if (old && old.field.question === field.question && old.field.kind === field.kind) {
        rows.push({ ...old, position });
        continue;
      }
      rows.push(comment ? { field, comment, position, status: 'open' } : { field, position, status: 'open' });
    }
  return { rows, questions };
}

/** Why a value cannot go into this question's cell, or undefined when it can. */
function refusal(row: Row, value: string, isComment: boolean): string | undefined {
  const field = isComment ? row.comment : row.field;
  if (!field) return 'This question has no comment cell.';
  if (field.disabled) return 'This cell cannot be written (a formula, a locked cell or part of a merged range).';
  if (!isComment && field.kind === 'select' && field.options?.length && !field.options.includes(value))
    return `The answer cell accepts only ${field.options.map((o) => `"${o}"`).join(', ')}: pick one of them.`;
  return undefined;
}

/** Apply fills to rows (the workbook itself is written only on download). */
export function applyFills(
  rows: readonly Row[],
  items: readonly PlannedFill[],
): { rows: Row[]; results: FillResult[] } {
  const results: FillResult[] = [];
  const byFid = new Map(rows.map((r, i) => [r.field.fid, i]));
  const next = [...rows];
  for (const item of items) {
    const isComment = item.fid.endsWith(COMMENT);
    const at = byFid.get(isComment ? item.fid.slice(0, -COMMENT.length) : item.fid);
    const row = at === undefined ? undefined : next[at];
    if (!row || at === undefined) {
      results.push({ fid: item.fid, ok: false, value: '', previous: '', error: 'No such question in the workbook.' });
      continue;
    }
    const error = refusal(row, item.value, isComment);
    const current = isComment ? row.comment!.value : row.field.value;
    if (error) {
      results.push({ fid: item.fid, ok: false, value: current, previous: current, error });
      next[at] = { ...row, error };
      continue;
    }
    results.push({ fid: item.fid, ok: true, value: item.value, previous: current });
    next[at] = isComment
      ? { ...row, comment: { ...row.comment!, value: item.value } }
      : {
          ...row,
          status: 'filled',
          error: undefined,
          field: { ...row.field, value: item.value },
          // The first fill's previous value stays: Undo goes back to what the workbook had.
          filled: {
            value: item.value,
            previous: row.filled?.previous ?? current,
            entryId: item.entryId,
            version: item.version,
          },
        };
  }
  return { rows: next, results };
}

/** Undo fills (all, or the given row fids): the answer and comment go back to what the workbook holds. */
export function undoFills(
  rows: readonly Row[],
  questions: ReadonlyMap<string, SheetQuestion>,
  fids?: readonly string[],
): Row[] {
  const only = fids ? new Set(fids.map((f) => (f.endsWith(COMMENT) ? f.slice(0, -COMMENT.length) : f))) : undefined;
  return rows.map((row) => {
    const q = questions.get(row.field.fid);
    if (!q || (only && !only.has(row.field.fid))) return row;
    const commentChanged = row.comment && row.comment.value !== q.existingComment;
    if (row.status !== 'filled' && !commentChanged) return row;
    return {
      ...row,
      status: row.status === 'filled' ? 'open' : row.status,
      filled: undefined,
      error: undefined,
      field: { ...row.field, value: q.existing },
      ...(row.comment ? { comment: { ...row.comment, value: q.existingComment } } : {}),
    };
  });
}

/** The cells the answered copy gets: every filled answer, and every comment the person filled. */
export function workbookWrites(rows: readonly Row[], questions: ReadonlyMap<string, SheetQuestion>): CellWrite[] {
  return rows.flatMap((row) => {
    const q = questions.get(row.field.fid);
    if (!q) return [];
    const comment =
      row.comment && row.comment.value !== q.existingComment && row.comment.value.trim()
        ? row.comment.value
        : undefined;
    const writes = row.status === 'filled' ? writesForAnswer(q, row.field.value) : [];
    if (comment && q.commentCell)
      writes.push({ sheet: q.sheet, r: q.commentCell.r, c: q.commentCell.c, value: comment });
    return writes;
  });
}

/** "caiq.xlsx" -> "caiq (answered).xlsx": same format, so a macro-enabled .xlsm stays .xlsm. */
export function answeredName(fileName: string): string {
  const m = /^(.*?)(\.[A-Za-z0-9]+)?$/.exec(fileName);
  const base = m?.[1] || 'questionnaire';
  return `${base} (answered)${m?.[2] ?? ''}`;
}
