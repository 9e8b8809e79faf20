// How much a workbook may expand to before anything parses it. The file-size limit (25 MB) only bounds the
// compressed bytes: deflate expands up to ~1000:1, so a 222 KB file once took 668 MB of memory and a 4.4 MB
// file 4.2 GB. These bound what SheetJS (or any parser) is handed, measured in expanded bytes and cells.
// Reference point: our own XLSX export of a 100,000-row library (the import row limit) is 21 MB on disk and
// expands to 76 MB, 1.6 million cells in 16 columns; the limits leave room for questionnaires with more columns.
export interface ZipLimits {
  /** Parts (files) in the archive; real workbooks have tens, a few hundred with many sheets. */
  maxParts: number;
  /** Expanded size of any one part. */
  maxPartBytes: number;
  /** Expanded size of all parts together (SheetJS inflates every part up front). */
  maxTotalBytes: number;
}

export interface XlsxLimits extends ZipLimits {
  /** Cells written in all worksheets together. */
  maxCells: number;
  /**
   * Rows × columns of one sheet's used range: a sheet with a cell in A1 and one in XFD100000 has two cells but
   * a 1.6-billion-cell range, and readers that build dense rows allocate all of it.
   */
  maxSheetArea: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  maxParts: 2_000,
  maxPartBytes: 160 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxCells: 3_000_000,
  maxSheetArea: 6_000_000,
};
