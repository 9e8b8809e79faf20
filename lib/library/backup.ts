// Full backup (current records, every version with a content hash, settings, the review ledger) and restore with
// a preview. planRestore computes exactly what applyRestore will do (records and saved versions deleted, replaced,
// added and kept; edits made after the backup), so the UI can show it before anything changes; applyRestore
// refuses a backup that fails its integrity checks (backup-integrity.ts) and, before replacing or deleting
// anything, keeps the library as it was in a restore point (restore-points.ts).
//   replace: the library becomes the backup (records missing from the backup are removed, with their history).
//   merge:   records only in the backup are added (with history); records in both take the backup's content
//            as a new version only when the backup's copy is newer; nothing is removed; settings only fill gaps.
// The review ledger follows the same two modes (backup-ledger.ts).
import Dexie from 'dexie';
import { z } from 'zod';
import {
  applyLedger,
  ledgerTables,
  LedgerBackupFields,
  planLedger,
  readLedger,
  type LedgerPlan,
} from './backup-ledger';
import { checkStructure, contentHash, verifyBackup } from './backup-integrity';
import { LATEST_SCHEMA_VERSION } from './db-schema';
import { LibraryError, messages } from './errors';
import type { ChangeReason, VersionRow } from './db';
import type { Library } from './repository';
import { diff, type RestoreDiff, type RestoreMode } from './restore-diff';
import { AnswerEntry, EvidenceItem, IsoDateTime } from './schema';
import { openRestorePoints, type RestorePointStore } from './restore-points';
import { nowIso, stableStringify } from './stable';
import type { Versioned, VersionWriter } from './versioned-store';
import { errorMessage } from '../errors';

export type { RestoreDiff, RestoreMode } from './restore-diff';

export const BACKUP_FORMAT = 'crosswalk-backup';

const REASONS = [
  'create',
  'update',
  'restore',
  'retire',
  'import',
  'backup-restore',
  'merge',
] as const satisfies readonly ChangeReason[];
const versionRow = <T extends z.ZodType>(record: T) =>
  z.object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    savedAt: z.string(),
    reason: z.enum(REASONS),
    /** Why, in words (an import's file and defaults, a bulk action), when the reason alone does not say it. */
    note: z.string().optional(),
    record,
    /** Content hash of `record` (backup-integrity.ts); absent in backups made before hashes existed. */
    hash: z.string().optional(),
  });

export const Backup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  createdAt: IsoDateTime,
  schemaVersion: z.number().int().positive(),
  entries: z.array(AnswerEntry),
  entryVersions: z.array(versionRow(AnswerEntry)),
  evidence: z.array(EvidenceItem),
  evidenceVersions: z.array(versionRow(EvidenceItem)),
  settings: z.array(z.object({ key: z.string(), value: z.unknown() })),
  ...LedgerBackupFields,
});
export type Backup = z.infer<typeof Backup>;

/** Saved versions (history rows, current ones included) a restore keeps, deletes and adds, for one record kind. */
export interface HistoryDiff {
  kept: number;
  deleted: number;
  added: number;
  /** Records that stay in the library but lose saved versions the backup does not have. */
  losingHistory: string[];
}

export interface RestorePlan extends LedgerPlan {
  mode: RestoreMode;
  /** When the backup was made (the preview compares the library's edits with it). */
  backupCreatedAt: string;
  entries: RestoreDiff;
  evidence: RestoreDiff;
  settings: RestoreDiff;
  history: { entries: HistoryDiff; evidence: HistoryDiff };
  /** Replaced or deleted records the library changed after the backup was made: those edits leave the library. */
  changedSinceBackup: { entries: string[]; evidence: string[] };
  /** Reasons the backup cannot be restored (integrity); applyRestore refuses while there are any. */
  problems: string[];
  warnings: string[];
}

export interface RestoreOutcome extends RestorePlan {
  /** The automatic backup taken before the restore replaced or deleted anything (restore-points.ts). */
  restorePoint?: { id: number; createdAt: string };
}

export async function createBackup(lib: Library): Promise<Backup> {
  const db = lib.db;
  const backup: Backup = await db.transaction(
    'r',
    [db.entries, db.entryVersions, db.evidence, db.evidenceVersions, db.settings, ...ledgerTables(db)],
    async () => ({
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: nowIso(),
      schemaVersion: LATEST_SCHEMA_VERSION,
      entries: await lib.entries.list({ includeRetired: true }),
      entryVersions: await lib.entries.allVersions(),
      evidence: await lib.evidence.list({ includeRetired: true }),
      evidenceVersions: await lib.evidence.allVersions(),
      settings: await db.settings.toArray(),
      ...(await readLedger(db)),
    }),
  );
  // Hashed outside the read transaction: crypto.subtle would let an IndexedDB transaction commit early.
  for (const row of [...backup.entryVersions, ...backup.evidenceVersions]) row.hash = await contentHash(row.record);
  return backup;
}

export function serializeBackup(b: Backup): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(b)}\n`);
}

export function parseBackup(bytes: Uint8Array | string): { ok: true; backup: Backup } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes));
  } catch (e) {
    return {
      ok: false,
      error: `The backup is not valid JSON (${errorMessage(e)}). Use a file made by "Back up library".`,
    };
  }
  const newer = newerSchema(raw);
  if (newer) return { ok: false, error: newer };
  const res = Backup.safeParse(raw);
  if (res.success) {
    const problems = checkStructure(res.data);
    return problems.length ? { ok: false, error: problems.join(' ') } : { ok: true, backup: res.data };
  }
  const i = res.error.issues[0]!;
  return {
    ok: false,
    error: `The backup's ${i.path.join('.') || 'top level'} is invalid: ${i.message}. Use an unmodified file made by "Back up library".`,
  };
}

const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));

/** Checked before the schema, so a newer backup is named as such rather than as "invalid" field by field. */
function newerSchema(raw: unknown): string | undefined {
  const v = typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  return typeof v === 'number' && v > LATEST_SCHEMA_VERSION ? messages.backupNewerSchema(v) : undefined;
}

export async function planRestore(lib: Library, backup: Backup, mode: RestoreMode): Promise<RestorePlan> {
  const integrity = await verifyBackup(backup);
  const plan = await effectsOf(lib, backup, mode);
  return { ...plan, problems: integrity.problems, warnings: integrity.warnings };
}

/** The effects of a restore, read from the library (runs inside the restore transaction too: no hashing here). */
async function effectsOf(
  lib: Library,
  backup: Backup,
  mode: RestoreMode,
): Promise<Omit<RestorePlan, 'problems' | 'warnings'>> {
  const entries = await lib.entries.list({ includeRetired: true });
  const evidence = await lib.evidence.list({ includeRetired: true });
  const settings = await lib.db.settings.toArray();
  const settingsDiff = diff(
    mode,
    new Map(settings.map((s) => [s.key, s])),
    new Map(backup.settings.map((s) => [s.key, s])),
    true,
  );
  if (mode === 'merge') {
    // Merge never overwrites a setting the library already has.
    settingsDiff.unchanged += settingsDiff.updated.length;
    settingsDiff.updated = [];
  }
  const entryDiff = diff(mode, byId(entries), byId(backup.entries), true);
  const evidenceDiff = diff(mode, byId(evidence), byId(backup.evidence), true);
  return {
    mode,
    backupCreatedAt: backup.createdAt,
    entries: entryDiff,
    evidence: evidenceDiff,
    settings: settingsDiff,
    history: {
      entries: historyDiff(mode, await lib.entries.allVersions(), backup.entries, backup.entryVersions, entryDiff),
      evidence: historyDiff(
        mode,
        await lib.evidence.allVersions(),
        backup.evidence,
        backup.evidenceVersions,
        evidenceDiff,
      ),
    },
    changedSinceBackup: {
      entries: changedSince(entries, entryDiff, backup.createdAt),
      evidence: changedSince(evidence, evidenceDiff, backup.createdAt),
    },
    ...(await planLedger(lib.db, backup, mode)),
  };
}

const versionKey = (id: string, version: number) => `${id}\u0000${version}`;

function historyDiff<T extends { id: string; version: number }>(
  mode: RestoreMode,
  library: readonly { id: string; version: number; record: T }[],
  backupCurrent: readonly T[],
  backupRows: readonly { id: string; version: number; record: T }[],
  records: RestoreDiff,
): HistoryDiff {
  const incoming = new Map<string, string>();
  for (const r of backupRows) incoming.set(versionKey(r.id, r.version), stableStringify(r.record));
  for (const r of backupCurrent) incoming.set(versionKey(r.id, r.version), stableStringify(r));
  if (mode === 'merge') {
    // Nothing leaves the library: added records bring their history, updated ones gain one version each.
    const added = new Set(records.added);
    const addedRows = [...incoming.keys()].filter((k) => added.has(k.slice(0, k.indexOf('\u0000')))).length;
    return { kept: library.length, deleted: 0, added: addedRows + records.updated.length, losingHistory: [] };
  }
  const d: HistoryDiff = { kept: 0, deleted: 0, added: 0, losingHistory: [] };
  const removed = new Set(records.removed);
  const losing = new Set<string>();
  const seen = new Set<string>();
  for (const row of library) {
    const key = versionKey(row.id, row.version);
    seen.add(key);
    if (incoming.get(key) === stableStringify(row.record)) d.kept++;
    else {
      d.deleted++;
      if (!removed.has(row.id)) losing.add(row.id);
    }
  }
  for (const key of incoming.keys()) if (!seen.has(key)) d.added++;
  d.losingHistory = [...losing].sort();
  return d;
}

/** Replaced or removed records whose library copy was saved after the backup was made. */
function changedSince<T extends { id: string; updatedAt: string }>(
  library: readonly T[],
  records: RestoreDiff,
  backupCreatedAt: string,
): string[] {
  const affected = new Set([...records.updated, ...records.removed]);
  return library
    .filter((r) => affected.has(r.id) && r.updatedAt > backupCreatedAt)
    .map((r) => r.id)
    .sort();
}

/** Whether a plan replaces or deletes anything the library holds now (then a restore point is taken first). */
export function losesAnything(plan: Omit<RestorePlan, 'problems' | 'warnings'>): boolean {
  const diffs = [plan.entries, plan.evidence, plan.settings, plan.ledger, plan.signOffs, plan.notifications];
  return (
    diffs.some((d) => d.updated.length > 0 || d.removed.length > 0) ||
    plan.history.entries.deleted > 0 ||
    plan.history.evidence.deleted > 0
  );
}

export interface ApplyOptions {
  /** Where the automatic pre-restore backup goes (default: the restore-points database). */
  restorePoints?: () => Promise<RestorePointStore>;
}

/**
 * Apply a restore in one transaction (all or nothing). Refuses a backup that fails its integrity checks. When
 * the restore would replace or delete anything, the library as it is now is first saved as a restore point;
 * if that fails, nothing is restored.
 */
export async function applyRestore(
  lib: Library,
  backup: Backup,
  mode: RestoreMode,
  opts: ApplyOptions = {},
): Promise<RestoreOutcome> {
  const integrity = await verifyBackup(backup);
  if (integrity.problems.length) throw new LibraryError('invalid-backup', integrity.problems.join(' '));
  const db = lib.db;
  let restorePoint: RestoreOutcome['restorePoint'];
  if (losesAnything(await effectsOf(lib, backup, mode))) restorePoint = await keepRestorePoint(lib, backup, opts);
  const done = (plan: Omit<RestorePlan, 'problems' | 'warnings'>): RestoreOutcome => ({
    ...plan,
    problems: [],
    warnings: integrity.warnings,
    ...(restorePoint ? { restorePoint } : {}),
  });
  // The library's write transaction covers its own tables; the restore also needs the ledger's.
  if (Dexie.currentTransaction) return done(await restoreIn(lib, backup, mode));
  const plan = await db.transaction('rw', [...db.allTables, ...ledgerTables(db)], async () =>
    restoreIn(lib, backup, mode),
  );
  await lib.emitNew();
  return done(plan);
}

async function keepRestorePoint(
  lib: Library,
  backup: Backup,
  opts: ApplyOptions,
): Promise<{ id: number; createdAt: string }> {
  try {
    const before = await createBackup(lib);
    const store = await (opts.restorePoints ?? (() => openRestorePoints()))();
    const id = await store.save({
      createdAt: before.createdAt,
      reason: `Before restoring the backup made ${backup.createdAt}`,
      entries: before.entries.length,
      evidence: before.evidence.length,
      file: serializeBackup(before),
    });
    return { id, createdAt: before.createdAt };
  } catch (err) {
    throw new LibraryError('pre-restore-backup-failed', messages.preRestoreBackupFailed(errorMessage(err)), {
      cause: err,
    });
  }
}

async function restoreIn(
  lib: Library,
  backup: Backup,
  mode: RestoreMode,
): Promise<Omit<RestorePlan, 'problems' | 'warnings'>> {
  const db = lib.db;
  return lib.write(async () => {
    const plan = await effectsOf(lib, backup, mode);
    await applyLedger(db, backup, mode, plan);
    if (mode === 'replace') {
      for (const t of [db.entries, db.entryVersions, db.evidence, db.evidenceVersions, db.settings]) await t.clear();
      const now = nowIso();
      await lib.entries.writeWithHistory(backup.entries, withoutHash(backup.entryVersions), 'backup-restore', now);
      await lib.evidence.writeWithHistory(backup.evidence, withoutHash(backup.evidenceVersions), 'backup-restore', now);
      await db.settings.bulkPut(backup.settings);
      await lib.logChange('entries', 'clear', []);
      await lib.logChange('evidence', 'clear', []);
      await lib.logChange('settings', 'clear', []);
      return plan;
    }
    const now = nowIso();
    await mergeKind(lib.entries, plan.entries, backup.entries, withoutHash(backup.entryVersions), now);
    await mergeKind(lib.evidence, plan.evidence, backup.evidence, withoutHash(backup.evidenceVersions), now);
    const settings = new Map(backup.settings.map((s) => [s.key, s]));
    await db.settings.bulkPut(plan.settings.added.map((k) => settings.get(k)!));
    if (plan.entries.added.length + plan.entries.updated.length)
      await lib.logChange('entries', 'put', [...plan.entries.added, ...plan.entries.updated]);
    if (plan.evidence.added.length + plan.evidence.updated.length)
      await lib.logChange('evidence', 'put', [...plan.evidence.added, ...plan.evidence.updated]);
    if (plan.settings.added.length) await lib.logChange('settings', 'put', plan.settings.added);
    return plan;
  });
}

/** History rows as the database stores them: the hash belongs to the file, not the library. */
function withoutHash<T>(rows: readonly (VersionRow<T> & { hash?: string | undefined })[]): VersionRow<T>[] {
  return rows.map(({ hash: _h, ...row }) => row);
}

async function mergeKind<T extends Versioned>(
  store: VersionWriter<T>,
  d: RestoreDiff,
  current: T[],
  rows: VersionRow<T>[],
  now: string,
): Promise<void> {
  const incoming = byId(current);
  const added = new Set(d.added);
  // New records arrive with their whole history.
  await store.writeWithHistory(
    d.added.map((id) => incoming.get(id)!),
    rows.filter((r) => added.has(r.id)),
    'backup-restore',
    now,
  );
  // Records in both: the backup's newer content becomes the next version; the library's history stays.
  const updates: T[] = [];
  for (const id of d.updated) {
    const cur = await store.get(id);
    if (cur) updates.push({ ...incoming.get(id)!, createdAt: cur.createdAt, updatedAt: now, version: cur.version + 1 });
  }
  await store.saveVersions(updates, 'backup-restore', now);
}
