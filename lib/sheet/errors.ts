// Every error the spreadsheet questionnaire code raises, with a code and a message that says the cause and the
// fix, so the CLI, the extension page and the tests say the same thing.
import { formatBytes, SHEET_LIMITS } from './limits';

export type SheetErrorCode =
  | 'not-a-workbook'
  | 'password-protected'
  | 'legacy-xls'
  | 'binary-xlsb'
  | 'opendocument'
  | 'too-large'
  | 'zip-bomb'
  | 'too-many-cells'
  | 'too-many-rows'
  | 'corrupt'
  | 'unsupported-format'
  | 'macro-extension'
  | 'no-questions'
  | 'bad-override';

export class SheetError extends Error {
  constructor(
    readonly code: SheetErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SheetError';
  }
}

export const sheetMessages = {
  notAWorkbook: (name: string) =>
    `"${name}" is not an Excel workbook (no zip container inside). Open it in Excel or Google Sheets and save it as .xlsx, or export the questionnaire sheet as CSV.`,
  passwordProtected: (name: string) =>
    `"${name}" is encrypted with a password, so Crosswalk cannot read it. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save, and try again.`,
  legacyXls: (name: string) =>
    `"${name}" is an old-style .xls workbook (Excel 97-2003). Open it in Excel and save it as .xlsx (Excel Workbook), then try again.`,
  binaryXlsb: (name: string) =>
    `"${name}" is a binary workbook (.xlsb). Open it in Excel and save it as .xlsx (Excel Workbook), then try again.`,
  openDocument: (name: string) =>
    `"${name}" is an OpenDocument spreadsheet (.ods). Save it as .xlsx (Excel 2007-365) in LibreOffice or Google Sheets, then try again.`,
  tooLarge: (name: string, bytes: number) =>
    `"${name}" is ${formatBytes(bytes)}, over the ${formatBytes(SHEET_LIMITS.maxFileBytes)} limit for a questionnaire. Remove embedded images or unused sheets, or export the question sheets as CSV.`,
  tooManyParts: (count: number) =>
    `The workbook holds ${count} files inside, over the ${SHEET_LIMITS.maxZipEntries} limit. It is not an ordinary questionnaire; re-save it from Excel or export the question sheets as CSV.`,
  partTooLarge: (part: string, bytes: number) =>
    `The workbook part ${part} would inflate to ${formatBytes(bytes)}, over the ${formatBytes(SHEET_LIMITS.maxPartBytes)} limit per part. Delete unused rows and columns (a sheet formatted down to row 1,048,576 does this), save, and try again.`,
  totalTooLarge: (bytes: number) =>
    `The workbook's sheets would inflate to ${formatBytes(bytes)}, over the ${formatBytes(SHEET_LIMITS.maxTotalXmlBytes)} limit. Delete unused sheets or rows, or export the question sheets as CSV.`,
  zipBomb: (part: string) =>
    `The workbook part ${part} is compressed far more than any spreadsheet is (a decompression bomb), so it was not opened. Use a workbook saved by Excel or Google Sheets.`,
  sizeMismatch: (part: string) =>
    `The workbook part ${part} inflates to a different size than the zip directory says, so the file is damaged or crafted. Re-save it from Excel and try again.`,
  tooManyCells: (count: number) =>
    `The workbook has more than ${SHEET_LIMITS.maxCells.toLocaleString('en-US')} non-empty cells (${count.toLocaleString('en-US')} read so far). A questionnaire is far smaller: delete data sheets that are not questions, or export the question sheets as CSV.`,
  tooManyRows: (sheet: string, rows: number) =>
    `Sheet "${sheet}" has ${rows.toLocaleString('en-US')} rows or more, over the ${SHEET_LIMITS.maxRowsPerSheet.toLocaleString('en-US')}-row limit (formatting whole columns in Excel creates rows down to 1,048,576). Delete the empty rows below the questions, save, and try again.`,
  corrupt: (detail: string) =>
    `The workbook is damaged (${detail}). Open it in Excel (it offers to repair it), save it as .xlsx, and try again.`,
  encryptedEntry: (part: string) =>
    `The workbook part ${part} is encrypted inside the zip, which Excel never does. Re-save the file from Excel without a password.`,
  unsupportedFormat: (name: string) =>
    `"${name}" is not a questionnaire format Crosswalk reads. Use .xlsx, .xlsm, .csv or .tsv.`,
  macroExtension: (out: string) =>
    `The questionnaire is macro-enabled (.xlsm) and its macros are kept, so the answered copy must also end in .xlsm: Excel refuses to open a macro workbook named "${out}". Choose a name ending in .xlsm.`,
  noQuestions: (name: string) =>
    `No questions were found in "${name}": no sheet has a header row with a question column (for example "Question") in its first ${SHEET_LIMITS.headerSearchRows} rows, or a column of question text. Add a "Question" header above the questions, or mark the columns by hand on the spreadsheet page.`,
  badOverride: (detail: string) =>
    `The column settings cannot be used: ${detail}. Pick one question column per sheet and try again.`,
};
