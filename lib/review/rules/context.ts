// What every reuse rule sees. Rules are pure functions (ctx) => Flag | null, run before a fill (side panel
// warnings) and again in review, so they take plain data and today's date, never a database or a clock.
import type { ControlRef } from '../../controls';
import type { AnswerEntry, EvidenceItem, Scope } from '../../library/model';
import type { Flag } from '../schema';

export interface ReuseQuestionnaire {
  recipient: string;
  /** True when an NDA with the recipient is in place. */
  nda?: boolean;
  scope: Scope;
  name?: string;
}

export interface ReuseContext {
  entry: AnswerEntry;
  /** The evidence items the entry cites (missing ones are simply absent). */
  evidence: readonly EvidenceItem[];
  questionnaire: ReuseQuestionnaire;
  /** The question as the page shows it, and the controls it was classified under, when known. */
  question?: { text: string; controls?: readonly ControlRef[] };
  /** Other library entries, for the conflict check (only approved ones are compared). */
  otherEntries?: readonly AnswerEntry[];
  /** YYYY-MM-DD. */
  today: string;
}

export type ReuseRule = (ctx: ReuseContext) => Flag | null;

/** Today as YYYY-MM-DD in UTC (dates in the library are plain calendar dates): the shared reuse rule's. */
export { todayIso } from '../../match';

/** The same calendar day `months` months earlier, clamped to the month's end (2025-03-31 - 1 = 2025-02-28). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function listWords(items: readonly string[]): string {
  return items.map((s) => `"${s}"`).join(', ');
}
