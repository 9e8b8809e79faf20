// Write answers into a workbook in place: each changed cell is spliced into the original worksheet XML and every
// other byte of the part stays as it was; parts with no answer are copied from the original zip untouched
// (see zip.ts). Text goes in as an inline string, so the shared-strings table is not touched either. The cell keeps
// its style; a new cell takes the style Excel would give it (the row's, else the column's).
import { SheetError, sheetMessages } from './errors';
import { a1, columnStyle, type Grid, type GridRow } from './grid';
import { SHEET_LIMITS } from './limits';
import type { XlsxBook } from './xlsx-book';
import { encodeXmlText } from './xml';
import { partBytes, writeZip } from './zip';

export interface CellWrite {
  sheet: string;
  r: number;
  c: number;
  value: string;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function prefixOf(xml: string, at: number): string {
  return /^<([\w.-]+:)?/.exec(xml.slice(at, at + 20))?.[1] ?? '';
}

function cellXml(prefix: string, r: number, c: number, style: number | undefined, value: string): string {
  const p = prefix;
  const s = style ? ` s="${style}"` : '';
  return `<${p}c r="${a1(r, c)}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${encodeXmlText(value)}</${p}t></${p}is></${p}c>`;
}

/** The attributes of an existing <c> we keep (style, cell metadata), dropping its type (it becomes a string). */
function keptStyle(xml: string, start: number): number | undefined {
  const open = xml.slice(start, xml.indexOf('>', start) + 1);
  const m = /\ss="(\d+)"/.exec(open);
  return m ? Number(m[1]) : undefined;
}

/** Widen a row's spans="1:4" hint when a cell is added outside it (Excel reads spans as an optimisation hint). */
function widenSpans(openTag: string, c: number): string {
  return openTag.replace(/(\sspans=")(\d+):(\d+)(")/, (m, a: string, lo: string, hi: string, b: string) => {
    const col = c + 1;
    const l = Math.min(Number(lo), col);
    const h = Math.max(Number(hi), col);
    return l === Number(lo) && h === Number(hi) ? m : `${a}${l}:${h}${b}`;
  });
}

function sheetEdits(xml: string, grid: Grid, writes: readonly CellWrite[]): Edit[] {
  const edits: Edit[] = [];
  const byRow = new Map<number, CellWrite[]>();
  for (const w of writes) byRow.set(w.r, [...(byRow.get(w.r) ?? []), w]);
  const p = grid.sheetData ? prefixOf(xml, grid.sheetData.start) : '';
  const newRows: { r: number; text: string }[] = [];
  for (const [r, rowWrites] of byRow) {
    rowWrites.sort((a, b) => a.c - b.c);
    const row: GridRow | undefined = grid.rows[r];
    const styleFor = (c: number) => row?.style ?? columnStyle(grid, c);
    if (!row) {
      newRows.push({
        r,
        text: `<${p}row r="${r + 1}">${rowWrites.map((w) => cellXml(p, r, w.c, styleFor(w.c), w.value)).join('')}</${p}row>`,
      });
      continue;
    }
    const rp = prefixOf(xml, row.start);
    const inserts = new Map<number, string>();
    for (const w of rowWrites) {
      const cell = row.cells[w.c];
      if (cell) {
        edits.push({
          start: cell.start,
          end: cell.end,
          text: cellXml(prefixOf(xml, cell.start), r, w.c, keptStyle(xml, cell.start), w.value),
        });
        continue;
      }
      // Insert before the first cell to the right, or at the end of the row.
      const nextCell = row.cells.findIndex((x, i) => i > w.c && x !== undefined);
      const at = nextCell >= 0 ? row.cells[nextCell]!.start : row.closeStart;
      inserts.set(at, (inserts.get(at) ?? '') + cellXml(rp, r, w.c, styleFor(w.c), w.value));
    }
    if (row.selfClose) {
      const open = widenSpans(
        xml.slice(row.start, row.end).replace(/\s*\/>$/, '>'),
        rowWrites[rowWrites.length - 1]!.c,
      );
      edits.push({ start: row.start, end: row.end, text: `${open}${[...inserts.values()].join('')}</${rp}row>` });
      continue;
    }
    if (inserts.size) {
      let open = xml.slice(row.start, row.openEnd);
      for (const w of rowWrites) open = widenSpans(widenSpans(open, w.c), w.c);
      if (open !== xml.slice(row.start, row.openEnd)) edits.push({ start: row.start, end: row.openEnd, text: open });
      for (const [at, text] of inserts) edits.push({ start: at, end: at, text });
    }
  }
  if (newRows.length) {
    const sd = grid.sheetData;
    if (!sd) throw new SheetError('damaged', sheetMessages.corrupt(`sheet "${grid.name}" has no sheetData element`));
    newRows.sort((a, b) => a.r - b.r);
    if (sd.selfClose) {
      edits.push({
        start: sd.start,
        end: sd.end,
        text: `<${p}sheetData>${newRows.map((x) => x.text).join('')}</${p}sheetData>`,
      });
    } else
      for (const nr of newRows) {
        const next = grid.rows.findIndex((x, i) => i > nr.r && x !== undefined);
        const at = next >= 0 ? grid.rows[next]!.start : sd.closeStart;
        edits.push({ start: at, end: at, text: nr.text });
      }
  }
  return edits;
}

function applyEdits(xml: string, edits: Edit[]): string {
  // Stable order: by position, inserts at the same point kept in the order they were made.
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.i - b.i);
  const out: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new SheetError('damaged', sheetMessages.corrupt('two answers overlap in one cell'));
    out.push(xml.slice(at, e.start), e.text);
    at = e.end;
  }
  out.push(xml.slice(at));
  return out.join('');
}

export function writeXlsx(book: XlsxBook, writes: readonly CellWrite[]): Uint8Array {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    if (w.value.length > SHEET_LIMITS.maxCellChars)
      throw new SheetError(
        'answer-too-long',
        sheetMessages.answerTooLong(`${w.sheet}!${a1(w.r, w.c)}`, w.value.length),
      );
    bySheet.set(w.sheet, [...(bySheet.get(w.sheet) ?? []), w]);
  }
  const replaced = new Map<string, Uint8Array>();
  const utf8 = new TextDecoder('utf-8');
  for (const [name, sheetWrites] of bySheet) {
    const found = book.sheets.find((g) => g.name === name);
    // A probed sheet holds only its first rows (and offsets into a shortened text): read it whole before editing.
    const grid = found?.partial ? book.loadSheet(found.index) : found;
    if (!grid?.part) throw new SheetError('damaged', sheetMessages.corrupt(`no worksheet named "${name}"`));
    const entry = book.zip.byName.get(grid.part)!;
    // Last write to a cell wins (a person who edits an answer twice).
    const unique = new Map(sheetWrites.map((w) => [`${w.r}:${w.c}`, w]));
    const xml = utf8.decode(partBytes(book.zip, entry));
    replaced.set(grid.part, new TextEncoder().encode(applyEdits(xml, sheetEdits(xml, grid, [...unique.values()]))));
  }
  return writeZip(book.zip, replaced);
}
