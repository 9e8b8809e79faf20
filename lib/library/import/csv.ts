// CSV/TSV text → table of cells. Papaparse detects the delimiter (comma, semicolon, tab...); quote
// errors become per-row problems. Parsing stops just past the row limit, so a huge file never hangs.
import Papa from 'papaparse';
import { messages } from '../errors';
import { LIMITS } from '../limits';

export interface CsvTable {
  table: string[][];
  rowProblems: Map<number, string>;
}

export function parseCsvTable(text: string, delimiter?: string): CsvTable {
  const res = Papa.parse<string[]>(text, {
    delimiter: delimiter ?? '',
    skipEmptyLines: false,
    preview: LIMITS.maxRows + LIMITS.headerSearchRows + 2,
  });
  const rowProblems = new Map<number, string>();
  for (const err of res.errors) {
    if (err.type === 'Quotes' && err.row !== undefined) rowProblems.set(err.row, messages.unbalancedQuote());
  }
  return { table: res.data.map((r) => (Array.isArray(r) ? r.map((c) => String(c ?? '')) : [])), rowProblems };
}
