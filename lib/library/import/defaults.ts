// Import defaults, chosen once per file: what a row gets for status, approval, reuse, owner and review date
// when the file has no such column (or the cell is empty). Spreadsheets from Loopio, Responsive or a team's own
// sheet rarely say who may receive an answer; without a choice every row would be an internal-only draft that
// is never suggested to a customer. The wizard asks, the CLI takes --status --reuse --owner --review-by, and
// the choice is written into each imported entry's history (describeDefaults).
import { z } from 'zod';
import { IsoDate, type EntryStatus, type ReusePermission } from '../schema';
import { parseReuse, parseStatus } from './cells';
import { parseDate } from './dates';

export const ImportDefaults = z.object({
  status: z
    .discriminatedUnion('status', [
      z.object({ status: z.literal('draft') }),
      z.object({ status: z.literal('approved'), approvedBy: z.string().min(1).optional(), approvedAt: IsoDate }),
    ])
    .optional(),
  reuse: z
    .discriminatedUnion('level', [
      z.object({ level: z.literal('public') }),
      z.object({ level: z.literal('nda') }),
      z.object({ level: z.literal('internal') }),
      z.object({ level: z.literal('customer'), customer: z.string().min(1) }),
    ])
    .optional(),
  owner: z.string().min(1).optional(),
  review: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('date'), date: IsoDate }),
      z.object({ kind: z.literal('cycle'), months: z.number().int().min(1).max(120) }),
    ])
    .optional(),
});
export type ImportDefaults = z.infer<typeof ImportDefaults>;

/** What an entry gets with no status column and no choice: a draft, kept for internal use. */
export const FALLBACK_STATUS: EntryStatus = 'draft';
export const FALLBACK_REUSE: ReusePermission = { level: 'internal' };
export const FALLBACK_OWNER = 'unassigned';

/** The words the UI uses for each reuse level (also accepted back by parseReuse and the CLI). */
export function reuseAudience(r: ReusePermission): string {
  switch (r.level) {
    case 'public':
      return 'anyone (public)';
    case 'nda':
      return 'customers under NDA';
    case 'internal':
      return 'internal use only';
    case 'customer':
      return `${r.customer} only`;
  }
}

/** One line for the history of every entry the import writes, and for the import log. */
export function describeDefaults(d: ImportDefaults): string {
  const parts: string[] = [];
  if (d.status?.status === 'approved')
    parts.push(`approved${d.status.approvedBy ? ` by ${d.status.approvedBy}` : ''} on ${d.status.approvedAt}`);
  else if (d.status) parts.push('draft until approved');
  if (d.reuse) parts.push(`for ${reuseAudience(d.reuse)}`);
  if (d.owner) parts.push(`owner ${d.owner}`);
  if (d.review?.kind === 'date') parts.push(`review by ${d.review.date}`);
  else if (d.review) parts.push(`review every ${d.review.months} months`);
  return parts.join('; ');
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * CLI/label forms: --status "approved" | "Approved by Dana Whitfield" | "approved:Dana Whitfield@2026-03-01"
 * | draft. `today` dates an approval that names no date.
 */
export function parseStatusDefault(v: string, today: string): Parsed<NonNullable<ImportDefaults['status']>> {
  const m = /^\s*([a-z _-]+?)\s*(?:(?::|\bby\b)\s*([^@]*?))?\s*(?:@|\bon\b)?\s*([0-9][0-9./-]+)?\s*$/i.exec(v);
  const s = m ? parseStatus(m[1]!) : undefined;
  if (!m || !s?.ok || s.value === 'retired')
    return {
      ok: false,
      error: `--status "${v}" is not understood: use approved, "approved by <name>", "approved by <name> on <date>" or draft.`,
    };
  if (s.value === 'draft') return { ok: true, value: { status: 'draft' } };
  let approvedAt = today;
  if (m[3]) {
    const d = parseDate(m[3]);
    if (!d.ok) return { ok: false, error: `--status: ${d.reason}` };
    approvedAt = d.value;
  }
  const by = m[2]?.trim();
  return { ok: true, value: { status: 'approved', approvedAt, ...(by ? { approvedBy: by } : {}) } };
}

export function parseReuseDefault(v: string): Parsed<ReusePermission> {
  const r = parseReuse(v);
  return r.ok
    ? r
    : {
        ok: false,
        error: `--reuse "${v}" is not understood: use public, "Under NDA" (nda), internal or customer:<name>.`,
      };
}

/** "2027-06-30", "6/30/2027", "every 12 months", "12 months", "annually", "1 year", "quarterly". */
export function parseReviewDefault(v: string): Parsed<NonNullable<ImportDefaults['review']>> {
  const s = v.trim().toLowerCase();
  const named: Record<string, number> = {
    annually: 12,
    yearly: 12,
    'every year': 12,
    quarterly: 3,
    'every quarter': 3,
  };
  if (named[s]) return { ok: true, value: { kind: 'cycle', months: named[s] } };
  const m = /^(?:every\s+)?(\d{1,3})\s*(months?|mo|years?|yrs?|y)$/.exec(s);
  if (m) {
    const months = Number(m[1]) * (m[2]!.startsWith('y') ? 12 : 1);
    if (months >= 1 && months <= 120) return { ok: true, value: { kind: 'cycle', months } };
  }
  const d = parseDate(v);
  if (d.ok) return { ok: true, value: { kind: 'date', date: d.value } };
  return {
    ok: false,
    error: `--review-by "${v}" is not understood: give a date (2027-06-30) or a cycle ("every 12 months", "1 year").`,
  };
}
