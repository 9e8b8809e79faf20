// All library error messages in one place (cause + fix), so the UI, the CLI and the tests say the same thing.
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
  | 'import-stale';

export class LibraryError extends Error {
  constructor(
    readonly code: LibraryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LibraryError';
  }
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
  badDate: (value: string) =>
    `"${value}" is not a date. Write it as 2026-03-14, 3/14/2026 (US), 14.3.2026 (European), 14 Mar 2026 or an Excel date.`,
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
};
