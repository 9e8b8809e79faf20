// The one model detection works on, whatever the file was: a sheet as rows of cells with the facts that matter
// for finding questions and answer cells (text, formula, hidden, merged, dropdown lists, locked), plus the offsets
// the writers need to change one cell and nothing else. 0-based rows and columns inside; A1 notation outside.

export interface Cell {
  /** What the cell shows (shared string, inline string, number as text, TRUE/FALSE, formula result). */
  text: string;
  formula: boolean;
  /** Style (cellXfs) index; 0 when the file has none. */
  style: number;
  /** Offsets of the cell in the part text (XLSX: the <c> element; CSV: the field, quotes included). */
  start: number;
  end: number;
}

export interface GridRow {
  hidden: boolean;
  cells: (Cell | undefined)[];
  /** XLSX offsets: <row ...> start, end of its open tag, start of </row>, end; selfClose for <row .../>. */
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClose: boolean;
  /** The row's own style when it has customFormat="1" (Excel gives new cells in the row this style). */
  style?: number;
}

export interface Range {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface Validation {
  ranges: Range[];
  /** The list's options when it could be resolved (inline list, cell range, defined name). */
  options?: string[];
  /** The list source as written (for messages). */
  formula: string;
}

export interface ColumnFormat {
  min: number;
  max: number;
  hidden: boolean;
  style?: number;
}

export interface Grid {
  name: string;
  /** Position among the workbook's sheets (0-based). */
  index: number;
  /** Hidden or very hidden sheet: never searched for questions. */
  hidden: boolean;
  /** Sheet protection is on: only unlocked cells may be written. */
  protected: boolean;
  /** Not a worksheet (chart sheet, dialog sheet): listed but not read. */
  notWorksheet?: boolean;
  rows: (GridRow | undefined)[];
  columns: ColumnFormat[];
  merges: Range[];
  validations: Validation[];
  /** sheetFormatPr zeroHeight: rows without their own <row> element are hidden. */
  rowsHiddenByDefault: boolean;
  /** Offsets of <sheetData> in the part text (XLSX only), for rows the writer has to add. */
  sheetData?: { start: number; openEnd: number; closeStart: number; end: number; selfClose: boolean };
  /**
   * Only the first rows were read: a hidden sheet, or a large sheet whose first rows hold no questions (reference
   * data). Enough for lists and detection; `loadSheets` reads it whole when a person asks for it.
   */
  partial?: boolean;
  /** Part path inside the zip (XLSX only). */
  part?: string;
  /** Is a cell with this style locked? (XLSX: cellXfs protection; everything is locked by default.) */
  lockedStyle: (style: number) => boolean;
}

export function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1(r: number, c: number): string {
  return `${colName(c)}${r + 1}`;
}

/** "C12" -> {r: 11, c: 2}; also accepts "$C$12". */
export function parseA1(ref: string): { r: number; c: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return undefined;
  let c = 0;
  for (const ch of m[1]!.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

/** Column letters alone ("C") -> 2. */
export function parseCol(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

/** "A1:C3", "A1", "A:A", "3:3" (whole columns and rows clipped to Excel's limits). */
export function parseRange(ref: string): Range | undefined {
  const [a, b = a] = ref.replace(/\$/g, '').split(':');
  if (!a || !b) return undefined;
  const cols = /^[A-Za-z]{1,3}$/;
  const rows = /^\d+$/;
  if (cols.test(a) && cols.test(b)) {
    const c1 = parseCol(a)!;
    const c2 = parseCol(b)!;
    return { r1: 0, c1: Math.min(c1, c2), r2: 1_048_575, c2: Math.max(c1, c2) };
  }
  if (rows.test(a) && rows.test(b)) return { r1: Number(a) - 1, c1: 0, r2: Number(b) - 1, c2: 16_383 };
  const p = parseA1(a);
  const q = parseA1(b);
  if (!p || !q) return undefined;
  return { r1: Math.min(p.r, q.r), c1: Math.min(p.c, q.c), r2: Math.max(p.r, q.r), c2: Math.max(p.c, q.c) };
}

export function inRange(rg: Range, r: number, c: number): boolean {
  return r >= rg.r1 && r <= rg.r2 && c >= rg.c1 && c <= rg.c2;
}

export function cellAt(grid: Grid, r: number, c: number): Cell | undefined {
  return grid.rows[r]?.cells[c];
}

export function textAt(grid: Grid, r: number, c: number): string {
  return grid.rows[r]?.cells[c]?.text ?? '';
}

export function rowHidden(grid: Grid, r: number): boolean {
  const row = grid.rows[r];
  return row ? row.hidden : grid.rowsHiddenByDefault;
}

export function colHidden(grid: Grid, c: number): boolean {
  return grid.columns.some((f) => f.hidden && c >= f.min && c <= f.max);
}

export function columnStyle(grid: Grid, c: number): number | undefined {
  return grid.columns.find((f) => c >= f.min && c <= f.max)?.style;
}

/** The merged range a cell belongs to, if any. */
export function mergeAt(grid: Grid, r: number, c: number): Range | undefined {
  return grid.merges.find((m) => inRange(m, r, c));
}

export function validationAt(grid: Grid, r: number, c: number): Validation | undefined {
  // Later validations win in Excel when ranges overlap, so search from the end.
  for (let i = grid.validations.length - 1; i >= 0; i--) {
    const v = grid.validations[i]!;
    if (v.ranges.some((rg) => inRange(rg, r, c))) return v;
  }
  return undefined;
}

/** Last row index that exists (exclusive bound for loops). */
export function rowCount(grid: Grid): number {
  return grid.rows.length;
}
