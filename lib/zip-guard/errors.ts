// The zip guard's refusals, one message per code (cause and fix), so the import page, the spreadsheet page and
// the CLI say the same thing. A Record keyed by the code union: a new code fails to compile until it has a message.
import { CrosswalkError } from '../errors';
import { formatBytes } from './format-bytes';

export type ZipGuardCode =
  | 'not-a-zip'
  | 'encrypted-or-legacy'
  | 'damaged'
  | 'zip64'
  | 'encrypted-part'
  | 'unsupported-compression'
  | 'too-many-parts'
  | 'part-too-large'
  | 'total-too-large'
  | 'size-mismatch'
  | 'not-a-workbook'
  | 'too-many-cells'
  | 'sheet-too-large';

export interface ZipGuardDetail {
  part?: string;
  detail?: string;
  count?: number;
  limit?: number;
  bytes?: number;
}

const RESAVE = 'Open it in Excel (or LibreOffice) and save it again as .xlsx';

export const zipGuardMessages: Record<ZipGuardCode, (d: ZipGuardDetail) => string> = {
  'not-a-zip': () =>
    'This file is not an Excel workbook: an .xlsx file is a ZIP archive and this one does not start like one (it may be another kind of file renamed to .xlsx, or damaged). Export the questionnaire again as .xlsx or CSV.',
  'encrypted-or-legacy': () =>
    'This workbook is password-protected, or it is an old-style .xls file renamed to .xlsx. Remove the password (File > Info > Protect Workbook in Excel) or save it as .xlsx, then import it again.',
  damaged: (d) =>
    `This workbook is damaged (${d.detail ?? 'its ZIP directory cannot be read'}). ${RESAVE}, or export it as CSV.`,
  zip64: () =>
    'This workbook uses the ZIP64 format, which only archives over 4 GB need: far larger than any questionnaire Crosswalk imports. Split it into smaller workbooks.',
  'encrypted-part': (d) =>
    `Part "${d.part ?? '?'}" of this workbook is encrypted, so it cannot be read. ${RESAVE} without a password.`,
  'unsupported-compression': (d) =>
    `Part "${d.part ?? '?'}" of this workbook uses a compression method Excel does not write (method ${d.detail ?? '?'}). ${RESAVE}.`,
  'too-many-parts': (d) =>
    `This workbook holds ${d.count?.toLocaleString('en-US') ?? 'too many'} parts, over the limit of ${d.limit?.toLocaleString('en-US') ?? '?'}. Remove unused sheets, images and attachments, or split it into smaller workbooks.`,
  'part-too-large': (d) =>
    `Part "${d.part ?? '?'}" of this workbook expands to more than ${formatBytes(d.limit ?? 0)} (the file is much smaller because it is compressed). Such a workbook would exhaust memory: split the sheet into smaller workbooks, or export it as CSV.`,
  'total-too-large': (d) =>
    `This workbook expands to more than ${formatBytes(d.limit ?? 0)} when unpacked (the file is much smaller because it is compressed). Such a workbook would exhaust memory: split it into smaller workbooks, or export the sheet you need as CSV.`,
  'size-mismatch': (d) =>
    `Part "${d.part ?? '?'}" of this workbook unpacks to a different size than its directory declares, which Excel never writes (the file was altered or damaged). ${RESAVE}.`,
  'not-a-workbook': (d) =>
    `This ZIP file is not an Excel workbook (it has no ${d.detail ?? 'xl/workbook.xml'}): it may be a Word or PowerPoint file, or another archive renamed to .xlsx. Choose the questionnaire's .xlsx file, or export it as CSV.`,
  'too-many-cells': (d) =>
    `This workbook has more than ${d.limit?.toLocaleString('en-US') ?? '?'} filled cells. Delete unused sheets and columns, or split it into smaller workbooks.`,
  'sheet-too-large': (d) =>
    `Sheet "${d.part ?? '?'}" spans ${d.count?.toLocaleString('en-US') ?? 'too many'} cells (rows × columns of its used range), over the limit of ${d.limit?.toLocaleString('en-US') ?? '?'}: a stray value far below or to the right of the table stretches it. Delete the empty rows and columns after the table (or the stray cell), save, and import again.`,
};

/** A refused file: the code says which check failed, the message its cause and fix (lib/errors' one shape). */
export class ZipGuardError extends CrosswalkError<ZipGuardCode> {
  override name = 'ZipGuardError';
}

/**
 * checkXlsx's answer for a refused file. A value, not a throw: the guard is a check every caller branches on
 * (the library import reports it as the file's error, the spreadsheet page rethrows it as a SheetError).
 */
export interface ZipGuardFailure {
  ok: false;
  error: ZipGuardError;
}

export function refuse(code: ZipGuardCode, detail: ZipGuardDetail = {}): ZipGuardFailure {
  return { ok: false, error: new ZipGuardError(code, zipGuardMessages[code](detail)) };
}
