// Limits for questionnaire files beyond lib/zip-guard's (which checks every workbook first: part counts, expanded
// sizes, declared-vs-real sizes, cell counts, used ranges). These are about what this module holds in memory.
export const SHEET_LIMITS = {
  /** Largest questionnaire file accepted (bytes on disk). */
  maxFileBytes: 50 * 1024 * 1024,
  /** Largest XML part read whole into memory (a worksheet, shared strings); the guard allows larger ones. */
  maxReadPartBytes: 64 * 1024 * 1024,
  /** Largest number of non-empty cells in a CSV/TSV file (XLSX cells are counted by the zip guard). */
  maxCells: 2_000_000,
  /** Largest number of row elements in one sheet (Excel's own limit is 1,048,576: formatting whole rows makes them). */
  maxRowsPerSheet: 200_000,
  /** Longest text Excel keeps in one cell; longer answers are refused for that cell rather than cut. */
  maxCellChars: 32_767,
  /** The header row is searched for in this many leading rows. */
  headerSearchRows: 30,
} as const;

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
