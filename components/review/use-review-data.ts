// Loads one questionnaire's ledger records with the library they refer to, and re-runs the reuse checks
// against today's library, so the review shows what is true now (an entry may have gone stale since filling).
import { useCallback, useEffect, useState } from 'react';
import {
  ledgerOf,
  type QuestionnaireSummary,
  type Library,
  type AnswerEntry,
  type EvidenceItem,
} from '../../lib/library';
import { reviewFlags, questionnaireOrder, type Flag, type FillRecord, type SignOff } from '../../lib/review';

export interface ReviewItem {
  record: FillRecord;
  /** The entry version the answer came from (or the current one when that version is missing). */
  entry?: AnswerEntry;
  flags: Flag[];
  /** Earlier fills of the same field in this questionnaire, oldest first (a re-fill keeps its history). */
  history: FillRecord[];
  /** The library answer as it was in the version used, when the entry has a newer version now. */
  usedAnswer?: string;
}

export interface ReviewData {
  questionnaires: QuestionnaireSummary[];
  items: ReviewItem[];
  signOffs: SignOff[];
  entries: AnswerEntry[];
  evidence: EvidenceItem[];
}

/** Needs attention: flagged, edited on the page, or not yet decided. */
export function needsAttention(item: ReviewItem): boolean {
  return item.flags.length > 0 || item.record.decision.status === 'pending';
}

export async function loadReview(library: Library, questionnaireId: string | undefined): Promise<ReviewData> {
  const ledger = ledgerOf(library);
  const [questionnaires, data] = await Promise.all([
    ledger.questionnaires(),
    library.loadAll({ includeRetired: true }),
  ]);
  const qid = questionnaireId ?? questionnaires[0]?.questionnaire.id;
  const all = qid ? await ledger.list({ questionnaireId: qid }) : [];
  // One card per field: its latest fill, with the earlier ones as its history; cards in questionnaire order.
  const byField = new Map<string, FillRecord[]>();
  for (const r of all) byField.set(r.fid, [...(byField.get(r.fid) ?? []), r]);
  const records = questionnaireOrder([...byField.values()].map((rs) => rs[rs.length - 1]!));
  const current = new Map(data.entries.map((e) => [e.id, e]));
  const live = { entries: data.entries.filter((e) => e.status !== 'retired'), evidence: data.evidence };
  const items = await Promise.all(
    records.map(async (record): Promise<ReviewItem> => {
      const now = record.entryId ? current.get(record.entryId) : undefined;
      // Dates and status come from the entry as it is now; the answer text from the version used.
      const entry =
        now ??
        (record.entryId && record.entryVersion
          ? await library.entries.getVersion(record.entryId, record.entryVersion)
          : undefined);
      const history = (byField.get(record.fid) ?? []).slice(0, -1);
      const used =
        now && record.entryVersion !== undefined && now.version > record.entryVersion
          ? await library.entries.getVersion(now.id, record.entryVersion)
          : undefined;
      return {
        record,
        entry,
        flags: reviewFlags(record, entry, live),
        history,
        ...(used ? { usedAnswer: used.answer } : {}),
      };
    }),
  );
  return {
    questionnaires,
    items,
    signOffs: qid ? await ledger.signOffs(qid) : [],
    entries: data.entries,
    evidence: data.evidence,
  };
}

export function useReviewData(library: Library | undefined, questionnaireId: string | undefined) {
  const [state, setState] = useState<{ data?: ReviewData; error?: string }>({});
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => {
    if (!library) return;
    let live = true;
    loadReview(library, questionnaireId).then(
      (data) => live && setState({ data }),
      (err: unknown) =>
        live && setState({ error: `The review ledger could not be read (${String(err)}). Reload the page.` }),
    );
    return () => {
      live = false;
    };
  }, [library, questionnaireId, tick]);
  return { ...state, reload };
}
