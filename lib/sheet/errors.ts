// Every error the spreadsheet questionnaire code raises, with a code and a message that says the cause and the
// fix, so the CLI, the extension page and the tests say the same thing.
import { CrosswalkError } from '../errors';
import type { ZipGuardCode } from '../zip-guard';
import { formatBytes, SHEET_LIMITS } from './limits';

/** The zip guard's codes (bombs, encrypted, damaged...) plus this module's own. */
export type SheetErrorCode =
  | ZipGuardCode
  | 'not-a-text-file'
  | 'too-large'
  | 'too-many-rows'
  | 'unsupported-format'
  | 'macro-extension'
  | 'no-questions'
  | 'answer-too-long';

export class SheetError extends CrosswalkError<SheetErrorCode> {
  override name = 'SheetError';
}

export const sheetMessages = {
  tooLarge: (name: string, bytes: number) =>
    `"${name}" is ${formatBytes(bytes)}, over the ${formatBytes(SHEET_LIMITS.maxFileBytes)} limit for a questionnaire. Remove embedded images or unused sheets, or export the question sheets as CSV.`,
  notText: (name: string) =>
    `"${name}" is not a text file, so it cannot be a CSV or TSV questionnaire. Open it in Excel or Google Sheets and save it as .xlsx, or export the questionnaire sheet as CSV.`,
  partTooLarge: (part: string, bytes: number) =>
    `The workbook part ${part} expands to ${formatBytes(bytes)}, over the ${formatBytes(SHEET_LIMITS.maxReadPartBytes)} a questionnaire sheet may take. Delete unused rows and columns (a sheet formatted down to row 1,048,576 does this), save, and try again.`,
  answerTooLong: (cell: string, length: number) =>
    `The answer for ${cell} is ${length.toLocaleString('en-US')} characters, over Excel's ${SHEET_LIMITS.maxCellChars.toLocaleString('en-US')}-character cell limit. Shorten the library answer.`,
  tooManyCells: (count: number) =>
    `The workbook has more than ${SHEET_LIMITS.maxCells.toLocaleString('en-US')} non-empty cells (${count.toLocaleString('en-US')} read so far). A questionnaire is far smaller: delete data sheets that are not questions, or export the question sheets as CSV.`,
  tooManyRows: (sheet: string, rows: number) =>
    `Sheet "${sheet}" has ${rows.toLocaleString('en-US')} rows or more, over the ${SHEET_LIMITS.maxRowsPerSheet.toLocaleString('en-US')}-row limit (formatting whole columns in Excel creates rows down to 1,048,576). Delete the empty rows below the questions, save, and try again.`,
  corrupt: (detail: string) =>
    `The workbook is damaged (${detail}). Open it in Excel (it offers to repair it), save it as .xlsx, and try again.`,
  unsupportedFormat: (name: string) =>
    `"${name}" is not a questionnaire format Crosswalk reads. Use .xlsx, .xlsm, .csv or .tsv.`,
  macroExtension: (out: string) =>
    `The questionnaire is macro-enabled (.xlsm) and its macros are kept, so the answered copy must also end in .xlsm: Excel refuses to open a macro workbook named "${out}". Choose a name ending in .xlsm.`,
  noQuestions: (name: string) =>
    `No questions were found in "${name}": no sheet has a header row with a question column (for example "Question") in its first ${SHEET_LIMITS.headerSearchRows} rows, or a column of question text. Add a "Question" header above the questions, or mark the columns by hand on the spreadsheet page.`,
};
