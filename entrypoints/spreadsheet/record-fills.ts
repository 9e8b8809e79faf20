// Every fill on the spreadsheet page goes into the review ledger like a page fill, with the workbook as the
// questionnaire (its file name stands where a page address would) and the question's place in the workbook.
import { getLibrary } from '../../components/use-library';
import { ledgerOf } from '../../lib/library';
import type { QuestionnaireContext } from '../../lib/messaging';
import type { FillResult } from '../../lib/page';
import { recordedFlags, toFillRecord } from '../../lib/review';
import { workbookFillContext } from '../../lib/sheet';
import type { PlannedFill, Row } from '../../components/questions';

export async function recordWorkbookFills(
  rows: readonly Row[],
  plan: readonly PlannedFill[],
  results: readonly FillResult[],
  fileName: string,
  context: QuestionnaireContext,
): Promise<void> {
  const byFid = new Map(
    rows.flatMap((r) => [[r.field.fid, r] as const, ...(r.comment ? [[r.comment.fid, r] as const] : [])]),
  );
  const items = new Map(plan.map((p) => [p.fid, p]));
  const ctx = workbookFillContext({
    fileName,
    declared: { name: context.name, recipient: context.recipient, nda: context.nda, scope: context.scope },
  });
  const records = results.flatMap((res) => {
    const row = byFid.get(res.fid);
    const item = items.get(res.fid);
    if (!res.ok || !row) return [];
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
        ...(res.previous ? { previous: res.previous } : {}),
      }),
    ];
  });
  if (!records.length) return;
  await ledgerOf(await getLibrary()).record(records);
}
