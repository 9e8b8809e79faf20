// Public API of lib/library. The repository is the only code in Crosswalk that touches IndexedDB;
// the parsers and serializers (import/, export/) are pure and run in Node (CLI, tests).
import { serializeLibrary } from './export/export';
import type { FileFormat } from './import/types';
import { Library, type LibraryData } from './repository';

export * from './schema';
export { LIMITS } from './limits';
export { LibraryError, messages as libraryMessages, type LibraryErrorCode } from './errors';
export { LIBRARY_FORMAT, LIBRARY_FORMAT_VERSION, LibraryFile } from './format';
export { SCHEMA_VERSIONS, LATEST_SCHEMA_VERSION, type SchemaVersion } from './db-schema';
export { LibraryDb, type VersionRow, type ChangeReason, type ChangeRow } from './db';
export {
  openLibrary,
  deleteLibrary,
  Library,
  SettingsStore,
  type LibraryData,
  type LibraryChange,
  type ChangeListener,
  type EntryDraft,
  type EvidenceDraft,
} from './repository';
export { VersionedStore, type ListOptions } from './versioned-store';
export { yieldToEventLoop, yielder } from './yield';
export { bulkEdit, undoBulk, applyBulk, describeBulk, type BulkAction, type BulkResult, type BulkStep } from './bulk';
export { parseLibraryFile, parseLibraryFileAsync, parseJsonFile, formatOf } from './import/parse-file';
export {
  importParsed,
  importFile,
  applyImport,
  refusal,
  importNote,
  type ImportOptions,
  type ImportReport,
  type ImportCounts,
} from './import/apply';
export { planImport, planOutcome, idFamily, type ImportPlan, type EntryChange, type PlanOutcome } from './import/plan';
export { resolveMergeProposals, type MergeDecision } from './import/merge';
export { listHeld, decideHeld, holdBack, HELD_KEY, type HeldRow, type HeldDecision } from './import/held';
export { listImports, recordImport, IMPORTS_KEY, type ImportBatch } from './import/history';
export {
  ImportDefaults,
  describeDefaults,
  reuseAudience,
  parseStatusDefault,
  parseReuseDefault,
  parseReviewDefault,
  FALLBACK_OWNER,
  FALLBACK_REUSE,
  FALLBACK_STATUS,
} from './import/defaults';
export { parseDate, addMonths, dateOrderOf, type DateOrder } from './import/dates';
export { parseReuse, parseStatus, joinList, splitList } from './import/cells';
export { ALL_FIELDS, overlay, textChanged, sameEntryContent, type FileField } from './import/fields';
export {
  COLUMN_KINDS,
  COLUMN_LABELS,
  HEADER_SYNONYMS,
  type ColumnKind,
  type ColumnMapping,
  type ResolvedMapping,
} from './import/columns';
export type { FileFormat, RowIssue, MergeProposal, ParseOptions, ParsedLibraryFile, DateInfo } from './import/types';
export { decodeText, type TextEncoding, type Decoded } from './import/decode';
export { serializeLibrary, toLibraryFile } from './export/export';
export { escapeFormula } from './export/columns';
export {
  createBackup,
  serializeBackup,
  parseBackup,
  planRestore,
  applyRestore,
  Backup,
  BACKUP_FORMAT,
  losesAnything,
  type RestoreMode,
  type RestorePlan,
  type RestoreOutcome,
  type RestoreDiff,
  type HistoryDiff,
  type ApplyOptions,
} from './backup';
export {
  startState,
  chooseStart,
  loadDemoLibrary,
  removeDemoData,
  demoCounts,
  isDemoEntry,
  DEMO_TAG,
  START_KEY,
  StartChoice,
  type StartState,
  type StartRecord,
} from './first-run';
export { describeRestore, type RestoreLine } from './restore-summary';
export { contentHash, verifyBackup, type IntegrityReport } from './backup-integrity';
export {
  openRestorePoints,
  RestorePointStore,
  RESTORE_POINTS_KEPT,
  RESTORE_POINTS_DB,
  type RestorePoint,
} from './restore-points';
export { openIndexSnapshots, IndexSnapshotStore, INDEX_SNAPSHOT_DB, type IndexSnapshot } from './index-snapshot';
export { questionTokens, jaccard } from './near-duplicates';

/** Export a library (open repository, or data already loaded) as file bytes in `format`. */
export async function exportLibrary(
  source: Library | LibraryData,
  format: FileFormat,
  opts: { exportedAt?: string } = {},
): Promise<Uint8Array> {
  const data = source instanceof Library ? await source.loadAll({ includeRetired: true }) : source;
  return serializeLibrary(data, format, opts);
}
export { type QuestionnaireSummary, ledgerOf } from './ledger-store';
export { parseCsvTable } from './import/csv';
export { readWorkbook } from './import/xlsx';
