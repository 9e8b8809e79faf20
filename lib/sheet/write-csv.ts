// Write answers into a CSV/TSV questionnaire: each answer field is replaced (or added at the end of a short row)
// and every other character stays as it was, in the file's own encoding, delimiter and line breaks.
import { escapeFormulaCell } from '../review';
import { encodeCsv, type CsvBook } from './csv-book';
import type { CellWrite } from './write-xlsx';

function quote(value: string, delimiter: string): string {
  // A leading = + - @ would make a spreadsheet run the answer as a formula.
  const safe = escapeFormulaCell(value);
  return safe.includes(delimiter) || /["\r\n]/.test(safe) || /^\s|\s$/.test(safe)
    ? `"${safe.replace(/"/g, '""')}"`
    : safe;
}

export function writeCsv(book: CsvBook, writes: readonly CellWrite[]): Uint8Array {
  const grid = book.sheets[0];
  const text = book.text;
  const edits: { start: number; end: number; text: string; i: number }[] = [];
  const unique = new Map(writes.map((w) => [`${w.r}:${w.c}`, w]));
  const byRow = new Map<number, CellWrite[]>();
  for (const w of unique.values()) byRow.set(w.r, [...(byRow.get(w.r) ?? []), w]);
  let i = 0;
  for (const [r, rowWrites] of byRow) {
    rowWrites.sort((a, b) => a.c - b.c);
    const row = grid.rows[r];
    if (!row) continue; // detection only offers rows that exist
    let appended = '';
    let width = row.cells.length;
    for (const w of rowWrites) {
      const cell = row.cells[w.c];
      if (cell) edits.push({ start: cell.start, end: cell.end, text: quote(w.value, book.delimiter), i: i++ });
      else {
        appended += book.delimiter.repeat(w.c - width + 1) + quote(w.value, book.delimiter);
        width = w.c + 1;
      }
    }
    if (appended) edits.push({ start: row.closeStart, end: row.closeStart, text: appended, i: i++ });
  }
  edits.sort((a, b) => a.start - b.start || a.i - b.i);
  const out: string[] = [];
  let at = 0;
  for (const e of edits) {
    out.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  out.push(text.slice(at));
  return encodeCsv(out.join(''), book.encoding);
}
