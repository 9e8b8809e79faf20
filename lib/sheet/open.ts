// Bytes + file name -> a questionnaire book (XLSX or CSV), or a SheetError that says what is wrong and what to do.
// The file's first bytes decide, not its name: an encrypted workbook and an old .xls are both OLE files, a renamed
// PDF is neither zip nor text.
import { readCsv, type CsvBook } from './csv-book';
import { SheetError, sheetMessages } from './errors';
import { SHEET_LIMITS } from './limits';
import { readXlsx, type XlsxBook } from './xlsx-book';
import { isZip } from './zip';

export type Book = XlsxBook | CsvBook;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function isOle(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/** An encrypted OOXML file is an OLE container with an "EncryptedPackage" stream (MS-OFFCRYPTO). */
function hasEncryptedPackage(bytes: Uint8Array): boolean {
  const needle = 'EncryptedPackage';
  const limit = Math.min(bytes.length, 1024 * 1024);
  outer: for (let i = 0; i + needle.length * 2 <= limit; i++) {
    for (let k = 0; k < needle.length; k++)
      if (bytes[i + k * 2] !== needle.charCodeAt(k) || bytes[i + k * 2 + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0 || (b < 9 && b !== 0)) odd++;
  }
  // UTF-16 text has many zero bytes but starts with a byte-order mark.
  const bom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return !bom16 && odd > n * 0.01;
}

export function extensionOf(fileName: string): string {
  return /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

export function openBook(fileName: string, bytes: Uint8Array): Book {
  if (bytes.length > SHEET_LIMITS.maxFileBytes)
    throw new SheetError('too-large', sheetMessages.tooLarge(fileName, bytes.length));
  const ext = extensionOf(fileName);
  if (isOle(bytes)) {
    if (hasEncryptedPackage(bytes))
      throw new SheetError('password-protected', sheetMessages.passwordProtected(fileName));
    throw new SheetError('legacy-xls', sheetMessages.legacyXls(fileName));
  }
  if (isZip(bytes)) {
    if (ext === 'xlsb') throw new SheetError('binary-xlsb', sheetMessages.binaryXlsb(fileName));
    return readXlsx(bytes, fileName);
  }
  if (['xlsx', 'xlsm', 'xltx', 'xltm', 'xls', 'xlsb', 'ods'].includes(ext))
    throw new SheetError('not-a-workbook', sheetMessages.notAWorkbook(fileName));
  if (['csv', 'tsv', 'txt'].includes(ext)) {
    if (looksBinary(bytes)) throw new SheetError('not-a-workbook', sheetMessages.notAWorkbook(fileName));
    return readCsv(bytes, fileName);
  }
  throw new SheetError('unsupported-format', sheetMessages.unsupportedFormat(fileName));
}
