// All library error messages in one place (cause + fix), so the UI, the CLI and the tests say the same thing.
import { isCalendarDay } from './dates';
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
  | 'import-cancelled';

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
  badShortAnswer: (value: string) => `"${value}" is not a short answer. Use Yes, No, N/A, Partial or Other.`,
  badStatus: (value: string) => `"${value}" is not a status. Use draft, approved or retired.`,
  badReuse: (value: string) => `"${value}" is not a reuse permission. Use public, nda, internal or customer:<name>.`,
  emptyQuestion: () => `the question is empty. Fill it in or delete the row.`,
  emptyAnswer: () => `there is no answer (neither Answer nor Short answer). Fill one in or delete the row.`,
  htmlKept: () => `contains HTML/script markup; it is stored verbatim as plain text and never rendered or run.`,
  cancelled: () => `The import was cancelled before it finished; the library is unchanged. Start it again when ready.`,
};
