// Which questionnaire column holds what: header synonyms, header-row detection and user overrides.
import type { Framework } from '../../controls/framework';
import { LIMITS } from '../limits';

export const COLUMN_KINDS = [
  'id',
  'question',
  'alternatives',
  'answer',
  'shortAnswer',
  'comments',
  'owner',
  'status',
  'controls',
  'iso2022',
  'iso2013',
  'soc2',
  'evidenceIds',
  'approvedAt',
  'reviewBy',
  'reuse',
  'tags',
] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** Normalized header synonyms per kind (see normalizeHeader). Exact matches win over "starts with" matches. */
export const HEADER_SYNONYMS: Record<ColumnKind, readonly string[]> = {
  // "ID" alone is usually a questionnaire's own numbering ("1.2"), not ours: only explicit names map to id.
  id: ['entry id', 'crosswalk id', 'library id'],
  question: [
    'question',
    'questions',
    'control question',
    'question text',
    'requirement',
    'requirements',
    'query',
    'assessment question',
    'control requirement',
    'item',
  ],
  alternatives: ['alternatives', 'alternative questions', 'also asked as', 'question variants'],
  answer: [
    'answer',
    'answers',
    'response',
    'responses',
    'vendor response',
    'supplier response',
    'answer text',
    'your answer',
    'explanation',
    'answer details',
    'vendor answer',
  ],
  shortAnswer: [
    'short answer',
    'yes/no',
    'yes/no/n/a',
    'y/n',
    'answer yes/no',
    'response yes/no',
    'compliant',
    'compliance',
  ],
  comments: [
    'comments',
    'comment',
    'notes',
    'note',
    'remarks',
    'additional comments',
    'additional information',
    'vendor comments',
  ],
  owner: ['owner', 'answer owner', 'responsible', 'responsible person', 'assignee', 'contact'],
  status: ['status', 'entry status', 'approval status'],
  controls: ['controls', 'control ids', 'mapped controls', 'control mapping', 'control references'],
  iso2022: [
    'iso 27001',
    'iso/iec 27001',
    'iso 27001:2022',
    'iso/iec 27001:2022',
    'iso27001',
    'iso 27001 2022',
    'iso controls',
    'annex a',
  ],
  iso2013: ['iso 27001:2013', 'iso/iec 27001:2013', 'iso 27001 2013', 'iso27001:2013'],
  soc2: ['soc 2', 'soc2', 'soc 2 tsc', 'tsc', 'trust services criteria', 'soc 2 criteria', 'soc 2 controls'],
  evidenceIds: ['evidence', 'evidence ids', 'evidence id', 'supporting evidence'],
  approvedAt: [
    'approved at',
    'approved',
    'approval date',
    'date approved',
    'last reviewed',
    'reviewed at',
    'reviewed on',
  ],
  reviewBy: ['review by', 'next review', 'review date', 'next review date', 'expires', 'expiry'],
  reuse: ['reuse', 'reuse permission', 'sharing', 'classification', 'confidentiality'],
  tags: ['tags', 'tag', 'labels', 'category', 'domain'],
};

/**
 * Framework a controls column implies. 'controls' is mixed (the id's shape decides, or a "soc2:2017 " prefix).
 * A plain "ISO 27001" column also lets the shape decide between 2022 (A.8.24) and 2013 (A.9.4.2), but must be ISO.
 */
export const COLUMN_FRAMEWORK: Partial<Record<ColumnKind, Framework | 'iso'>> = {
  iso2022: 'iso',
  iso2013: 'iso27001:2013',
  soc2: 'soc2:2017',
};

/** Column kind → header text or 0-based column index. */
export type ColumnMapping = Partial<Record<ColumnKind, string | number>>;
/** Column kind → 0-based index, plus the header row (0-based) it was found in. */
export interface ResolvedMapping {
  headerRow: number;
  headers: string[];
  columns: Partial<Record<ColumnKind, number>>;
}

export function normalizeHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/\(([^)]*)\)/g, ' $1 ')
    .replace(/[*?#.\u2013\u2014_-]+/g, ' ')
    .replace(/\s*([:/])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function kindOf(header: string): ColumnKind | undefined {
  const h = normalizeHeader(header);
  if (!h) return undefined;
  for (const kind of COLUMN_KINDS) if (HEADER_SYNONYMS[kind].includes(h)) return kind;
  // "Vendor Response (please explain)", "ISO 27001 control(s)": longest synonym that starts the header.
  let best: { kind: ColumnKind; len: number } | undefined;
  for (const kind of COLUMN_KINDS) {
    for (const syn of HEADER_SYNONYMS[kind]) {
      if ((h.startsWith(`${syn} `) || h.startsWith(`${syn}:`)) && (!best || syn.length > best.len))
        best = { kind, len: syn.length };
    }
  }
  return best?.kind;
}

function detectIn(headers: string[]): Partial<Record<ColumnKind, number>> {
  const columns: Partial<Record<ColumnKind, number>> = {};
  headers.forEach((header, i) => {
    const kind = kindOf(header);
    if (kind && columns[kind] === undefined) columns[kind] = i;
  });
  return columns;
}

/**
 * Find the header row (the first of the leading rows naming both a question and an answer column)
 * and map columns; explicit `mapping` entries override detection. Unmatched overrides are reported.
 */
export function resolveMapping(
  table: string[][],
  mapping: ColumnMapping = {},
): { mapping: ResolvedMapping; problems: string[] } {
  const limit = Math.min(table.length, LIMITS.headerSearchRows);
  let headerRow = table.findIndex((r) => r.some((c) => c.trim() !== ''));
  for (let r = 0; r < limit; r++) {
    const cols = detectIn(table[r] ?? []);
    if (cols.question !== undefined && (cols.answer !== undefined || cols.shortAnswer !== undefined)) {
      headerRow = r;
      break;
    }
  }
  if (headerRow < 0) headerRow = 0;
  const headers = (table[headerRow] ?? []).map((h) => h.trim());
  const columns = detectIn(headers);
  const problems: string[] = [];
  for (const kind of COLUMN_KINDS) {
    const want = mapping[kind];
    if (want === undefined) continue;
    const idx =
      typeof want === 'number' ? want : headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(want));
    if (idx < 0 || idx >= Math.max(headers.length, 1)) {
      problems.push(
        `mapping.${kind} = ${JSON.stringify(want)} matches no column (headers: ${headers.map((h) => JSON.stringify(h)).join(', ')}). Use one of those header names or a 0-based column index.`,
      );
      continue;
    }
    for (const k of COLUMN_KINDS) if (columns[k] === idx) delete columns[k];
    columns[kind] = idx;
  }
  return { mapping: { headerRow, headers, columns }, problems };
}
