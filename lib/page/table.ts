// Table and ARIA-grid geometry: in questionnaire grids the row gives the question and the column header
// gives the answer's role or option (Chromium InferLabelFromTableRow/Column, Bitwarden label-top).
import { attr, closestComposed, CONTROLISH } from './dom';
import { textOf } from './read-text';
import { bareNumber, isNumberOnly } from './text';

const CELL = 'td,th,[role=gridcell],[role=cell],[role=rowheader],[role=columnheader]';

export interface RowContext {
  row: Element;
  aria: boolean;
  /** Question text from the cells before the control's cell. */
  rowText?: string;
  number?: string;
  column?: string;
}

const colSpan = (c: Element): number => Math.max(1, (c as HTMLTableCellElement).colSpan || 1);
const isRow = (el: Element): boolean => el.tagName === 'TR' || attr(el, 'role') === 'row';

const cellsOf = (row: Element): Element[] => [...row.children].filter((c) => c.matches(CELL));

/** Visual column index of a cell, colspan-aware; aria-colindex wins in grids. */
function columnIndex(cell: Element, cells: Element[]): number {
  const aria = cell.getAttribute('aria-colindex');
  if (aria) return Number(aria) - 1;
  let col = 0;
  for (const c of cells) {
    if (c === cell) return col;
    col += colSpan(c);
  }
  return col;
}

/** Header texts by column index for the table/grid owning `row`; cached per table. */
function headers(table: Element, row: Element, aria: boolean, cache: Map<Element, string[]>): string[] {
  const hit = cache.get(table);
  if (hit) return hit;
  let headerRow: Element | null;
  if (!aria && table.tagName === 'TABLE') {
    const t = table as HTMLTableElement;
    // querySelector, not tHead.rows: the same in browsers, and DOM shims without HTMLCollection rows work too.
    headerRow = t.tHead?.querySelector(':scope > tr:last-of-type') ?? null;
    if (!headerRow) {
      for (const r of [...t.rows].slice(0, 3)) {
        const cells = cellsOf(r);
        if (
          r !== row &&
          cells.length > 1 &&
          cells.every((c) => c.tagName === 'TH' || !c.querySelector(CONTROLISH)) &&
          cells.some((c) => c.tagName === 'TH')
        ) {
          headerRow = r;
          break;
        }
      }
    }
  } else {
    headerRow = table.querySelector('[role=columnheader]')?.closest('[role=row]') ?? null;
  }
  const out: string[] = [];
  if (headerRow) {
    const cells = cellsOf(headerRow);
    for (const c of cells) {
      const start = columnIndex(c, cells);
      const span = colSpan(c);
      for (let k = 0; k < span; k++) out[start + k] = textOf(c);
    }
  }
  cache.set(table, out);
  return out;
}

/** Row/column context for a control inside a table or grid, or null outside tables. */
export function rowContext(el: Element, cache: Map<Element, string[]>): RowContext | null {
  const cell = closestComposed(el, CELL);
  if (!cell) return null;
  const row = cell.parentElement;
  if (!row || !isRow(row)) return null;
  const aria = row.tagName !== 'TR';
  const table = aria ? closestComposed(row, '[role=grid],[role=treegrid],[role=table]') : closestComposed(row, 'table');
  const cells = cellsOf(row);
  const ctx: RowContext = { row, aria };
  let best = '';
  for (const c of cells) {
    if (c === cell) break;
    if (c.querySelector(CONTROLISH) || c.matches(CONTROLISH)) continue;
    const t = textOf(c);
    if (!t) continue;
    if (isNumberOnly(t)) ctx.number ??= bareNumber(t);
    else if (c.matches('th[scope=row],[role=rowheader]') || t.length > best.length) best = t;
  }
  if (best) ctx.rowText = best;
  if (table) {
    const h = headers(table, row, aria, cache)[columnIndex(cell, cells)];
    if (h) ctx.column = h;
  }
  return ctx;
}

/** A table row that only spans columns with a caption ("Section B — Encryption"): a section heading. */
export function isSectionRow(el: Element): boolean {
  if (!isRow(el)) return false;
  const cells = cellsOf(el);
  if (cells.length !== 1) return false;
  const c = cells[0]!;
  return (
    ((c as HTMLTableCellElement).colSpan > 1 || c.getAttribute('aria-colspan') !== null) && !c.querySelector(CONTROLISH)
  );
}
