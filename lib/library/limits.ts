// Every import/export limit in one place, so the refusal messages, the docs (FORMAT.md) and the tests agree.
export const LIMITS = {
  /** Largest file accepted by the importers (bytes). Bigger files are refused before parsing, never half-read. */
  maxFileBytes: 25 * 1024 * 1024,
  /** Largest number of data rows (entries + evidence) in one file. */
  maxRows: 100_000,
  /** How many leading rows are searched for the header row (questionnaires often start with a title block). */
  headerSearchRows: 20,
  /** Two questions whose normalized-token Jaccard similarity reaches this are near-duplicates → merge proposal. */
  nearDuplicateJaccard: 0.8,
  /** Rows written per chunk inside the one import transaction (progress + cancellation granularity). */
  writeChunk: 1000,
  /** Change-log rows kept for `changesSince`; older ones are pruned (consumers then reload everything). */
  changeLogKeep: 1000,
} as const;

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
