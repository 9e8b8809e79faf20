// A rescan the page prompted (a wizard's next step, a follow-up question revealed by an answer) must not wipe
// what the person already did: rows of fields still on the page keep their suggestion, status and fill, and
// only the new fields are matched.
import { toRows, type Row } from '../../components/questions';
import type { QuestionField } from '../../lib/page';

/** The rows after such a rescan, and the new ones to match; undefined when the page has the same fields as before. */
export function mergeRescan(
  prev: readonly Row[],
  fields: readonly QuestionField[],
): { rows: Row[]; fresh: Row[] } | undefined {
  const next = toRows(fields);
  const before = new Map(prev.map((r) => [r.field.fid, r]));
  if (next.length === prev.length && next.every((r) => before.has(r.field.fid))) return undefined;
  const fresh: Row[] = [];
  const rows = next.map((r) => {
    const old = before.get(r.field.fid);
    if (!old) {
      fresh.push(r);
      return r;
    }
    // The page's current snapshot (value, position, comment box) with the panel's own state of the row.
    const { comment: _dropped, ...kept } = old;
    return r.comment
      ? { ...kept, field: r.field, position: r.position, comment: r.comment }
      : { ...kept, field: r.field, position: r.position };
  });
  return { rows, fresh };
}
