// Public API of lib/zip-guard: check an untrusted ZIP-based file (an .xlsx workbook) before any parser sees it.
// Pure (no DOM, no extension API): runs in the options page, extension pages and Node (CLI, tests).
export { checkXlsx, type XlsxCheck, type XlsxSummary, type SheetSummary } from './xlsx-guard';
export { XLSX_LIMITS, type XlsxLimits, type ZipLimits } from './limits';
export { ZipGuardError, zipGuardMessages, type ZipGuardCode, type ZipGuardFailure } from './errors';
export { readZipDirectory, isZip, isOleCompound, type ZipPart, type ZipDirectory } from './zip-directory';
export { inflateCapped, type InflateOutcome } from './inflate-capped';
