// CSV / TSV questionnaires (a Google Sheets export, a copy-paste saved as text) -> one Grid, with each field's
// offsets so the writer changes the answer fields and leaves every other character as it was. Papaparse (used by
// the library importer) does not report offsets, hence this small RFC 4180 tokenizer.
import { decodeText } from '../library';
import { SheetError, sheetMessages } from './errors';
import type { Cell, Grid, GridRow } from './grid';
import { SHEET_LIMITS } from './limits';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface CsvBook {
  format: 'csv';
  text: string;
  delimiter: string;
  encoding: CsvEncoding;
  /** The line break the file uses, for rows the writer has to extend. */
  newline: string;
  sheets: [Grid];
}

/** The delimiter that splits the first lines most consistently into more than one field. */
export function sniffDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 30).filter((l) => l.trim());
  let best = ',';
  let bestScore = -1;
  for (const d of [',', '\t', ';', '|']) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const nonzero = counts.filter((n) => n > 0).length;
    const score = nonzero * 10 + Math.min(...counts.filter((n) => n > 0).concat([0])) + (counts[0] ?? 0) * 0.1;
    if (nonzero > 0 && score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function unquote(raw: string): string {
  return raw.startsWith('"')
    ? raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined).replace(/""/g, '"')
    : raw;
}

export function parseCsvGrid(text: string, delimiter: string, name: string): Grid {
  const rows: (GridRow | undefined)[] = [];
  let cells: (Cell | undefined)[] = [];
  let rowStart = 0;
  let fieldStart = 0;
  let i = 0;
  let count = 0;
  const n = text.length;
  const pushField = (end: number) => {
    const raw = text.slice(fieldStart, end);
    const value = unquote(raw.trim().startsWith('"') ? raw.trim() : raw);
    if (value !== '' && ++count > SHEET_LIMITS.maxCells)
      throw new SheetError('too-many-cells', sheetMessages.tooManyCells(count));
    cells.push({ text: value, formula: false, style: 0, start: fieldStart, end });
  };
  const pushRow = (end: number, next: number) => {
    pushField(end);
    if (rows.length >= SHEET_LIMITS.maxRowsPerSheet)
      throw new SheetError('too-many-rows', sheetMessages.tooManyRows(name, rows.length + 1));
    rows.push({
      hidden: false,
      cells,
      start: rowStart,
      openEnd: rowStart,
      closeStart: end,
      end,
      selfClose: false,
    });
    cells = [];
    rowStart = next;
    fieldStart = next;
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && i === fieldStart) {
      // Quoted field: runs to the closing quote ("" is an escaped quote inside).
      i++;
      while (i < n) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') i += 2;
          else break;
        } else i++;
      }
      i++;
      continue;
    }
    if (ch === delimiter) {
      pushField(i);
      fieldStart = i + 1;
      i++;
    } else if (ch === '\n' || ch === '\r') {
      const next = ch === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
      pushRow(i, next);
      i = next;
    } else i++;
  }
  if (fieldStart < n || cells.length) pushRow(n, n);
  return {
    name,
    index: 0,
    hidden: false,
    protected: false,
    rows,
    columns: [],
    merges: [],
    validations: [],
    rowsHiddenByDefault: false,
    lockedStyle: () => false,
  };
}

const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function encodeCsv(text: string, encoding: CsvEncoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  if (encoding === 'utf-8-bom') return new TextEncoder().encode(`\uFEFF${text}`);
  if (encoding === 'windows-1252') {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const high = CP1252_HIGH.indexOf(text[i]!);
      out[i] = code < 0x80 || (code >= 0xa0 && code < 0x100) ? code : high >= 0 ? 0x80 + high : 0x3f;
    }
    return out;
  }
  const out = new Uint8Array(2 + text.length * 2);
  const be = encoding === 'utf-16be';
  out[0] = be ? 0xfe : 0xff;
  out[1] = be ? 0xff : 0xfe;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 + i * 2] = be ? code >> 8 : code & 0xff;
    out[3 + i * 2] = be ? code & 0xff : code >> 8;
  }
  return out;
}

export function readCsv(bytes: Uint8Array, fileName: string): CsvBook {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new SheetError('unsupported-format', decoded.error);
  let text = decoded.text;
  let encoding: CsvEncoding =
    decoded.encoding === 'utf-8' ? (bytes[0] === 0xef && bytes[1] === 0xbb ? 'utf-8-bom' : 'utf-8') : decoded.encoding;
  if (decoded.invalidUtf8) {
    // Not UTF-8: almost always a Windows export. Read and write it as Windows-1252 so untouched text keeps its bytes.
    text = new TextDecoder('windows-1252').decode(bytes);
    encoding = 'windows-1252';
  }
  if (text.includes('\u0000')) throw new SheetError('not-a-text-file', sheetMessages.notText(fileName));
  const delimiter = /\.tsv$/i.test(fileName) ? '\t' : sniffDelimiter(text);
  const newline = /\r\n/.test(text) ? '\r\n' : '\n';
  const name = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || 'Sheet1';
  return { format: 'csv', text, delimiter, encoding, newline, sheets: [parseCsvGrid(text, delimiter, name)] };
}
