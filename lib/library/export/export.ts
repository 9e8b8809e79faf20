// Library → file bytes. JSON is lossless (every field); CSV holds answer entries only; XLSX holds an
// "Answers" sheet and an "Evidence" sheet. Spreadsheet cells are formula-escaped (see escapeFormula).
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { LIBRARY_FORMAT, LIBRARY_FORMAT_VERSION, type LibraryFile } from '../format';
import type { FileFormat } from '../import/types';
import type { LibraryData } from '../repository';
import { nowIso } from '../stable';
import { ENTRY_COLUMNS, EVIDENCE_COLUMNS, toTable } from './columns';

export function toLibraryFile(data: LibraryData, exportedAt: string = nowIso()): LibraryFile {
  return {
    format: LIBRARY_FORMAT,
    version: LIBRARY_FORMAT_VERSION,
    exportedAt,
    entries: data.entries,
    evidence: data.evidence,
  };
}

/**
 * Serialize library data in the order given (a converted questionnaire keeps its row order; a library
 * export comes in id order from IndexedDB, so two exports of one library are identical bar exportedAt).
 */
export function serializeLibrary(
  data: LibraryData,
  format: FileFormat,
  opts: { exportedAt?: string } = {},
): Uint8Array {
  const { entries, evidence } = data;
  switch (format) {
    case 'json':
      return new TextEncoder().encode(
        `${JSON.stringify(toLibraryFile({ entries, evidence }, opts.exportedAt), null, 2)}\n`,
      );
    case 'csv': {
      const [fields, ...rows] = toTable(ENTRY_COLUMNS, entries);
      // BOM: Excel opens UTF-8 CSV correctly only with it; our importer strips it.
      return new TextEncoder().encode(
        `\uFEFF${Papa.unparse({ fields: fields!, data: rows }, { newline: '\r\n' })}\r\n`,
      );
    }
    case 'xlsx': {
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(toTable(ENTRY_COLUMNS, entries)), 'Answers');
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(toTable(EVIDENCE_COLUMNS, evidence)), 'Evidence');
      return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
    }
  }
}
