// Filters for long questionnaires: what each row is (needs review, unanswered, filled, flagged), the counts per
// filter and per section, jumping to a question number, and moving to the next or previous unanswered one.
// Pure: the panel computes the facts once per render and every control reads them.
import { matchVerdict } from '../../lib/policy';
import { fillTarget, type Decide, type Row } from '../../components/questions';

export const FILTERS = ['all', 'needs-review', 'unanswered', 'filled', 'flagged'] as const;
export type FilterKind = (typeof FILTERS)[number];

export const FILTER_LABEL: Record<FilterKind, string> = {
  all: 'All',
  'needs-review': 'Needs review',
  unanswered: 'Unanswered',
  filled: 'Filled',
  flagged: 'Flagged',
};

export interface RowFacts {
  /** A suggestion a person must look at: "Fill all confident" will not take it, and nobody has filled the field. */
  needsReview: boolean;
  /** The field is empty on the page. */
  unanswered: boolean;
  /** The field holds an answer (filled by Crosswalk or already there). */
  filled: boolean;
  /** Marked for an expert, or the top suggestion has a serious finding (high severity). */
  flagged: boolean;
}

const FIELD_CODES = new Set([
  'field-has-value',
  'already-filled',
  'field-disabled',
  'file-upload',
  'no-matching-option',
]);

export function rowFacts(row: Row, decide: Decide): RowFacts {
  const top = row.result?.suggestions[0];
  const filled = row.status === 'filled' || fillTarget(row).value.trim() !== '';
  const forAll = top && !filled && row.status === 'open' ? decide(row, top, 'fill-all') : undefined;
  const serious = top
    ? decide(row, top, 'fill').reasons.some((r) => r.severity === 'high' && !FIELD_CODES.has(r.code))
    : false;
  return {
    needsReview: forAll !== undefined && (forAll.verdict !== 'fill' || matchVerdict(top!) !== 'confident'),
    unanswered: !filled,
    filled,
    flagged: row.status === 'flagged' || serious,
  };
}

export interface ListFilter {
  kind: FilterKind;
  /** Only this section ('' = every section). */
  section: string;
  /** Only these rows (e.g. "the 18 held for NDA"), with what to call them. */
  only?: { fids: ReadonlySet<string>; label: string };
}

export const NO_FILTER: ListFilter = { kind: 'all', section: '' };

function matches(kind: FilterKind, f: RowFacts): boolean {
  switch (kind) {
    case 'all':
      return true;
    case 'needs-review':
      return f.needsReview;
    case 'unanswered':
      return f.unanswered;
    case 'filled':
      return f.filled;
    case 'flagged':
      return f.flagged;
  }
}

function inScope(row: Row, filter: ListFilter): boolean {
  if (filter.section && (row.field.section ?? '') !== filter.section) return false;
  return !filter.only || filter.only.fids.has(row.field.fid);
}

/** Indices (into rows) of the rows the filter shows, in page order. */
export function applyFilter(rows: readonly Row[], facts: readonly RowFacts[], filter: ListFilter): number[] {
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) if (inScope(rows[i]!, filter) && matches(filter.kind, facts[i]!)) out.push(i);
  return out;
}

/** How many rows each filter would show within the current section (and `only` set). */
export function filterCounts(
  rows: readonly Row[],
  facts: readonly RowFacts[],
  filter: ListFilter,
): Record<FilterKind, number> {
  const counts: Record<FilterKind, number> = { all: 0, 'needs-review': 0, unanswered: 0, filled: 0, flagged: 0 };
  for (let i = 0; i < rows.length; i++) {
    if (!inScope(rows[i]!, filter)) continue;
    for (const k of FILTERS) if (matches(k, facts[i]!)) counts[k]++;
  }
  return counts;
}

/** Sections in page order, with how many questions each has. */
export function sectionsOf(rows: readonly Row[]): Array<{ name: string; count: number }> {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.field.section ?? '', (counts.get(r.field.section ?? '') ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count }));
}

/**
 * The row a typed question number points at: its printed number ("4.7", "IAM-02"; case and spacing
 * ignored), else its place in the list (1-based) when the page prints no numbers. -1 when there is none.
 */
export function findByNumber(rows: readonly Row[], text: string): number {
  const want = text.trim().toLowerCase().replace(/\s+/g, '');
  if (!want) return -1;
  const byNumber = rows.findIndex((r) => (r.field.number ?? '').toLowerCase().replace(/\s+/g, '') === want);
  if (byNumber >= 0) return byNumber;
  const n = Number(want);
  return Number.isInteger(n) && n >= 1 && n <= rows.length && !rows.some((r) => r.field.number) ? n - 1 : -1;
}

/**
 * The next (dir 1) or previous (dir -1) visible row after `from` (an index into rows) that satisfies `want`,
 * wrapping around; -1 when no visible row does.
 */
export function step(visible: readonly number[], from: number, dir: 1 | -1, want: (i: number) => boolean): number {
  if (!visible.length) return -1;
  let at = visible.indexOf(from);
  if (at < 0) at = dir === 1 ? -1 : visible.length;
  for (let k = 1; k <= visible.length; k++) {
    const i = visible[(((at + dir * k) % visible.length) + visible.length) % visible.length]!;
    if (want(i)) return i;
  }
  return -1;
}
