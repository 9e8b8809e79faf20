// The one reuse rule, shared by matching (which candidates to hold back, which warnings to attach) and by the
// review rules in lib/review/rules (which flags to raise before a fill and in review). Both call these
// functions, so the matcher and the reviewer can never disagree about who may receive an answer, where it
// holds, and whether it is still current.
import type { AnswerEntry, EvidenceItem, ReusePermission, Scope } from '../library/model';

/** Who receives the answers, as the user declared it for the questionnaire. */
export interface Audience {
  /** The named recipient ("Harbor Mutual Financial"); blank when not declared. */
  recipient: string;
  /** "NDA in place" with the recipient: NDA-level answers may go to them. */
  nda: boolean;
  /** For our own staff only (the CLI's `--recipient internal`): everything may be read. */
  internal?: boolean;
}

/**
 * Why an answer may or may not go to an audience:
 *   ok               cleared
 *   needs-nda        NDA-level answer and no NDA declared: ticking "NDA in place" clears it
 *   needs-recipient  cleared for one named customer and no recipient declared: naming the recipient decides it
 *   other-customer   cleared for another named customer only: never for this recipient
 *   internal         internal use only: never leaves the company
 */
export type Clearance = 'ok' | 'needs-nda' | 'needs-recipient' | 'other-customer' | 'internal';

export function sameName(a: string, b: string): boolean {
  return a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function clearance(p: ReusePermission, to: Audience): Clearance {
  if (to.internal) return 'ok';
  switch (p.level) {
    case 'public':
      return 'ok';
    case 'nda':
      return to.nda ? 'ok' : 'needs-nda';
    case 'internal':
      return 'internal';
    case 'customer':
      if (!to.recipient.trim()) return 'needs-recipient';
      return sameName(p.customer, to.recipient) ? 'ok' : 'other-customer';
  }
}

export function clearedFor(p: ReusePermission, to: Audience): boolean {
  return clearance(p, to) === 'ok';
}

/** No declaration about this questionnaire can clear it: matching holds such candidates back. */
export function neverCleared(c: Clearance): boolean {
  return c === 'internal' || c === 'other-customer';
}

/** How a reuse level reads in a sentence: "internal only", "shareable under NDA only". */
export function describePermission(p: ReusePermission): string {
  switch (p.level) {
    case 'public':
      return 'public';
    case 'nda':
      return 'shareable under NDA only';
    case 'internal':
      return 'internal only';
    case 'customer':
      return `cleared only for ${p.customer}`;
  }
}

export const SCOPE_AXES = ['services', 'environments', 'regions', 'dataTypes'] as const;
export type ScopeAxis = (typeof SCOPE_AXES)[number];

export const SCOPE_AXIS_LABEL: Record<ScopeAxis, string> = {
  services: 'services',
  environments: 'environments',
  regions: 'regions',
  dataTypes: 'data types',
};

export interface ScopeGap {
  axis: ScopeAxis;
  /** Declared values the entry does not cover. */
  missing: string[];
  /** What the entry covers on this axis. */
  allowed: string[];
  /** The entry covers none of the declared values: it is about something else, not a narrower claim. */
  disjoint: boolean;
}

/**
 * Axes on which the questionnaire declares values the entry does not cover. An empty list on either side
 * means "not restricted". Every declared value must be covered: an entry scoped EU does not answer for a
 * questionnaire declaring EU and US (the claim may not hold in the US).
 */
export function scopeGaps(entry: Scope, declared: Partial<Scope> | undefined): ScopeGap[] {
  if (!declared) return [];
  const out: ScopeGap[] = [];
  for (const axis of SCOPE_AXES) {
    const allowed = entry[axis] ?? [];
    const want = declared[axis] ?? [];
    if (!allowed.length || !want.length) continue;
    const missing = want.filter((w) => !allowed.some((a) => sameName(a, w)));
    if (missing.length) out.push({ axis, missing, allowed, disjoint: missing.length === want.length });
  }
  return out;
}

export function isStale(entry: Pick<AnswerEntry, 'reviewBy'>, today: string): boolean {
  return entry.reviewBy !== undefined && entry.reviewBy < today;
}

export interface OutdatedEvidence {
  item: EvidenceItem;
  why: 'expired' | 'retired';
}

/** Cited evidence that no longer backs a claim: past its validUntil date, or retired. */
export function outdatedEvidence(items: readonly EvidenceItem[], today: string): OutdatedEvidence[] {
  return items.flatMap((item): OutdatedEvidence[] =>
    item.status === 'retired'
      ? [{ item, why: 'retired' }]
      : item.validUntil !== undefined && item.validUntil < today
        ? [{ item, why: 'expired' }]
        : [],
  );
}

/** The evidence items an entry cites, in citation order (missing ones are skipped). */
export function citedItems(entry: AnswerEntry, evidence: ReadonlyMap<string, EvidenceItem>): EvidenceItem[] {
  return entry.evidenceIds.flatMap((id) => {
    const e = evidence.get(id);
    return e ? [e] : [];
  });
}

/** Cited evidence whose own reuse level does not reach this audience (the answer itself may still go). */
export function unshareableEvidence(items: readonly EvidenceItem[], to: Audience): EvidenceItem[] {
  return items.filter((e) => !clearedFor(e.reuse, to));
}

/** The panel's and the review's one sentence for evidence that may not travel with its answer. */
export function unshareableEvidenceMessage(items: readonly EvidenceItem[]): string {
  const list = items.map((e) => `"${e.title}" (${describePermission(e.reuse)})`).join(', ');
  return `Answer OK to share; do not attach the evidence: ${list} may not go to this recipient.`;
}

export function todayIso(now: Date = new Date()): string {
  // Built from the UTC fields: toISOString() showed in profiles, and this runs once per question.
  const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
  const year = now.getUTCFullYear();
  if (year < 0 || year > 9999) return now.toISOString().slice(0, 10);
  return `${String(year).padStart(4, '0')}-${pad(now.getUTCMonth() + 1)}-${pad(now.getUTCDate())}`;
}
