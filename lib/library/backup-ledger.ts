// The review ledger's share of a full backup (schema v3 tables): fill/copy records, reviewer sign-offs and the
// library manager's notifications. Without them a restored library would lose its review history.
//   replace: each ledger table becomes the backup's copy.
//   merge:   records (by id) and sign-offs (by questionnaire + reviewer + time) missing from the library are
//            added; the library's own copies are kept, as with settings (ledger rows carry no updatedAt).
// A backup made before the ledger existed has no such sections: restoring it leaves the ledger as it is.
import { z } from 'zod';
import type { LibraryDb } from './db';
import { diff, emptyDiff, type RestoreDiff, type RestoreMode } from './restore-diff';
import { FillRecord, LibraryNotification, SignOff } from '../review';

/** Sign-offs keep their sequence number, so a restored questionnaire lists them in the same order. */
const SignOffRow = SignOff.extend({ seq: z.number().int().positive().optional() });
type SignOffRow = z.infer<typeof SignOffRow>;

/** Optional: backups written before schema v3 lack them. */
export const LedgerBackupFields = {
  reviewLedger: z.array(FillRecord).optional(),
  reviewSignoffs: z.array(SignOffRow).optional(),
  reviewNotifications: z.array(LibraryNotification).optional(),
};
export interface LedgerBackup {
  reviewLedger?: FillRecord[];
  reviewSignoffs?: SignOffRow[];
  reviewNotifications?: LibraryNotification[];
}
export interface LedgerPlan {
  ledger: RestoreDiff;
  signOffs: RestoreDiff;
  notifications: RestoreDiff;
}

export const ledgerTables = (db: LibraryDb) => [db.reviewLedger, db.reviewSignoffs, db.reviewNotifications];

export async function readLedger(db: LibraryDb): Promise<Required<LedgerBackup>> {
  return {
    reviewLedger: await db.reviewLedger.toArray(),
    reviewSignoffs: await db.reviewSignoffs.orderBy('seq').toArray(),
    reviewNotifications: await db.reviewNotifications.toArray(),
  };
}

const byId = <T extends { id: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.id, x]));
/** A sign-off has no id: it is identified by who signed which questionnaire when (seq is only its position). */
const signOffKey = (s: SignOff) => `${s.questionnaireId}\u0000${s.reviewer}\u0000${s.at}`;
const bySignOffKey = (xs: readonly SignOffRow[]) => new Map(xs.map(({ seq: _s, ...so }) => [signOffKey(so), so]));

export async function planLedger(db: LibraryDb, backup: LedgerBackup, mode: RestoreMode): Promise<LedgerPlan> {
  const cur = await readLedger(db);
  return {
    ledger: backup.reviewLedger ? diff(mode, byId(cur.reviewLedger), byId(backup.reviewLedger), true) : emptyDiff(),
    signOffs: backup.reviewSignoffs
      ? diff(mode, bySignOffKey(cur.reviewSignoffs), bySignOffKey(backup.reviewSignoffs), true)
      : emptyDiff(),
    notifications: backup.reviewNotifications
      ? diff(mode, byId(cur.reviewNotifications), byId(backup.reviewNotifications), true)
      : emptyDiff(),
  };
}

/** Runs inside the restore's transaction (which must cover ledgerTables). */
export async function applyLedger(
  db: LibraryDb,
  backup: LedgerBackup,
  mode: RestoreMode,
  plan: LedgerPlan,
): Promise<void> {
  const { reviewLedger, reviewSignoffs, reviewNotifications } = backup;
  if (mode === 'replace') {
    if (reviewLedger) await db.reviewLedger.clear().then(() => db.reviewLedger.bulkPut(reviewLedger));
    if (reviewSignoffs) await db.reviewSignoffs.clear().then(() => db.reviewSignoffs.bulkAdd(reviewSignoffs));
    if (reviewNotifications)
      await db.reviewNotifications.clear().then(() => db.reviewNotifications.bulkPut(reviewNotifications));
    return;
  }
  const added = (d: RestoreDiff) => new Set(d.added);
  if (reviewLedger) {
    const ids = added(plan.ledger);
    await db.reviewLedger.bulkPut(reviewLedger.filter((r) => ids.has(r.id)));
  }
  if (reviewSignoffs) {
    // Merged sign-offs join the end of the library's own (new sequence numbers), oldest first.
    const keys = added(plan.signOffs);
    const fresh = reviewSignoffs.filter((s) => keys.has(signOffKey(s))).map(({ seq: _s, ...so }) => so);
    await db.reviewSignoffs.bulkAdd(fresh.sort((a, b) => a.at.localeCompare(b.at)));
  }
  if (reviewNotifications) {
    const ids = added(plan.notifications);
    await db.reviewNotifications.bulkPut(reviewNotifications.filter((n) => ids.has(n.id)));
  }
}
