// One worksheet part (xl/worksheets/sheetN.xml) -> Grid. Reads cell values, formulas, hidden rows and columns,
// merged ranges, list validations (classic and the x14 extension Excel uses for lists on other sheets) and sheet
// protection, and keeps each row's and cell's offsets for the in-place writer.
import { SheetError, sheetMessages } from './errors';
import { parseA1, parseRange, type Cell, type ColumnFormat, type Grid, type GridRow, type Range } from './grid';
import { SHEET_LIMITS } from './limits';
import { attr, attrs, decodeOoxmlText, decodeXml, runText, tags, type Tag } from './xml';

/** A list validation as written: its ranges and its source formula (resolved later, once every sheet is read). */
export interface RawValidation {
  ranges: Range[];
  formula: string;
}

export interface ParsedSheet {
  rows: (GridRow | undefined)[];
  columns: ColumnFormat[];
  merges: Range[];
  validations: RawValidation[];
  protected: boolean;
  rowsHiddenByDefault: boolean;
  sheetData?: Grid['sheetData'];
  /** Only the first `maxRows` rows were read (everything after the sheet data still was). */
  truncated: boolean;
}

/** Excel shows at most 15 significant digits; stored doubles like 0.30000000000000004 read as people see them. */
function numberText(v: string): string {
  const n = Number(v);
  if (!Number.isFinite(n) || v.trim() === '') return v;
  return String(Number(n.toPrecision(15)));
}

const truthy = (v: string | undefined): boolean => v === '1' || v === 'true';

function ranges(sqref: string): Range[] {
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((r) => {
      const rg = parseRange(r);
      return rg ? [rg] : [];
    });
}

/**
 * Parse a worksheet part. With `maxRows`, reading of rows stops after that many row elements (a probe: does the
 * sheet hold questions at all?), while columns, merges, lists and protection are still read.
 */
export function parseSheetXml(
  xml: string,
  sheetName: string,
  sharedStrings: readonly string[],
  maxRows = Infinity,
): ParsedSheet {
  const rows: (GridRow | undefined)[] = [];
  const columns: ColumnFormat[] = [];
  const merges: Range[] = [];
  const validations: RawValidation[] = [];
  let isProtected = false;
  let rowsHiddenByDefault = false;

  let row: GridRow | undefined;
  let rowIndex = -1;
  let rowElements = 0;
  let col = -1;
  let cell:
    | { c: number; type: string; style: number; start: number; formula: boolean; v?: string; inline?: string }
    | undefined;
  let vStart = -1;
  let isStart = -1;
  // Inside a <dataValidation>: collect its type, ranges and first formula.
  let dv: { type: string; sqref: string; formula?: string } | undefined;
  let dvFormulaStart = -1;
  let dvSqrefStart = -1;
  let inDvFormula1 = false;
  let sheetData: Grid['sheetData'];

  const finishCell = (end: number) => {
    if (!cell || !row) return;
    let text: string;
    if (cell.type === 's') text = cell.v !== undefined ? (sharedStrings[Number(cell.v)] ?? '') : '';
    else if (cell.type === 'inlineStr') text = cell.inline ?? '';
    else if (cell.type === 'b') text = cell.v === '1' ? 'TRUE' : cell.v === '0' ? 'FALSE' : (cell.v ?? '');
    else if (cell.type === 'str' || cell.type === 'e' || cell.type === 'd') text = decodeOoxmlText(cell.v ?? '');
    else text = cell.v !== undefined ? numberText(cell.v) : '';
    const out: Cell = { text, formula: cell.formula, style: cell.style, start: cell.start, end };
    row.cells[cell.c] = out;
    cell = undefined;
  };

  let truncated = false;
  const handle = (t: Tag): 'skip-rows' | undefined => {
    switch (t.name) {
      case 'row': {
        if (t.close) {
          if (row) {
            row.closeStart = t.start;
            row.end = t.end;
          }
          row = undefined;
          break;
        }
        if (++rowElements > maxRows) {
          truncated = true;
          return 'skip-rows';
        }
        if (rowElements > SHEET_LIMITS.maxRowsPerSheet)
          throw new SheetError('too-many-rows', sheetMessages.tooManyRows(sheetName, rowElements));
        const a = attrs(t.attrs);
        rowIndex = a.r ? Number(a.r) - 1 : rowIndex + 1;
        if (!Number.isInteger(rowIndex) || rowIndex < 0 || rowIndex > 1_048_575)
          throw new SheetError('damaged', sheetMessages.corrupt(`sheet "${sheetName}" has a row numbered "${a.r}"`));
        row = {
          hidden: truthy(a.hidden),
          cells: [],
          start: t.start,
          openEnd: t.end,
          closeStart: t.end,
          end: t.end,
          selfClose: t.selfClose,
          ...(truthy(a.customFormat) && a.s !== undefined ? { style: Number(a.s) } : {}),
        };
        rows[rowIndex] = row;
        col = -1;
        if (t.selfClose) row = undefined;
        break;
      }
      case 'c': {
        if (!row) break;
        if (t.close) {
          finishCell(t.end);
          break;
        }
        const r = attr(t.attrs, 'r');
        const pos = r ? parseA1(r) : undefined;
        col = pos ? pos.c : col + 1;
        cell = {
          c: col,
          type: attr(t.attrs, 't') ?? 'n',
          style: Number(attr(t.attrs, 's') ?? 0),
          start: t.start,
          formula: false,
        };
        if (t.selfClose) finishCell(t.end);
        break;
      }
      case 'v':
        if (!cell) break;
        if (t.close) {
          if (vStart >= 0) cell.v = xml.slice(vStart, t.start);
          vStart = -1;
        } else if (!t.selfClose) vStart = t.end;
        break;
      case 'f':
        if (dv && inDvFormula1) {
          if (t.close) dv.formula = decodeXml(xml.slice(dvFormulaStart, t.start));
          else dvFormulaStart = t.end;
        } else if (cell && !t.close) cell.formula = true;
        break;
      case 'is':
        if (!cell) break;
        if (t.close) {
          cell.inline = runText(xml.slice(isStart, t.start));
        } else if (!t.selfClose) isStart = t.end;
        break;
      case 'sheetData':
        if (t.close) {
          if (sheetData) {
            sheetData.closeStart = t.start;
            sheetData.end = t.end;
          }
        } else sheetData = { start: t.start, openEnd: t.end, closeStart: t.end, end: t.end, selfClose: t.selfClose };
        break;
      case 'sheetFormatPr':
        rowsHiddenByDefault = truthy(attr(t.attrs, 'zeroHeight'));
        break;
      case 'col': {
        if (t.close) break;
        const a = attrs(t.attrs);
        const min = Number(a.min) - 1;
        const max = Number(a.max) - 1;
        if (!Number.isInteger(min) || !Number.isInteger(max)) break;
        columns.push({
          min,
          max,
          hidden: truthy(a.hidden) || (a.width !== undefined && Number(a.width) === 0),
          ...(a.style !== undefined ? { style: Number(a.style) } : {}),
        });
        break;
      }
      case 'mergeCell': {
        if (t.close) break;
        const rg = parseRange(attr(t.attrs, 'ref') ?? '');
        if (rg) merges.push(rg);
        break;
      }
      case 'sheetProtection':
        if (!t.close) isProtected = truthy(attr(t.attrs, 'sheet'));
        break;
      case 'dataValidation': {
        if (t.close) {
          if (dv && dv.type === 'list' && dv.formula)
            validations.push({ ranges: ranges(dv.sqref), formula: dv.formula });
          dv = undefined;
          break;
        }
        const a = attrs(t.attrs);
        dv = { type: a.type ?? '', sqref: a.sqref ?? '' };
        if (t.selfClose) dv = undefined;
        break;
      }
      case 'formula1':
        if (!dv) break;
        if (t.close) {
          // Classic form: <formula1>"Yes,No"</formula1>; x14 form wraps it in <xm:f> (read in case 'f').
          if (dv.formula === undefined) dv.formula = decodeXml(xml.slice(dvFormulaStart, t.start));
          inDvFormula1 = false;
        } else if (!t.selfClose) {
          inDvFormula1 = true;
          dvFormulaStart = t.end;
        }
        break;
      case 'sqref':
        if (!dv) break;
        if (t.close) dv.sqref = xml.slice(dvSqrefStart, t.start);
        else dvSqrefStart = t.end;
        break;
      default:
        break;
    }
    return undefined;
  };
  for (const t of tags(xml)) {
    if (handle(t) !== 'skip-rows') continue;
    // Probe done: jump to the end of the sheet data and read the rest (columns come before, merges, lists and
    // protection after).
    const end = /<\/(?:[\w.-]+:)?sheetData>/g;
    end.lastIndex = t.start;
    const m = end.exec(xml);
    row = undefined;
    cell = undefined;
    if (m) for (const u of tags(xml, m.index)) handle(u);
    break;
  }
  return {
    truncated,
    rows,
    columns,
    merges,
    validations,
    protected: isProtected,
    rowsHiddenByDefault,
    ...(sheetData ? { sheetData } : {}),
  };
}

export type { Grid };
