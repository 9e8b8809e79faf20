// All library error messages in one place (cause + fix), so the UI, the CLI and the tests say the same thing.
import { CrosswalkError } from '../errors';
import { isCalendarDay } from './dates';
import { LATEST_SCHEMA_VERSION as LATEST_SCHEMA } from './db-schema';
import { formatBytes, LIMITS } from './limits';

export type LibraryErrorCode =
  | 'not-found'
  | 'invalid-record'
  | 'unknown-control'
  | 'not-retired'
  | 'version-not-found'
  | 'too-large'
  | 'unreadable-file'
  | 'unsupported-format'
  | 'newer-format'
  | 'import-cancelled'
  | 'import-stale'
  | 'invalid-backup'
  | 'pre-restore-backup-failed';

export class LibraryError extends CrosswalkError<LibraryErrorCode> {
  override name = 'LibraryError';
}

export const messages = {
  notFound: (kind: string, id: string) =>
    `No ${kind} with id "${id}" in the library. Check the id (list() shows them) or create it with put().`,
  versionNotFound: (kind: string, id: string, version: number) =>
    `${kind} "${id}" has no version ${version}. history("${id}") lists the versions that exist.`,
  notRetired: (kind: string, id: string) =>
    `${kind} "${id}" is not retired, so it cannot be purged. Retire it first (retire("${id}")), then purge.`,
  tooLarge: (bytes: number) =>
    `The file is ${formatBytes(bytes)}, over the ${formatBytes(LIMITS.maxFileBytes)} import limit. Split it into smaller files and import them one by one.`,
  tooManyRows: (rows: number | string) =>
    `The file has ${rows} data rows, over the ${LIMITS.maxRows.toLocaleString('en-US')}-row import limit. Split it into smaller files and import them one by one.`,
  unsupportedFormat: (name: string) =>
    `"${name}" is not a format Crosswalk reads. Use .json (Crosswalk library), .csv/.tsv or .xlsx.`,
  newerFormat: (version: unknown) =>
    `This library file has format version ${String(version)}, newer than this Crosswalk understands (1). Update Crosswalk, or export the library again as version 1.`,
  notLibraryJson: (found: unknown) =>
    `This JSON is not a Crosswalk library (format is ${JSON.stringify(found)}, expected "crosswalk-library"). Export it from Crosswalk, or convert a questionnaire from CSV/XLSX instead.`,
  badJson: (detail: string) => `The file is not valid JSON (${detail}). Fix the syntax or re-export it from Crosswalk.`,
  badXlsx: (detail: string) =>
    `The file could not be read as an XLSX workbook (${detail}). Re-save it from Excel as .xlsx, or export it as CSV (UTF-8).`,
  utf16NoBom: () =>
    `The file looks like UTF-16 text without a byte-order mark, so its characters cannot be read reliably. Re-save it as "CSV UTF-8".`,
  invalidUtf8: () =>
    `invalid UTF-8 bytes (the file looks Latin-1/Windows-1252 encoded). Re-save the file as "CSV UTF-8", or import with encoding "windows-1252".`,
  missingColumn: (what: string, headers: string[]) =>
    `No ${what} column found (headers: ${headers.map((h) => JSON.stringify(h)).join(', ') || 'none'}). Rename the column to "${what}" or map it explicitly (mapping.${what === 'Question' ? 'question' : 'answer'} = "<header>").`,
  unbalancedQuote: () =>
    `a quoted cell is never closed (unbalanced "), so the rest of the file was read as one cell. Close the quote or double it ("") inside the cell.`,
  /** One message for every path that refuses a date (dates.ts does the check). */
  badDate: (value: unknown) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const m = typeof value === 'string' ? /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
    const impossible = m && !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
    const why = !impossible
      ? 'is not a date'
      : Number(m[2]) < 1 || Number(m[2]) > 12
        ? `is not a real day (there is no month ${m[2]})`
        : `is not a real day (month ${m[2]} of ${m[1]} has no day ${m[3]})`;
    return `"${text}" ${why}. Write dates as YYYY-MM-DD naming a day that exists (e.g. 2025-03-31).`;
  },
  /** A spreadsheet cell that is no date in any form the importer reads (dates.ts). */
  badCellDate: (value: string) =>
    `"${value}" is not a date. Write it as 2026-03-14, 3/14/2026 (US), 14.3.2026 or 14/3/2026 (European), 14 Mar 2026, or an Excel date.`,
  ambiguousDate: (value: string) =>
    `"${value}" could be month/day or day/month, and no other date in the file settles it. Choose how this file writes dates (wizard: "Dates like ${value}"; CLI: --dates us or --dates european).`,
  shortAnswerTooLong: (length: number, max: number) =>
    `the short answer is ${length} characters, over the ${max}-character limit for a short answer. Move the text to the Answer column, or map this column as the answer.`,
  badStatus: (value: string) =>
    `"${value}" is not a status. Use Approved, Draft or Retired (also read: published, final, under review, archived).`,
  badReuse: (value: string) =>
    `"${value}" is not a reuse permission. Use Public, Under NDA, Internal only or "customer: <name>" (also read: confidential, restricted).`,
  badRoles: (value: string) =>
    `"${value}" is not a list of roles. Write "owner: <name>; reviewer: <name>; approver: <name>; reviewed: <date>" (any of the four).`,
  emptyQuestion: () => `the question is empty. Fill it in or delete the row.`,
  emptyAnswer: () => `there is no answer (neither Answer nor Short answer). Fill one in or delete the row.`,
  htmlKept: () => `contains HTML/script markup; it is stored verbatim as plain text and never rendered or run.`,
  cancelled: () => `The import was cancelled before it finished; the library is unchanged. Start it again when ready.`,
  importStale: (ids: string[]) =>
    `The library changed while this import was being prepared (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''} edited meanwhile), so nothing was written. Check the file again and import it once more.`,
  // ---- backups (backup-integrity.ts, backup.ts) ----
  backupNewerSchema: (v: number) =>
    `This backup was made by a newer Crosswalk (database schema ${v}; this one understands up to ${LATEST_SCHEMA}). Update Crosswalk, then restore it.`,
  backupDuplicateId: (kind: string, id: string) =>
    `The backup lists ${kind} "${id}" twice, so it is not clear which copy to restore. The file was edited or damaged: use an unmodified file made by "Back up library".`,
  backupDuplicateVersion: (kind: string, id: string, version: number) =>
    `The backup's ${kind} holds version ${version} of "${id}" twice. The file was edited or damaged: use an unmodified file made by "Back up library".`,
  backupOrphanVersion: (kind: string, id: string, version: number, owner: string) =>
    `The backup's ${kind} holds version ${version} of "${id}", which is not among its ${owner}. The file was edited or damaged: use an unmodified file made by "Back up library".`,
  backupVersionAhead: (kind: string, id: string, version: number, current: number) =>
    `The backup's ${kind} holds version ${version} of "${id}", newer than its current version ${current}. The file was edited or damaged: use an unmodified file made by "Back up library".`,
  backupRecordDiffers: (kind: string, id: string, version: number) =>
    `In the backup, ${kind} "${id}" version ${version} differs from the same version in its history: one of them was edited after the backup was made. Use an unmodified backup, or make the change in Crosswalk (which saves it as a new version).`,
  backupRowMislabelled: (kind: string, id: string, version: number) =>
    `The backup's ${kind} row "${id}" version ${version} holds a record with another id or version. The file was edited or damaged: use an unmodified file made by "Back up library".`,
  backupHashMismatch: (kind: string, id: string, version: number) =>
    `${kind[0]!.toUpperCase()}${kind.slice(1)} "${id}" version ${version} does not match its content hash: it was changed after the backup was made, so it is not the version the library saved. Use an unmodified backup, or make the change in Crosswalk (which saves it as a new version).`,
  backupHashMissing: (kind: string, id: string, version: number) =>
    `${kind[0]!.toUpperCase()}${kind.slice(1)} "${id}" version ${version} has no content hash while the rest of the backup has them: the row was added or edited by hand. Use an unmodified file made by "Back up library".`,
  backupMoreProblems: (n: number) => `…and ${n} more problems of the same kind.`,
  backupMissingHistory: (ids: string[]) =>
    `This backup has no saved history for ${ids.length === 1 ? `"${ids[0]}"` : `${ids.length} records (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})`}, which "Back up library" always writes: the file was trimmed or made by hand. Replacing the library with it deletes their earlier versions (they are kept in the automatic backup taken first).`,
  backupWithoutHashes: () =>
    'This backup was made by an earlier Crosswalk and carries no content hashes, so edits made to the file after it was written cannot be detected. Restore it only if it came straight from "Back up library".',
  preRestoreBackupFailed: (cause: string) =>
    `Nothing was restored: the automatic backup of the current library, kept before a restore replaces anything, could not be saved (${cause}). Free some disk space or download a backup by hand first, then retry.`,
};
