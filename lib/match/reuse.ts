// Reuse rules: whether an entry may be given to this recipient, holds in this scope, and is still current.
import type { AnswerEntry, EvidenceItem, ReusePermission, Scope } from '../library/schema';

/**
 * May an answer cleared at `entry` level go to `recipient`? public: anyone; nda: anyone under NDA (a named
 * customer is); customer X: only X (and internal use); internal: internal use only.
 */
export function clearedFor(entry: ReusePermission, recipient: ReusePermission): boolean {
  switch (entry.level) {
    case 'public':
      return true;
    case 'nda':
      return recipient.level !== 'public';
    case 'customer':
      return (
        recipient.level === 'internal' ||
        (recipient.level === 'customer' &&
          recipient.customer.trim().toLowerCase() === entry.customer.trim().toLowerCase())
      );
    case 'internal':
      return recipient.level === 'internal';
  }
}

export const SCOPE_AXES = ['services', 'environments', 'regions', 'dataTypes'] as const;

/** The first scope axis on which entry and question both state values and share none, if any. */
export function scopeConflict(
  entry: Scope,
  wanted: Partial<Scope> | undefined,
): (typeof SCOPE_AXES)[number] | undefined {
  if (!wanted) return undefined;
  for (const axis of SCOPE_AXES) {
    const want = (wanted[axis] ?? []).map((v) => v.toLowerCase());
    const have = entry[axis].map((v) => v.toLowerCase());
    if (want.length > 0 && have.length > 0 && !want.some((w) => have.includes(w))) return axis;
  }
  return undefined;
}

export function isStale(entry: AnswerEntry, today: string): boolean {
  return entry.reviewBy !== undefined && entry.reviewBy < today;
}

export function expiredEvidence(
  entry: AnswerEntry,
  evidence: ReadonlyMap<string, EvidenceItem>,
  today: string,
): EvidenceItem[] {
  return entry.evidenceIds.flatMap((id) => {
    const e = evidence.get(id);
    return e && e.status === 'current' && e.validUntil !== undefined && e.validUntil < today ? [e] : [];
  });
}

export function todayIso(now: Date = new Date()): string {
  // Built from the UTC fields: toISOString() showed in profiles, and this runs once per question.
  const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
  const year = now.getUTCFullYear();
  if (year < 0 || year > 9999) return now.toISOString().slice(0, 10);
  return `${String(year).padStart(4, '0')}-${pad(now.getUTCMonth() + 1)}-${pad(now.getUTCDate())}`;
}
