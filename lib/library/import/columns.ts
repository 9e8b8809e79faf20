// Which questionnaire column holds what: header synonyms (our own export, Loopio, Responsive/RFPIO, Conveyor,
// the question libraries of Vanta, Drata and Secureframe, OneTrust, home-grown sheets), header-row detection
// and user overrides. A header may match several kinds ("Topic" is a question in one file and a category in
// another): required kinds choose first, then the best-ranked synonym wins, so each column has one kind.
import type { Framework } from '../../controls';
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
  'approvedBy',
  'approvedAt',
  'reviewBy',
  'reuse',
  'category',
  'tags',
  'controls',
  'iso2022',
  'iso2013',
  'soc2',
  'evidenceIds',
  'iso2022Roles',
  'iso2013Roles',
  'soc2Roles',
  'services',
  'environments',
  'regions',
  'dataTypes',
] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** What the mapping step calls each kind: words a library manager uses, never our field names. */
export const COLUMN_LABELS: Record<ColumnKind, string> = {
  id: 'Entry id',
  question: 'Question',
  alternatives: 'Other wordings of the question',
  answer: 'Answer',
  shortAnswer: 'Short answer (Yes/No, a number…)',
  comments: 'Internal notes',
  owner: 'Owner',
  status: 'Status (approved, draft…)',
  approvedBy: 'Approved by',
  approvedAt: 'Approved or last reviewed on',
  reviewBy: 'Next review by',
  reuse: 'Who may receive it',
  category: 'Category (kept as a tag)',
  tags: 'Tags',
  controls: 'Controls (any framework)',
  iso2022: 'ISO 27001:2022 controls',
  iso2013: 'ISO 27001:2013 controls',
  soc2: 'SOC 2 criteria',
  evidenceIds: 'Evidence ids',
  iso2022Roles: 'ISO 27001:2022 owner, reviewer, approver',
  iso2013Roles: 'ISO 27001:2013 owner, reviewer, approver',
  soc2Roles: 'SOC 2 owner, reviewer, approver',
  services: 'Services or products it covers',
  environments: 'Environments it covers',
  regions: 'Regions it covers',
  dataTypes: 'Data types it covers',
};

/**
 * Normalized header synonyms per kind (see normalizeHeader), best first. Exact matches win over "starts
 * with" matches. Generic id headers ("ID", "Ref", "#") are taken as the entry id only when their values are
 * unique and filled on every row (rows.ts checks); otherwise they are a questionnaire's own numbering.
 */
export const HEADER_SYNONYMS: Record<ColumnKind, readonly string[]> = {
  id: [
    'entry id',
    'crosswalk id',
    'library id',
    'library entry id',
    'entry number',
    'id',
    'ref',
    'ref id',
    'ref no',
    'reference',
    'reference id',
    'reference number',
    'question id',
    'qa id',
    'q&a id',
    'record id',
    'answer id',
    'item id',
    'question number',
    'no',
  ],
  question: [
    'question',
    'questions',
    'control question',
    'question text',
    'primary question',
    'requirement',
    'requirements',
    'query',
    'assessment question',
    'control requirement',
    'item',
    'question title',
    'title',
    'topic',
    'subject',
    'prompt',
  ],
  alternatives: [
    'alternatives',
    'alternative questions',
    'alternate questions',
    'alternative question',
    'alternate question',
    'also asked as',
    'question variants',
    'variants',
    'synonyms',
    'similar questions',
    'other wordings',
  ],
  answer: [
    'answer',
    'answers',
    'response',
    'responses',
    'vendor response',
    'supplier response',
    'answer text',
    'response text',
    'your answer',
    'explanation',
    'answer details',
    'response details',
    'vendor answer',
    'full answer',
    'detailed answer',
    'long answer',
    'standard response',
    'approved answer',
    'details',
    'content',
  ],
  shortAnswer: [
    'short answer',
    'yes/no',
    'yes/no/n/a',
    'yes/no/na',
    'y/n',
    'y/n/na',
    'answer yes/no',
    'response yes/no',
    'short response',
    'quick answer',
    'compliant',
    'compliance',
    'compliance answer',
  ],
  comments: [
    'comments',
    'comment',
    'notes',
    'note',
    'internal notes',
    'remarks',
    'additional comments',
    'additional information',
    'vendor comments',
    'justification',
  ],
  owner: [
    'owner',
    'owners',
    'answer owner',
    'content owner',
    'owner email',
    'owner emails',
    'sme',
    'subject matter expert',
    'responsible',
    'responsible person',
    'assignee',
    'assigned to',
    'author',
    'contact',
  ],
  status: ['status', 'entry status', 'approval status', 'review status', 'content status', 'workflow status', 'state'],
  approvedBy: [
    'approved by',
    'approver',
    'approvers',
    'reviewed by',
    'reviewer',
    'reviewers',
    'moderator',
    'moderators',
  ],
  approvedAt: [
    'approved at',
    'approved on',
    'approval date',
    'date approved',
    'last reviewed',
    'last reviewed date',
    'last reviewed on',
    'last review',
    'last review date',
    'reviewed at',
    'reviewed on',
    'last updated',
    'last updated date',
    'last modified',
    'last modified date',
    'updated at',
    'updated',
    'approved',
  ],
  reviewBy: [
    'review by',
    'next review',
    'next review date',
    'next review on',
    'review date',
    'review due',
    'review due date',
    'due for review',
    'expires',
    'expiry',
    'expiry date',
    'expiration date',
  ],
  reuse: [
    'reuse',
    'reuse permission',
    'who may receive it',
    'sharing',
    'sharing level',
    'visibility',
    'audience',
    'classification',
    'data classification',
    'confidentiality',
    'privacy',
    'view privacy',
    'access level',
  ],
  category: [
    'category',
    'categories',
    'sub category',
    'subcategory',
    'library',
    'collection',
    'collections',
    'stack',
    'domain',
    'section',
    'topic',
    'business unit',
    'group',
  ],
  tags: ['tags', 'tag', 'labels', 'label', 'keywords'],
  controls: [
    'controls',
    'control',
    'control id',
    'control ids',
    'mapped controls',
    'control mapping',
    'control references',
    'framework controls',
    'framework mapping',
    'compliance mapping',
    'mappings',
  ],
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
  evidenceIds: ['evidence ids', 'evidence id', 'evidence', 'supporting evidence'],
  iso2022Roles: ['iso 27001:2022 roles', 'iso/iec 27001:2022 roles', 'iso 27001 roles'],
  iso2013Roles: ['iso 27001:2013 roles', 'iso/iec 27001:2013 roles'],
  soc2Roles: ['soc 2 roles', 'soc2 roles'],
  services: ['services', 'service', 'products', 'product', 'product line'],
  environments: ['environments', 'environment'],
  regions: ['regions', 'region', 'data location', 'locations'],
  dataTypes: ['data types', 'data type', 'data categories'],
};

/** Generic id headers: used as the entry id only when every row has a unique value (see rows.ts). */
export const GENERIC_ID_HEADERS: ReadonlySet<string> = new Set(HEADER_SYNONYMS.id.slice(5));

/**
 * Framework a controls column implies. 'controls' is mixed (the id's shape decides, or a "soc2:2017 " prefix).
 * A plain "ISO 27001" column also lets the shape decide between 2022 (A.8.24) and 2013 (A.9.4.2), but must be ISO.
 */
export const COLUMN_FRAMEWORK: Partial<Record<ColumnKind, Framework | 'iso'>> = {
  iso2022: 'iso',
  iso2013: 'iso27001:2013',
  soc2: 'soc2:2017',
};

export const ROLE_COLUMN: Record<Framework, ColumnKind> = {
  'iso27001:2022': 'iso2022Roles',
  'iso27001:2013': 'iso2013Roles',
  'soc2:2017': 'soc2Roles',
};

/** Column kind → header text or 0-based column index; `null` = "(not in file)": never detect this kind. */
export type ColumnMapping = Partial<Record<ColumnKind, string | number | null>>;
/** Column kind → 0-based index, plus the header row (0-based) it was found in. */
export interface ResolvedMapping {
  headerRow: number;
  headers: string[];
  columns: Partial<Record<ColumnKind, number>>;
  /** Kinds the user set to "(not in file)". */
  excluded?: ColumnKind[];
  /** Kinds found by header detection (the rest were set by the user). */
  detected?: ColumnKind[];
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

interface Candidate {
  kind: ColumnKind;
  col: number;
  exact: boolean;
  rank: number;
}

const FIRST_PASS: ReadonlySet<ColumnKind> = new Set(['question', 'answer', 'shortAnswer']);

function candidatesOf(header: string, col: number): Candidate[] {
  const h = normalizeHeader(header);
  if (!h) return [];
  const out: Candidate[] = [];
  let prefix: Candidate | undefined;
  let prefixLen = 0;
  for (const kind of COLUMN_KINDS) {
    HEADER_SYNONYMS[kind].forEach((syn, rank) => {
      if (syn === h) out.push({ kind, col, exact: true, rank });
      // "Vendor Response (please explain)", "ISO 27001 control(s)": the longest synonym that starts the header.
      else if ((h.startsWith(`${syn} `) || h.startsWith(`${syn}:`)) && syn.length > prefixLen) {
        prefix = { kind, col, exact: false, rank };
        prefixLen = syn.length;
      }
    });
  }
  if (!out.length && prefix) out.push(prefix);
  return out;
}

export function detectIn(
  headers: readonly string[],
  skip: ReadonlySet<ColumnKind> = new Set(),
): Partial<Record<ColumnKind, number>> {
  const all = headers.flatMap((h, i) => candidatesOf(h, i)).filter((c) => !skip.has(c.kind));
  const order = (a: Candidate, b: Candidate) =>
    Number(FIRST_PASS.has(b.kind)) - Number(FIRST_PASS.has(a.kind)) ||
    Number(b.exact) - Number(a.exact) ||
    a.rank - b.rank ||
    a.col - b.col;
  all.sort(order);
  const columns: Partial<Record<ColumnKind, number>> = {};
  const taken = new Set<number>();
  for (const c of all) {
    if (columns[c.kind] !== undefined || taken.has(c.col)) continue;
    columns[c.kind] = c.col;
    taken.add(c.col);
  }
  return columns;
}

/**
 * Find the header row (the first of the leading rows naming both a question and an answer column)
 * and map columns; explicit `mapping` entries override detection (null removes a kind). Unmatched
 * overrides are reported.
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
  const excluded = COLUMN_KINDS.filter((k) => mapping[k] === null);
  const columns = detectIn(headers, new Set(excluded));
  const detected = new Set(Object.keys(columns) as ColumnKind[]);
  const problems: string[] = [];
  for (const kind of COLUMN_KINDS) {
    const want = mapping[kind];
    if (want === undefined || want === null) continue;
    const idx =
      typeof want === 'number' ? want : headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(want));
    if (idx < 0 || idx >= Math.max(headers.length, 1)) {
      problems.push(
        `mapping.${kind} = ${JSON.stringify(want)} matches no column (headers: ${headers.map((h) => JSON.stringify(h)).join(', ')}). Use one of those header names or a 0-based column index.`,
      );
      continue;
    }
    // A column holds one kind: taking it for `kind` frees it from whatever detection gave it.
    for (const k of COLUMN_KINDS) {
      if (columns[k] === idx) {
        delete columns[k];
        detected.delete(k);
      }
    }
    columns[kind] = idx;
    detected.delete(kind);
  }
  return {
    mapping: { headerRow, headers, columns, excluded, detected: [...detected] },
    problems,
  };
}
