// Edit tracking: compare the value read back from the page (page/read) with what was written.
// Only a difference a person would call an edit counts; whitespace reflow by the portal does not.
import { normalizeForCompare, wordDiff } from './diff';
import type { EditCheck, FillRecord } from './schema';

export function checkEdit(written: string, current: string, checkedAt: string = new Date().toISOString()): EditCheck {
  const edited = normalizeForCompare(written) !== normalizeForCompare(current);
  return { checkedAt, editedAfterFill: edited, currentValue: current, diff: edited ? wordDiff(written, current) : [] };
}

/**
 * Apply a page/read result to the ledger records of one questionnaire. Only the latest record per field is
 * compared (an earlier fill of the same field was overwritten by the later one). Fields the page did not
 * return (gone, or in a frame that did not answer) keep their last check.
 */
export function applyReadBack(
  records: readonly FillRecord[],
  values: Readonly<Record<string, string>>,
  checkedAt?: string,
): FillRecord[] {
  const latest = new Map<string, FillRecord>();
  for (const r of records) {
    if (r.action !== 'fill') continue;
    const prev = latest.get(r.fid);
    if (!prev || prev.at <= r.at) latest.set(r.fid, r);
  }
  const changed: FillRecord[] = [];
  for (const r of latest.values()) {
    const current = values[r.fid];
    if (current === undefined) continue;
    const edit = checkEdit(r.value, current, checkedAt);
    if (r.edit && r.edit.currentValue === edit.currentValue && r.edit.editedAfterFill === edit.editedAfterFill)
      continue;
    changed.push({ ...r, edit });
  }
  return changed;
}
