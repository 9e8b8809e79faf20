// Public API of lib/sheet: spreadsheet questionnaires (XLSX, XLSM, CSV, TSV) read, detected, answered in place.
// Pure: runs in Node (the `crosswalk fill` CLI) and in the extension's spreadsheet page.
export { openBook, extensionOf, type Book } from './open';
export { SheetError, sheetMessages, type SheetErrorCode } from './errors';
export { SHEET_LIMITS } from './limits';
export { a1, colName, parseA1, textAt, type Grid } from './grid';
export * from './detect';
export { writeBook, type CellWrite } from './write';
export {
  decide,
  policyFieldOf,
  questionKey,
  toQuestionInput,
  toQuestionField,
  writesFor,
  writesForAnswer,
  type SheetAnswer,
  type Outcome,
  type Reason,
  type DecideOptions,
  type DecideInput,
} from './answer';
export { sheetFillRecords, workbookFillContext, type WorkbookContext } from './records';
