// What makes a backup trustworthy enough to restore, checked before anything is written:
//   - it was made by a Crosswalk that this one understands (schemaVersion not newer than ours);
//   - every id appears once among the current records, every (id, version) once in the history;
//   - the history belongs to the records (no versions of unknown ids, none newer than the current one), and
//     each current record equals its own history row;
//   - each history row's content hash (written by createBackup) matches its record, so an answer edited in
//     the file is not installed as a version the library once approved.
// The hash is a checksum against accidental or naive edits, not a signature: someone who edits the file and
// recomputes the hash is not stopped (backups are files the user owns, as the library itself is).
import { LATEST_SCHEMA_VERSION } from './db-schema';
import { messages } from './errors';
import { stableStringify } from './stable';

interface VersionedRecord {
  id: string;
  version: number;
}
interface HistoryRow<T> {
  id: string;
  version: number;
  record: T;
  hash?: string | undefined;
}

export interface BackupShape<E, V> {
  schemaVersion: number;
  entries: (E & VersionedRecord)[];
  entryVersions: HistoryRow<E & VersionedRecord>[];
  evidence: (V & VersionedRecord)[];
  evidenceVersions: HistoryRow<V & VersionedRecord>[];
}

export interface IntegrityReport {
  /** Reasons to refuse the backup (each names the record and the fix). Empty = restorable. */
  problems: string[];
  /** Shown in the preview but not blocking (e.g. an older backup without hashes). */
  warnings: string[];
}

const HASH_PREFIX = 'sha256:';

/** Content hash of one record: SHA-256 of its order-independent JSON. */
export async function contentHash(record: unknown): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(stableStringify(record)));
  return HASH_PREFIX + [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Checks that need no hashing: run while parsing, so a malformed backup is refused at once. */
export function checkStructure<E, V>(b: BackupShape<E, V>): string[] {
  if (b.schemaVersion > LATEST_SCHEMA_VERSION) return [messages.backupNewerSchema(b.schemaVersion)];
  return [
    ...checkKind('entries', 'entryVersions', b.entries, b.entryVersions),
    ...checkKind('evidence', 'evidenceVersions', b.evidence, b.evidenceVersions),
  ];
}

function checkKind<T extends VersionedRecord>(
  kind: string,
  historyKind: string,
  current: readonly T[],
  history: readonly HistoryRow<T>[],
): string[] {
  const problems: string[] = [];
  const byId = new Map<string, T>();
  for (const rec of current) {
    if (byId.has(rec.id)) problems.push(messages.backupDuplicateId(kind, rec.id));
    byId.set(rec.id, rec);
  }
  const seen = new Set<string>();
  for (const row of history) {
    const key = `${row.id}@${row.version}`;
    if (seen.has(key)) problems.push(messages.backupDuplicateVersion(historyKind, row.id, row.version));
    seen.add(key);
    const cur = byId.get(row.id);
    if (!cur) problems.push(messages.backupOrphanVersion(historyKind, row.id, row.version, kind));
    else if (row.version > cur.version)
      problems.push(messages.backupVersionAhead(historyKind, row.id, row.version, cur.version));
    else if (row.version === cur.version && stableStringify(row.record) !== stableStringify(cur))
      problems.push(messages.backupRecordDiffers(kind, row.id, row.version));
    else if (row.id !== row.record.id || row.version !== row.record.version)
      problems.push(messages.backupRowMislabelled(historyKind, row.id, row.version));
  }
  // Keep the list readable: the first few problems say enough to decide what to do.
  return problems.length > 10
    ? [...problems.slice(0, 10), messages.backupMoreProblems(problems.length - 10)]
    : problems;
}

/** Every check, hashes included. */
export async function verifyBackup<E, V>(b: BackupShape<E, V>): Promise<IntegrityReport> {
  const problems = checkStructure(b);
  if (problems.length) return { problems, warnings: [] };
  const warnings: string[] = [];
  // createBackup writes every current record into the history too; one without is a trimmed or hand-made file.
  const bare = [...withoutOwnRow(b.entries, b.entryVersions), ...withoutOwnRow(b.evidence, b.evidenceVersions)];
  if (bare.length) warnings.push(messages.backupMissingHistory(bare));
  const rows = [
    ...b.entryVersions.map((r) => ({ kind: 'entry', r })),
    ...b.evidenceVersions.map((r) => ({ kind: 'evidence item', r })),
  ];
  const hashed = rows.filter(({ r }) => r.hash !== undefined);
  if (!hashed.length)
    return { problems: [], warnings: rows.length ? [...warnings, messages.backupWithoutHashes()] : warnings };
  for (const { kind, r } of rows) {
    if (r.hash === undefined) problems.push(messages.backupHashMissing(kind, r.id, r.version));
    else if (r.hash !== (await contentHash(r.record)))
      problems.push(messages.backupHashMismatch(kind, r.id, r.version));
    if (problems.length > 10) break;
  }
  return { problems, warnings };
}

function withoutOwnRow<T extends VersionedRecord>(current: readonly T[], history: readonly HistoryRow<T>[]): string[] {
  const rows = new Set(history.map((r) => `${r.id}@${r.version}`));
  return current.filter((r) => !rows.has(`${r.id}@${r.version}`)).map((r) => r.id);
}
