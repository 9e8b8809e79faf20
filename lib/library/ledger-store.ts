// The review ledger store: every fill and copy, reviewer decisions and sign-offs, and notifications for the
// library manager. Lives in the library database (schema v3) because lib/library is the only IndexedDB code;
// the records themselves are lib/review's zod schemas, validated on every write.
import type { Library } from './repository';
import type { AnswerEntry } from './schema';
import { newId, nowIso } from './stable';
import {
  applyReadBack,
  ReviewError,
  reviewMessages,
  pageEditDraft,
  pageEditMessage,
  type SaveMode,
  FillRecord,
  LibraryNotification,
  SignOff,
  type DecisionStatus,
  type NewFillRecord,
  type ReviewQuestionnaire,
} from '../review';

export interface QuestionnaireSummary {
  questionnaire: ReviewQuestionnaire;
  records: number;
  lastAt: string;
  pending: number;
  edited: number;
  signOff?: SignOff;
}

function parseRecord(input: unknown): FillRecord {
  const res = FillRecord.safeParse(input);
  if (res.success) return res.data;
  const detail = res.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ');
  throw new ReviewError('invalid-record', reviewMessages.invalidRecord(detail));
}

export class LedgerStore {
  constructor(readonly library: Library) {}

  private get db() {
    return this.library.db;
  }

  /**
   * Log fills/copies as they happen. All or nothing: one invalid record rejects the batch. Idempotent: a
   * record whose id is already in the ledger (the same fill from a retry or a second panel) is kept as it
   * is, reviewer decision included; the stored records are returned either way.
   */
  async record(inputs: readonly NewFillRecord[]): Promise<FillRecord[]> {
    const now = nowIso();
    const recs = inputs.map((r) => parseRecord({ ...r, id: r.id ?? newId('fill'), at: r.at ?? now }));
    // One batch may name the same fill twice (a field and a retry in one plan): the first wins.
    const unique = [...new Map(recs.map((r) => [r.id, r] as const)).values()];
    return this.db.transaction('rw', this.db.reviewLedger, async () => {
      const existing = await this.db.reviewLedger.bulkGet(unique.map((r) => r.id));
      const fresh = unique.filter((_, i) => !existing[i]);
      if (fresh.length) await this.db.reviewLedger.bulkAdd(fresh);
      return unique.map((r, i) => existing[i] ?? r);
    });
  }

  async get(id: string): Promise<FillRecord | undefined> {
    return this.db.reviewLedger.get(id);
  }

  /** Records, oldest first; one questionnaire's when `questionnaireId` is given. */
  async list(opts: { questionnaireId?: string } = {}): Promise<FillRecord[]> {
    const rows = opts.questionnaireId
      ? await this.db.reviewLedger.where('questionnaire.id').equals(opts.questionnaireId).toArray()
      : await this.db.reviewLedger.toArray();
    return rows.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  }

  /** One line per questionnaire, newest activity first. */
  async questionnaires(): Promise<QuestionnaireSummary[]> {
    const all = await this.list();
    const signOffs = await this.db.reviewSignoffs.toArray();
    const byQ = new Map<string, QuestionnaireSummary>();
    for (const r of all) {
      const s = byQ.get(r.questionnaire.id) ?? {
        questionnaire: r.questionnaire,
        records: 0,
        lastAt: r.at,
        pending: 0,
        edited: 0,
      };
      s.records++;
      s.questionnaire = r.questionnaire;
      if (r.at > s.lastAt) s.lastAt = r.at;
      if (r.decision.status === 'pending') s.pending++;
      if (r.edit?.editedAfterFill) s.edited++;
      byQ.set(r.questionnaire.id, s);
    }
    for (const so of signOffs) {
      const s = byQ.get(so.questionnaireId);
      if (s && (!s.signOff || so.at > s.signOff.at))
        s.signOff = { questionnaireId: so.questionnaireId, reviewer: so.reviewer, at: so.at, note: so.note };
    }
    return [...byQ.values()].sort((a, b) => b.lastAt.localeCompare(a.lastAt));
  }

  /** Feed a page/read result (fid -> current value) in; returns the records whose edit status changed. */
  async applyReadBack(questionnaireId: string, values: Readonly<Record<string, string>>): Promise<FillRecord[]> {
    return this.db.transaction('rw', this.db.reviewLedger, async () => {
      const changed = applyReadBack(await this.list({ questionnaireId }), values, nowIso());
      await this.db.reviewLedger.bulkPut(changed);
      return changed;
    });
  }

  /** Record a reviewer's decision. A send-back also notifies the entry's owner in the library manager. */
  async decide(id: string, decision: { status: DecisionStatus; reviewer: string; note?: string }): Promise<FillRecord> {
    if (!decision.reviewer.trim()) throw new ReviewError('no-reviewer', reviewMessages.noReviewer());
    return this.db.transaction('rw', this.db.reviewLedger, this.db.reviewNotifications, async () => {
      const rec = await this.require(id);
      const at = nowIso();
      const note = decision.note?.trim() || undefined;
      const updated = parseRecord({
        ...rec,
        decision: { status: decision.status, reviewer: decision.reviewer.trim(), at, note },
      });
      await this.db.reviewLedger.put(updated);
      if (decision.status === 'sent-back' && rec.entryId) {
        await this.notify({
          kind: 'sent-back',
          entryId: rec.entryId,
          entryVersion: rec.entryVersion,
          questionnaire: rec.questionnaire.name || rec.questionnaire.pageTitle,
          message: `${decision.reviewer.trim()} sent back the answer to "${rec.question}" for a check.`,
          note,
        });
      }
      return updated;
    });
  }

  async signOff(questionnaireId: string, reviewer: string, note?: string): Promise<SignOff> {
    if (!reviewer.trim()) throw new ReviewError('no-reviewer', reviewMessages.noReviewer());
    const so = SignOff.parse({
      questionnaireId,
      reviewer: reviewer.trim(),
      at: nowIso(),
      note: note?.trim() || undefined,
    });
    await this.db.reviewSignoffs.add(so);
    return so;
  }

  /** Every sign-off of a questionnaire, oldest first (a re-review adds one; none is overwritten). */
  async signOffs(questionnaireId: string): Promise<SignOff[]> {
    const rows = await this.db.reviewSignoffs.where('questionnaireId').equals(questionnaireId).sortBy('seq');
    return rows.map(({ seq: _s, ...so }) => so);
  }

  /**
   * Save a page edit to the library as a draft (new version of the source entry, or a new entry), mark the
   * record, and notify the library manager, all in one transaction.
   */
  async saveEditToLibrary(id: string, mode: SaveMode, owner?: string): Promise<AnswerEntry> {
    const lib = this.library;
    const db = this.db;
    const result = await db.transaction('rw', [...db.allTables, db.reviewLedger, db.reviewNotifications], async () => {
      const rec = await this.require(id);
      const source = rec.entryId ? await lib.entries.get(rec.entryId) : undefined;
      const draft = pageEditDraft(rec, mode, source, owner);
      const entry = await lib.entries.put(draft);
      await db.reviewLedger.put({
        ...rec,
        savedToLibrary: { mode, entryId: entry.id, version: entry.version, at: nowIso() },
      });
      await this.notify({
        kind: 'page-edit',
        entryId: entry.id,
        entryVersion: entry.version,
        questionnaire: rec.questionnaire.name || rec.questionnaire.pageTitle,
        message: pageEditMessage(rec, mode),
      });
      return entry;
    });
    await lib.emitNew();
    return result;
  }

  async notifications(opts: { unreadOnly?: boolean } = {}): Promise<LibraryNotification[]> {
    const all = await this.db.reviewNotifications.orderBy('at').reverse().toArray();
    return opts.unreadOnly ? all.filter((n) => !n.read) : all;
  }

  async markNotificationRead(id: string, read = true): Promise<void> {
    await this.db.reviewNotifications.update(id, { read });
  }

  private async notify(n: Omit<LibraryNotification, 'id' | 'at' | 'read'>): Promise<void> {
    await this.db.reviewNotifications.put(
      LibraryNotification.parse({ ...n, id: newId('note'), at: nowIso(), read: false }),
    );
  }

  private async require(id: string): Promise<FillRecord> {
    const rec = await this.get(id);
    if (!rec) throw new ReviewError('not-found', reviewMessages.recordNotFound(id));
    return rec;
  }
}

export function ledgerOf(library: Library): LedgerStore {
  return new LedgerStore(library);
}
