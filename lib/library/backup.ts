// Full backup (current records, every version, settings, the review ledger) and restore with a preview.
// planRestore computes exactly what applyRestore will do, so the UI can show it before anything changes.
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
import { LATEST_SCHEMA_VERSION } from './db-schema';
import type { ChangeReason, VersionRow } from './db';
import type { Library } from './repository';
import { diff, type RestoreDiff, type RestoreMode } from './restore-diff';
import { AnswerEntry, EvidenceItem, IsoDateTime } from './schema';
import { nowIso } from './stable';
import type { Versioned, VersionWriter } from './versioned-store';

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
    record,
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

export interface RestorePlan extends LedgerPlan {
  mode: RestoreMode;
  entries: RestoreDiff;
  evidence: RestoreDiff;
  settings: RestoreDiff;
}

export async function createBackup(lib: Library): Promise<Backup> {
  const db = lib.db;
  return db.transaction(
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
      error: `The backup is not valid JSON (${e instanceof Error ? e.message : String(e)}). Use a file made by "Back up library".`,
    };
  }
  const res = Backup.safeParse(raw);
  if (res.success) return { ok: true, backup: res.data };
  const i = res.error.issues[0]!;
  return {
    ok: false,
    error: `The backup's ${i.path.join('.') || 'top level'} is invalid: ${i.message}. Use an unmodified file made by "Back up library".`,
  };
}

const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));

export async function planRestore(lib: Library, backup: Backup, mode: RestoreMode): Promise<RestorePlan> {
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
  return {
    mode,
    entries: diff(mode, byId(entries), byId(backup.entries), true),
    evidence: diff(mode, byId(evidence), byId(backup.evidence), true),
    settings: settingsDiff,
    ...(await planLedger(lib.db, backup, mode)),
  };
}

/** Apply a restore in one transaction (all or nothing). Returns the plan it carried out. */
export async function applyRestore(lib: Library, backup: Backup, mode: RestoreMode): Promise<RestorePlan> {
  const db = lib.db;
  // The library's write transaction covers its own tables; the restore also needs the ledger's.
  if (Dexie.currentTransaction) return restoreIn(lib, backup, mode);
  const plan = await db.transaction('rw', [...db.allTables, ...ledgerTables(db)], async () =>
    restoreIn(lib, backup, mode),
  );
  await lib.emitNew();
  return plan;
}

async function restoreIn(lib: Library, backup: Backup, mode: RestoreMode): Promise<RestorePlan> {
  const db = lib.db;
  return lib.write(async () => {
    const plan = await planRestore(lib, backup, mode);
    await applyLedger(db, backup, mode, plan);
    if (mode === 'replace') {
      for (const t of [db.entries, db.entryVersions, db.evidence, db.evidenceVersions, db.settings]) await t.clear();
      const now = nowIso();
      await lib.entries.writeWithHistory(backup.entries, backup.entryVersions, 'backup-restore', now);
      await lib.evidence.writeWithHistory(backup.evidence, backup.evidenceVersions, 'backup-restore', now);
      await db.settings.bulkPut(backup.settings);
      await lib.logChange('entries', 'clear', []);
      await lib.logChange('evidence', 'clear', []);
      await lib.logChange('settings', 'clear', []);
      return plan;
    }
    const now = nowIso();
    await mergeKind(lib.entries, plan.entries, backup.entries, backup.entryVersions as VersionRow<AnswerEntry>[], now);
    await mergeKind(
      lib.evidence,
      plan.evidence,
      backup.evidence,
      backup.evidenceVersions as VersionRow<EvidenceItem>[],
      now,
    );
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
