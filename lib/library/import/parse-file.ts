// parseLibraryFile: any supported file → validated records + row/column problems. Pure (no database):
// the CLI's `validate`/`convert` and the extension's import both start here.
import { messages } from '../errors';
import { LIMITS } from '../limits';
import { parseCsvTable } from './csv';
import { decodeText } from './decode';
import { parseLibraryJson } from './json';
import { resolveMapping, type ColumnMapping } from './columns';
import { tableToEntriesSteps } from './rows';
import { runSteps, runStepsAsync } from '../yield';
import type { FileFormat, ParsedLibraryFile, ParseOptions } from './types';
import { readWorkbook } from './xlsx';
import { evidenceTableToItems } from './evidence-rows';
import { ALL_FIELDS } from './fields';

export function formatOf(fileName: string, bytes?: Uint8Array): FileFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  // No or unknown extension: sniff the content (ZIP signature = XLSX, "{" = JSON).
  if (bytes && bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  if (bytes && /^\s*\{/.test(new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, ''))) return 'json';
  return undefined;
}

function refused(fileName: string, format: FileFormat, reason: string): ParsedLibraryFile {
  return {
    fileName,
    format,
    accepted: { entries: [], evidence: [] },
    acceptedRows: [],
    acceptedDefaulted: [],
    fields: [],
    dates: { ask: false, examples: [] },
    rejected: [{ row: 0, column: '(file)', reason }],
    warnings: [],
    mergeProposals: [],
    rowsRead: 0,
    fatal: reason,
  };
}

export function parseLibraryFile(fileName: string, bytes: Uint8Array, options: ParseOptions = {}): ParsedLibraryFile {
  return runSteps(parseSteps(fileName, bytes, options));
}

/** parseLibraryFile a slice at a time, giving the event loop back in between (the library page). */
export function parseLibraryFileAsync(
  fileName: string,
  bytes: Uint8Array,
  options: ParseOptions = {},
): Promise<ParsedLibraryFile> {
  return runStepsAsync(parseSteps(fileName, bytes, options));
}

function* parseSteps(fileName: string, bytes: Uint8Array, options: ParseOptions): Generator<void, ParsedLibraryFile> {
  const format = formatOf(fileName, bytes);
  if (!format) return refused(fileName, 'csv', messages.unsupportedFormat(fileName));
  if (bytes.byteLength > LIMITS.maxFileBytes) return refused(fileName, format, messages.tooLarge(bytes.byteLength));

  if (format === 'xlsx') {
    const wb = readWorkbook(bytes);
    if (!wb.ok) return refused(fileName, format, wb.error);
    // The answers sheet: one named like ours, else the first whose header names a question column.
    const named = wb.sheets.find((s) => /^(answers|entries|library)$/i.test(s.name));
    const candidates = named ? [named] : wb.sheets;
    let best: ParsedLibraryFile | undefined;
    for (const sheet of candidates) {
      if (sheet.truncatedRows)
        return refused(fileName, format, messages.tooManyRows(`about ${sheet.truncatedRows.toLocaleString('en-US')}`));
      yield;
      const res = yield* tableToEntriesSteps({ table: sheet.table, fileName, sheet: sheet.name }, options);
      const parsed: ParsedLibraryFile = {
        fileName,
        format,
        accepted: { entries: res.entries, evidence: [] },
        acceptedRows: res.entryRows,
        acceptedDefaulted: res.entryDefaulted,
        fields: res.fields,
        dates: res.dates,
        rejected: res.rejected,
        warnings: res.warnings,
        mergeProposals: res.mergeProposals,
        rowsRead: res.rowsRead,
        fatal: res.fatal,
        mapping: res.mapping,
      };
      if (!res.fatal) return withEvidenceSheet(parsed, wb.sheets, options.now);
      best ??= parsed;
    }
    return best!;
  }

  const decoded = decodeText(bytes, options.encoding);
  if (!decoded.ok) return refused(fileName, format, decoded.error);
  if (format === 'json') return parseJsonFile(fileName, decoded.text);

  const csv = parseCsvTable(decoded.text, /\.tsv$/i.test(fileName) ? '\t' : undefined, (rows) =>
    hasHeaderRow(rows, options.mapping),
  );
  yield;
  const res = yield* tableToEntriesSteps(
    { table: csv.table, fileName, invalidUtf8: decoded.invalidUtf8, rowProblems: csv.rowProblems },
    options,
  );
  return {
    fileName,
    format,
    accepted: { entries: res.entries, evidence: [] },
    acceptedRows: res.entryRows,
    acceptedDefaulted: res.entryDefaulted,
    fields: res.fields,
    dates: res.dates,
    rejected: res.rejected,
    warnings: res.warnings,
    mergeProposals: res.mergeProposals,
    rowsRead: res.rowsRead,
    fatal: res.fatal,
    mapping: res.mapping,
  };
}

/** Do these leading rows hold a header with a question and an answer (or short answer) column? */
function hasHeaderRow(rows: string[][], mapping?: ColumnMapping): boolean {
  const { columns } = resolveMapping(rows, mapping).mapping;
  return columns.question !== undefined && (columns.answer !== undefined || columns.shortAnswer !== undefined);
}

/** A Crosswalk library JSON file: every field is the file's, nothing is defaulted. */
export function parseJsonFile(fileName: string, text: string): ParsedLibraryFile {
  const res = parseLibraryJson(text);
  return {
    fileName,
    format: 'json',
    ...res,
    acceptedDefaulted: res.accepted.entries.map(() => 0),
    fields: res.fatal ? [] : [...ALL_FIELDS],
    dates: { ask: false, examples: [] },
  };
}

/** An XLSX export also carries an "Evidence" sheet: read it into the same result. */
function withEvidenceSheet(
  parsed: ParsedLibraryFile,
  sheets: { name: string; table: string[][] }[],
  now?: string,
): ParsedLibraryFile {
  const sheet = sheets.find((s) => /^evidence$/i.test(s.name));
  if (!sheet) return parsed;
  const ev = evidenceTableToItems(sheet.table, sheet.name, now);
  return {
    ...parsed,
    accepted: { entries: parsed.accepted.entries, evidence: ev.items },
    rejected: [...parsed.rejected, ...ev.rejected],
    rowsRead: parsed.rowsRead + ev.rowsRead,
  };
}
