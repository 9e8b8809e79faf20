// CSV/TSV text → table of cells. The delimiter is the one under which the header row reads as a question and
// an answer column (comma, semicolon, tab, pipe, in papaparse's guessed order first): guessing from character
// counts alone misreads a small file whose cells hold many "a; b" lists. Quote errors become per-row problems.
// Parsing stops just past the row limit, so a huge file never hangs.
import Papa from 'papaparse';
import { messages } from '../errors';
import { LIMITS } from '../limits';

export interface CsvTable {
  table: string[][];
  rowProblems: Map<number, string>;
}

const CANDIDATES = [',', ';', '\t', '|'];

const toTable = (data: unknown[]) => data.map((r) => (Array.isArray(r) ? r.map((c) => String(c ?? '')) : []));

/** `hasHeader` says whether leading rows split with a candidate delimiter contain the header row. */
export function parseCsvTable(
  text: string,
  delimiter?: string,
  hasHeader?: (leadingRows: string[][]) => boolean,
): CsvTable {
  let chosen = delimiter ?? '';
  if (!delimiter && hasHeader) {
    const preview = (d: string) =>
      Papa.parse<string[]>(text, { delimiter: d, skipEmptyLines: false, preview: LIMITS.headerSearchRows + 1 });
    const guessed = preview('');
    const order = [guessed.meta.delimiter, ...CANDIDATES.filter((c) => c !== guessed.meta.delimiter)];
    chosen = order.find((d) => hasHeader(toTable((d === guessed.meta.delimiter ? guessed : preview(d)).data))) ?? '';
  }
  const res = Papa.parse<string[]>(text, {
    delimiter: chosen,
    skipEmptyLines: false,
    preview: LIMITS.maxRows + LIMITS.headerSearchRows + 2,
  });
  const rowProblems = new Map<number, string>();
  for (const err of res.errors) {
    if (err.type === 'Quotes' && err.row !== undefined) rowProblems.set(err.row, messages.unbalancedQuote());
  }
  return { table: toTable(res.data), rowProblems };
}
