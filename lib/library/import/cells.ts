// Cell-level parsing for questionnaire rows: dates, short answers, statuses, reuse, lists, formula escapes.
// Each parser returns the value or an error reason (from errors.ts) — never a guess.
import { parseIsoDate } from '../dates';
import { messages } from '../errors';
import type { EntryStatus, ReusePermission, ShortAnswer } from '../schema';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const FORMULA_START = /^'(?=[=+\-@\t\r])/;

/** Undo our own export escaping: a leading ' added before = + - @ tab CR is removed again. */
export function unescapeCell(v: string): string {
  return v.replace(FORMULA_START, '');
}

// A column of dates repeats a handful of values: each distinct text is checked once (results are immutable).
const dateMemo = new Map<string, Parsed<string>>();
const DATE_MEMO_MAX = 5000;

/** Calendar-checked YYYY-MM-DD (a full ISO timestamp is cut to its date). */
export function parseDate(v: string): Parsed<string> {
  let hit = dateMemo.get(v);
  if (!hit) {
    if (dateMemo.size >= DATE_MEMO_MAX) dateMemo.clear();
    hit = checkDate(v);
    dateMemo.set(v, hit);
  }
  return hit;
}

function checkDate(v: string): Parsed<string> {
  const value = parseIsoDate(v, { allowTime: true });
  return value ? { ok: true, value } : { ok: false, reason: messages.badDate(v) };
}

const SHORT: Record<string, ShortAnswer> = {
  yes: 'Yes',
  y: 'Yes',
  true: 'Yes',
  no: 'No',
  n: 'No',
  false: 'No',
  'n/a': 'N/A',
  na: 'N/A',
  'not applicable': 'N/A',
  partial: 'Partial',
  partially: 'Partial',
  other: 'Other',
};

export function parseShortAnswer(v: string): Parsed<ShortAnswer> {
  const hit = SHORT[v.trim().toLowerCase().replace(/\.$/, '')];
  return hit ? { ok: true, value: hit } : { ok: false, reason: messages.badShortAnswer(v) };
}

/** "Yes, we encrypt..." → Yes. Only the leading word counts; anything else stays undefined. */
export function inferShortAnswer(answer: string): ShortAnswer | undefined {
  const m = /^\s*(yes|no|n\/a|not applicable|partial(?:ly)?)\b/i.exec(answer);
  return m ? SHORT[m[1]!.toLowerCase()] : undefined;
}

export function parseStatus(v: string): Parsed<EntryStatus> {
  const s = v.trim().toLowerCase();
  return s === 'draft' || s === 'approved' || s === 'retired'
    ? { ok: true, value: s }
    : { ok: false, reason: messages.badStatus(v) };
}

export function parseReuse(v: string): Parsed<ReusePermission> {
  const s = v.trim();
  const lower = s.toLowerCase();
  if (lower === 'public' || lower === 'nda' || lower === 'internal') return { ok: true, value: { level: lower } };
  const m = /^customer\s*:\s*(.+)$/i.exec(s);
  return m
    ? { ok: true, value: { level: 'customer', customer: m[1]!.trim() } }
    : { ok: false, reason: messages.badReuse(v) };
}

export function formatReuse(r: ReusePermission): string {
  return r.level === 'customer' ? `customer:${r.customer}` : r.level;
}

/** "a; b" lists (controls also split on commas and newlines). */
export function splitList(v: string, separators: RegExp = /;/): string[] {
  if (!v) return []; // most list columns are absent or empty: no split arrays for them
  return v
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);
}

const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|javascript\s*:/i;
export function hasMarkup(v: string): boolean {
  // Markup needs a "<" and a script URL a ":"; most cells have neither, so the regex rarely runs.
  return (v.includes('<') || v.includes(':')) && MARKUP.test(v);
}
