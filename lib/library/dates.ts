// The one date check. Every path that accepts a date (library JSON, backups, CSV/XLSX cells, the entry editor,
// messages) goes through parseIsoDate, so "2026-02-30" is refused the same way everywhere instead of being a
// valid string in one place and an error in another. Dates are calendar dates (no time zone): the year,
// month and day must name a day that exists, leap years included.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date, optionally followed by a time (spreadsheets and other tools write timestamps into date columns). */
const DATE_WITH_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** True when year, month and day name a day that exists in the proleptic Gregorian calendar. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; Date.UTC handles leap years (and years < 100 via setUTCFullYear).
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  return day <= last.getUTCDate();
}

/**
 * "2025-03-31" (or, with `allowTime`, "2025-03-31T10:00:00Z", cut to its date) → the date; undefined when
 * the text is not YYYY-MM-DD or names a day that does not exist.
 */
export function parseIsoDate(value: string, opts: { allowTime?: boolean } = {}): string | undefined {
  const m = (opts.allowTime ? DATE_WITH_TIME : DATE).exec(opts.allowTime ? value.trim() : value);
  if (!m) return undefined;
  return isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3])) ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}
