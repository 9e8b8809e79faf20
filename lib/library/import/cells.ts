// Cell-level parsing for questionnaire rows: short answers, statuses, reuse, lists, roles, formula escapes
// (dates are in dates.ts). Each parser returns the value or an error reason (from errors.ts), never a guess.
// Lists and roles have a writer here too, so an export reads back exactly (see FORMAT.md, "Lists").
import type { Framework } from '../../controls';
import { messages } from '../errors';
import { SHORT_ANSWER_MAX, type EntryStatus, type FrameworkRoles, type ReusePermission } from '../schema';
import { parseDate, type DateOrder } from './dates';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

// Our export puts a ' before a cell that a spreadsheet would run as a formula (= + - @ tab CR), and before a
// cell that already starts with quotes followed by one of those, so "'=x" written by a person survives too.
const FORMULA_LEAD = /^'*[=+\-@\t\r]/;

/** Undo our own export escaping: one leading ' before an escaped formula start is removed again. */
export function unescapeCell(v: string): string {
  return v.charCodeAt(0) === 39 && FORMULA_LEAD.test(v.slice(1)) ? v.slice(1) : v;
}

/** Spreadsheet apps run cells starting with = + - @ (and tab/CR tricks) as formulas: prefix a ' to keep them text. */
export function escapeFormula(v: string): string {
  return FORMULA_LEAD.test(v) ? `'${v}` : v;
}

/** Any short text (a number, Yes/No, a name) up to SHORT_ANSWER_MAX characters. */
export function parseShortAnswer(v: string): Parsed<string> {
  return v.length <= SHORT_ANSWER_MAX
    ? { ok: true, value: v }
    : { ok: false, reason: messages.shortAnswerTooLong(v.length, SHORT_ANSWER_MAX) };
}

const STATUS_WORDS: Record<string, EntryStatus> = {
  approved: 'approved',
  published: 'approved',
  final: 'approved',
  active: 'approved',
  current: 'approved',
  live: 'approved',
  draft: 'draft',
  'under review': 'draft',
  'in review': 'draft',
  'needs review': 'draft',
  pending: 'draft',
  'pending review': 'draft',
  'pending approval': 'draft',
  new: 'draft',
  retired: 'retired',
  archived: 'retired',
  deprecated: 'retired',
  obsolete: 'retired',
  inactive: 'retired',
};

const words = (v: string) => v.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');

export function parseStatus(v: string): Parsed<EntryStatus> {
  const hit = STATUS_WORDS[words(v)];
  return hit ? { ok: true, value: hit } : { ok: false, reason: messages.badStatus(v) };
}

const REUSE_WORDS: Record<string, 'public' | 'nda' | 'internal'> = {
  public: 'public',
  'public anyone': 'public',
  anyone: 'public',
  everyone: 'public',
  external: 'public',
  nda: 'nda',
  'under nda': 'nda',
  'customers under nda': 'nda',
  'customer under nda': 'nda',
  'nda required': 'nda',
  'requires nda': 'nda',
  confidential: 'nda',
  'customer confidential': 'nda',
  internal: 'internal',
  'internal only': 'internal',
  'internal use only': 'internal',
  'internal use': 'internal',
  restricted: 'internal',
  private: 'internal',
};

/** public / nda / internal / customer:<name>, or the labels the UI shows ("Under NDA", "One customer: Acme"). */
export function parseReuse(v: string): Parsed<ReusePermission> {
  const s = v.trim();
  const level = REUSE_WORDS[words(s).replace(/[()]/g, '')];
  if (level) return { ok: true, value: { level } };
  const m = /^(?:one\s+(?:named\s+)?customer|customer|only)\s*[:=]\s*(.+)$/i.exec(s);
  return m
    ? { ok: true, value: { level: 'customer', customer: m[1]!.trim() } }
    : { ok: false, reason: messages.badReuse(v) };
}

export function formatReuse(r: ReusePermission): string {
  return r.level === 'customer' ? `customer:${r.customer}` : r.level;
}

/**
 * Split a list cell. Items are separated by `separators` (default ";"); a backslash escapes a separator or a
 * backslash inside an item (our export writes "a\;b" for the one tag "a;b"). Any other backslash is kept.
 */
export function splitList(v: string, separators: RegExp = /;/): string[] {
  if (!v) return []; // most list columns are absent or empty: no split arrays for them
  if (!v.includes('\\')) {
    return v
      .split(separators)
      .map((s) => s.trim())
      .filter(Boolean);
  }
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    const next = v[i + 1];
    if (c === '\\' && next !== undefined && (next === '\\' || separators.test(next))) {
      cur += next;
      i++;
    } else if (separators.test(c)) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}

/** The writer for splitList: items joined by `sep`, with the separator and backslashes escaped inside items. */
export function joinList(items: readonly string[], sep: '; ' | '\n' = '; '): string {
  const special = sep === '\n' ? /[\\\n]/g : /[\\;]/g;
  return items.map((s) => s.replace(special, (c) => `\\${c}`)).join(sep);
}

const ROLE_KEYS = { owner: 'owner', reviewer: 'reviewer', approver: 'approver', reviewed: 'reviewedAt' } as const;
type RoleKey = keyof typeof ROLE_KEYS;
const ROLE_ALIASES: Record<string, RoleKey> = {
  owner: 'owner',
  reviewer: 'reviewer',
  approver: 'approver',
  'approved by': 'approver',
  reviewed: 'reviewed',
  'reviewed at': 'reviewed',
  'reviewed on': 'reviewed',
  'last reviewed': 'reviewed',
};

/** "owner: Dana; reviewer: Priya; approver: Laura; reviewed: 2026-08-12" → one framework's roles. */
export function parseRoles(v: string, order?: DateOrder): Parsed<FrameworkRoles | undefined> {
  const roles: FrameworkRoles = {};
  for (const part of splitList(v)) {
    const m = /^([a-z ]+?)\s*:\s*([\s\S]*)$/i.exec(part);
    const key = m ? ROLE_ALIASES[m[1]!.toLowerCase()] : undefined;
    const value = m?.[2]?.trim();
    if (!key || !value) return { ok: false, reason: messages.badRoles(v) };
    const field = ROLE_KEYS[key];
    if (field === 'reviewedAt') {
      const d = parseDate(value, order);
      if (!d.ok) return d;
      roles.reviewedAt = d.value;
    } else roles[field] = value;
  }
  return { ok: true, value: Object.keys(roles).length ? roles : undefined };
}

export function formatRoles(r: FrameworkRoles | undefined): string {
  if (!r) return '';
  const parts: string[] = [];
  for (const [label, field] of Object.entries(ROLE_KEYS) as [RoleKey, (typeof ROLE_KEYS)[RoleKey]][]) {
    const value = r[field];
    if (value !== undefined) parts.push(`${label}: ${value.replace(/[\\;]/g, (c) => `\\${c}`)}`);
  }
  return parts.join('; ');
}

/** Frameworks in the order their role columns appear. */
export const ROLE_FRAMEWORKS: readonly Framework[] = ['iso27001:2022', 'iso27001:2013', 'soc2:2017'];

const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|javascript\s*:/i;
export function hasMarkup(v: string): boolean {
  // Markup needs a "<" and a script URL a ":"; most cells have neither, so the regex rarely runs.
  return (v.includes('<') || v.includes(':')) && MARKUP.test(v);
}
