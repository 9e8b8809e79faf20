// XLSX workbook → tables of cells (SheetJS). Rows are read only up to just past the row limit
// (`sheetRows`), so an oversized sheet is refused quickly; dates become YYYY-MM-DD text. Only cell values are
// read: no formatted text (`cellText`), formulas or styles, which SheetJS would otherwise compute for every
// cell (a quarter of the read time on a 20,000-row sheet). Date cells still arrive as dates (`cellDates`).
import * as XLSX from '@e965/xlsx';
import { checkXlsx } from '../../zip-guard';
import { messages } from '../errors';
import { LIMITS } from '../limits';
import { errorMessage } from '../../errors';

export type Workbook =
  { ok: true; sheets: { name: string; table: string[][]; truncatedRows?: number }[] } | { ok: false; error: string };

function cellText(v: unknown): string {
  if (v instanceof Date) {
    // SheetJS builds dates in local time; read them back the same way so a date never shifts a day.
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
  }
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  // Raw SheetJS values are strings, numbers, booleans and dates; anything else carries no cell text.
  return typeof v === 'number' || typeof v === 'bigint' ? String(v) : '';
}

export function readWorkbook(bytes: Uint8Array): Workbook {
  // Sizes, cells and used ranges are checked before SheetJS unpacks anything (decompression bombs, random bytes).
  const guard = checkXlsx(bytes);
  if (!guard.ok) return { ok: false, error: guard.error.message };
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellDates: true,
      cellText: false,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      sheetRows: LIMITS.maxRows + LIMITS.headerSearchRows + 2,
    });
  } catch (e) {
    return { ok: false, error: messages.badXlsx(errorMessage(e)) };
  }
  if (!wb.SheetNames.length) return { ok: false, error: messages.badXlsx('the workbook has no sheets') };
  // A sheet listed in the workbook but missing from the file is skipped, not dereferenced.
  const sheets = wb.SheetNames.flatMap((name) => {
    const ws = wb.Sheets[name];
    if (!ws) return [];
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: '', blankrows: true });
    const fullref: unknown = ws['!fullref'];
    const full = typeof fullref === 'string' && fullref ? XLSX.utils.decode_range(fullref).e.r + 1 : undefined;
    return [
      {
        name,
        table: rows.map((r) => r.map(cellText)),
        truncatedRows: full && full > rows.length ? full : undefined,
      },
    ];
  });
  if (!sheets.length) return { ok: false, error: messages.badXlsx('none of its sheets could be read') };
  return { ok: true, sheets };
}
