// Limits for questionnaire workbooks, checked before anything is inflated or parsed, so a crafted file (a zip
// bomb, a 1,048,576-row sheet) is refused with a clear message instead of exhausting memory. Kept in one place so
// the messages, the design note and the tests agree. Only the XML parts Crosswalk reads are ever inflated: images,
// macros and other parts are copied byte for byte and cost no memory beyond the file itself.
export const SHEET_LIMITS = {
  /** Largest questionnaire file accepted (compressed bytes). */
  maxFileBytes: 50 * 1024 * 1024,
  /** Largest number of parts (files) inside the workbook zip. */
  maxZipEntries: 10_000,
  /** Largest uncompressed size of one XML part that is read (worksheet, shared strings, styles...). */
  maxPartBytes: 64 * 1024 * 1024,
  /** Largest uncompressed size of all XML parts read together. */
  maxTotalXmlBytes: 160 * 1024 * 1024,
  /** A part that inflates to more than this many times its compressed size (and over 1 MB) is treated as a bomb. */
  maxCompressionRatio: 200,
  /** Largest number of non-empty cells in the workbook. */
  maxCells: 2_000_000,
  /** Largest number of row elements in one sheet (Excel's own limit is 1,048,576: formatting whole columns makes them). */
  maxRowsPerSheet: 200_000,
  /** Longest text Excel keeps in one cell; longer answers are refused for that cell rather than cut. */
  maxCellChars: 32_767,
  /** The header row is searched for in this many leading rows. */
  headerSearchRows: 30,
} as const;

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
