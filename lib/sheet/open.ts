// Bytes + file name -> a questionnaire book (XLSX or CSV), or a SheetError that says what is wrong and what to do.
// Every zip (or OLE) file goes through lib/zip-guard's checkXlsx first: bombs, encrypted and legacy files, damaged
// archives and oversized sheets are refused there, before any part is read. The file's first bytes decide the
// format, not its name: a renamed PDF is neither zip nor text.
import { checkXlsx, isOleCompound, isZip } from '../zip-guard';
import { readCsv, type CsvBook } from './csv-book';
import { SheetError, sheetMessages } from './errors';
import { SHEET_LIMITS } from './limits';
import { readXlsx, type XlsxBook } from './xlsx-book';

export type Book = XlsxBook | CsvBook;

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  // UTF-16 text has many zero bytes but starts with a byte-order mark.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i]! < 9) odd++;
  return odd > n * 0.01;
}

export function extensionOf(fileName: string): string {
  return /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

export function openBook(fileName: string, bytes: Uint8Array): Book {
  if (bytes.length > SHEET_LIMITS.maxFileBytes)
    throw new SheetError('too-large', sheetMessages.tooLarge(fileName, bytes.length));
  const ext = extensionOf(fileName);
  const workbookName = ['xlsx', 'xlsm', 'xltx', 'xltm', 'xls', 'xlsb', 'ods'].includes(ext);
  if (isZip(bytes) || isOleCompound(bytes) || workbookName) {
    const check = checkXlsx(bytes);
    if (!check.ok) throw new SheetError(check.error.code, check.error.message, { cause: check.error });
    return readXlsx(bytes);
  }
  if (['csv', 'tsv', 'txt'].includes(ext)) {
    if (looksBinary(bytes)) throw new SheetError('not-a-text-file', sheetMessages.notText(fileName));
    return readCsv(bytes, fileName);
  }
  throw new SheetError('unsupported-format', sheetMessages.unsupportedFormat(fileName));
}
