// Dates as people write them in spreadsheets: ISO (2026-03-14), US (3/14/2026), European (14.3.2026,
// 14/3/2026), month names (14 Mar 2026, March 14, 2026) and Excel serial numbers (46095). A slash date whose
// parts are both 12 or less ("03/04/2026") is ambiguous: the file's other dates usually settle it (see
// dateOrderOf), otherwise the user chooses once per file. Nothing is guessed: every result is checked against
// the calendar by lib/library/dates.ts, the one date check every path shares.
import { isCalendarDay } from '../dates';
import { messages } from '../errors';

/** How a file writes numeric dates with slashes or dashes: US month/day/year or European day/month/year. */
export type DateOrder = 'mdy' | 'dmy';

export type DateResult = { ok: true; value: string } | { ok: false; reason: string; ambiguous?: boolean };

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?)?$/;
const NUMERIC = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$/;
const SERIAL = /^(\d{5})(?:\.\d+)?$/;
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4}|\d{2})$/i;
const MONTH_NAME_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;

const pad = (n: number) => String(n).padStart(2, '0');

function fullYear(y: string): number {
  const n = Number(y);
  // Two-digit years: 00-69 are this century, 70-99 the last (spreadsheet apps use the same pivot).
  return y.length === 4 ? n : n < 70 ? 2000 + n : 1900 + n;
}

function ymd(y: number, m: number, d: number): string | undefined {
  if (y < 1000 || !isCalendarDay(y, m, d)) return undefined;
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

function monthOf(name: string): number | undefined {
  const k = name.toLowerCase();
  return MONTHS[k] ?? MONTHS[k.slice(0, 3)];
}

/** Which order a numeric date forces: 'dmy' when its first part exceeds 12, 'mdy' when its second does. */
export function dateOrderHint(v: string): DateOrder | 'either' | undefined {
  const m = NUMERIC.exec(v.trim());
  if (!m || m[2] === '.') return undefined; // dotted dates are always day-first
  const [a, b] = [Number(m[1]), Number(m[3])];
  if (a > 12 && b <= 12) return 'dmy';
  if (b > 12 && a <= 12) return 'mdy';
  return a <= 12 && b <= 12 ? 'either' : undefined;
}

/** Excel's day count (1900 system, with its phantom 29 Feb 1900) → YYYY-MM-DD. */
function fromSerial(n: number): string | undefined {
  const ms = Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000;
  const d = new Date(ms);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A date cell → YYYY-MM-DD. `order` decides ambiguous slash dates; without it they fail with `ambiguous`
 * so the caller can ask once for the whole file instead of guessing per row.
 */
export function parseDate(v: string, order?: DateOrder): DateResult {
  // A column of dates repeats a handful of values: each distinct text is read once (results are immutable).
  const key = order ? `${order}|${v}` : v;
  let hit = memo.get(key);
  if (!hit) {
    if (memo.size >= MEMO_MAX) memo.clear();
    hit = readDate(v, order);
    memo.set(key, hit);
  }
  return hit;
}

const memo = new Map<string, DateResult>();
const MEMO_MAX = 5000;

function readDate(v: string, order: DateOrder | undefined): DateResult {
  const s = v.trim();
  const bad = (): DateResult => ({ ok: false, reason: messages.badCellDate(v) });
  let m = ISO.exec(s);
  if (m) {
    const out = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    // An impossible ISO day gets the message every other path (library JSON, backups) gives for it.
    return out ? { ok: true, value: out } : { ok: false, reason: messages.badDate(v) };
  }
  m = NUMERIC.exec(s);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[3]), fullYear(m[4]!)];
    const hint = m[2] === '.' ? 'dmy' : dateOrderHint(s);
    if (!hint) return bad(); // both parts over 12: no month in it
    const use = hint === 'either' ? order : hint;
    if (!use) return { ok: false, reason: messages.ambiguousDate(v), ambiguous: true };
    const out = use === 'mdy' ? ymd(y, a, b) : ymd(y, b, a);
    return out ? { ok: true, value: out } : bad();
  }
  m = SERIAL.exec(s);
  if (m) {
    const out = fromSerial(Number(s));
    return out ? { ok: true, value: out } : bad();
  }
  m = DAY_MONTH_NAME.exec(s);
  if (m) {
    const month = monthOf(m[2]!);
    const out = month ? ymd(fullYear(m[3]!), month, Number(m[1])) : undefined;
    return out ? { ok: true, value: out } : bad();
  }
  m = MONTH_NAME_DAY.exec(s);
  if (m) {
    const month = monthOf(m[1]!);
    const out = month ? ymd(Number(m[3]), month, Number(m[2])) : undefined;
    return out ? { ok: true, value: out } : bad();
  }
  return bad();
}

/**
 * The order a whole column of dates implies: 'mdy' or 'dmy' when some value forces it and none contradicts
 * it, undefined when nothing needs an order, 'ask' when some value is ambiguous and nothing settles it (or
 * values force both orders).
 */
export function dateOrderOf(values: Iterable<string>): { order?: DateOrder; ask: boolean; examples: string[] } {
  let mdy = false;
  let dmy = false;
  const examples: string[] = [];
  for (const v of values) {
    const h = dateOrderHint(v);
    if (h === 'mdy') mdy = true;
    else if (h === 'dmy') dmy = true;
    else if (h === 'either' && examples.length < 3 && !examples.includes(v.trim())) examples.push(v.trim());
  }
  if (mdy !== dmy) return { order: mdy ? 'mdy' : 'dmy', ask: false, examples };
  return { ask: examples.length > 0 || (mdy && dmy), examples };
}

/** `date` plus whole months, clamped to the month's last day (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${pad(nm)}-${pad(Math.min(d, last))}`;
}
