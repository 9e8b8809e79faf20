// Every successful fill goes into the review ledger with its provenance (entry, version, evidence, controls)
// and the fill policy's findings at that moment, copied at fill time so a reviewer never has to look them up.
// Records are keyed by what was filled over what, so a retry adds nothing; a write that changed nothing on the
// page (a second panel filling what the first one filled) is not a fill and is not recorded.
import { getLibrary } from '../../components/use-library';
import { ledgerOf } from '../../lib/library';
import type { QuestionnaireContext } from '../../lib/messaging';
import type { FillResult } from '../../lib/page';
import { fillChangedPage, recordedFlags, toFillRecord } from '../../lib/review';
import type { PlannedFill, Row } from '../../components/questions';

export async function recordFills(
  rows: readonly Row[],
  plan: readonly PlannedFill[],
  results: readonly FillResult[],
  page: { url: string; title: string },
  context: QuestionnaireContext,
): Promise<void> {
  const byFid = new Map(
    rows.flatMap((r) => [[r.field.fid, r] as const, ...(r.comment ? [[r.comment.fid, r] as const] : [])]),
  );
  const items = new Map(plan.map((p) => [p.fid, p]));
  const ctx = {
    page,
    declared: { name: context.name, recipient: context.recipient, nda: context.nda, scope: context.scope },
  };
  const records = results.flatMap((res) => {
    const row = byFid.get(res.fid);
    const item = items.get(res.fid);
    if (!res.ok || !row || !fillChangedPage(res)) return [];
    const field = row.comment?.fid === res.fid ? row.comment : row.field;
    const suggestion = row.result?.suggestions.find((s) => s.entryId === item?.entryId && s.version === item?.version);
    return [
      toFillRecord({
        ctx,
        field: { ...field, number: row.field.number, section: row.field.section },
        position: row.position,
        suggestion,
        value: res.value,
        action: 'fill',
        trigger: item?.trigger ?? 'fill',
        questionControls: row.result?.controls,
        flags: recordedFlags(item?.reasons ?? []),
        previous: res.previous,
      }),
    ];
  });
  if (!records.length) return;
  try {
    await ledgerOf(await getLibrary()).record(records);
  } catch (err) {
    // The page is already filled; a ledger failure must not undo that, but it must be visible.
    console.error('[crosswalk] could not record fills for review:', err);
  }
}
