// Questionnaire table (CSV or one XLSX sheet, already split into cells) → validated answer entries,
// with one RowIssue per bad cell. Pure: no database, runs in Node.
import { z } from 'zod';
import type { ControlRef } from '../../controls/framework';
import { checkControl } from '../controls-check';
import { messages } from '../errors';
import { LIMITS } from '../limits';
import { DuplicateIndex, questionTokens, tokenFrequencies } from '../near-duplicates';
import { AnswerEntry, IsoDateTime, type AnswerEntryInput } from '../schema';
import { newId, nowIso } from '../stable';
import {
  hasMarkup,
  inferShortAnswer,
  parseDate,
  parseReuse,
  parseShortAnswer,
  parseStatus,
  splitList,
  unescapeCell,
} from './cells';
import { COLUMN_FRAMEWORK, COLUMN_KINDS, resolveMapping, type ColumnKind, type ResolvedMapping } from './columns';
import type { MergeProposal, ParseOptions, RowIssue } from './types';

export interface TableInput {
  table: string[][];
  fileName: string;
  sheet?: string;
  /** Cells may hold U+FFFD from invalid UTF-8: rows containing it are rejected. */
  invalidUtf8?: boolean;
  /** Problems found while splitting cells (e.g. unbalanced quotes), keyed by 0-based table row. */
  rowProblems?: Map<number, string>;
}

export interface TableResult {
  entries: AnswerEntry[];
  entryRows: number[];
  rejected: RowIssue[];
  warnings: RowIssue[];
  mergeProposals: MergeProposal[];
  rowsRead: number;
  mapping: ResolvedMapping;
  fatal?: string;
}

/** Which column reports a schema problem on an entry field. */
const FIELD_COLUMN: Partial<Record<keyof AnswerEntry, ColumnKind>> = {
  id: 'id',
  question: 'question',
  answer: 'answer',
  shortAnswer: 'shortAnswer',
  notes: 'comments',
  owner: 'owner',
  status: 'status',
  approvedAt: 'approvedAt',
  reviewBy: 'reviewBy',
  reuse: 'reuse',
  tags: 'tags',
  alternatives: 'alternatives',
  evidenceIds: 'evidenceIds',
  controls: 'controls',
};
const TEXT_KINDS: readonly ColumnKind[] = ['question', 'answer', 'comments', 'alternatives'];
const CONTROL_KINDS: readonly ColumnKind[] = ['controls', 'iso2022', 'iso2013', 'soc2'];

/**
 * Reads one row at a time (one instance per table, so no closures are created per row). Each mapped cell is
 * unescaped and trimmed once per row: the row loop asks for most kinds more than once.
 */
class RowReader {
  cells: string[] = [];
  row = 0;
  issues: RowIssue[] = [];
  private values: string[] = [];
  private readonly mapped: [slot: number, column: number][];
  private readonly slotOf: Partial<Record<ColumnKind, number>> = {};
  constructor(
    private readonly headers: string[],
    private readonly columns: Partial<Record<ColumnKind, number>>,
    private readonly sheet: { sheet?: string },
  ) {
    this.mapped = [];
    for (const kind of COLUMN_KINDS) {
      const col = columns[kind];
      if (col === undefined) continue;
      this.slotOf[kind] = this.mapped.length;
      this.mapped.push([this.mapped.length, col]);
    }
  }
  start(cells: string[], row: number): void {
    this.cells = cells;
    this.row = row;
    this.issues = [];
    const values = new Array<string>(this.mapped.length);
    for (const [slot, col] of this.mapped) values[slot] = unescapeCell(cells[col] ?? '').trim();
    this.values = values;
  }
  header(kind: ColumnKind): string {
    const i = this.columns[kind];
    return i === undefined ? '(row)' : this.headers[i] || `column ${i + 1}`;
  }
  raw(kind: ColumnKind): string {
    const slot = this.slotOf[kind];
    return slot === undefined ? '' : this.values[slot]!;
  }
  issue(kind: ColumnKind | undefined, reason: string): void {
    this.issues.push({ row: this.row, column: kind ? this.header(kind) : '(row)', reason, ...this.sheet });
  }
  date(kind: 'approvedAt' | 'reviewBy'): string | undefined {
    const v = this.raw(kind);
    if (!v) return undefined;
    const p = parseDate(v);
    if (!p.ok) this.issue(kind, p.reason);
    return p.ok ? p.value : undefined;
  }
}

export function tableToEntries(input: TableInput, opts: ParseOptions = {}): TableResult {
  const { mapping, problems } = resolveMapping(input.table, opts.mapping);
  const { headerRow, headers, columns } = mapping;
  const base = { entries: [], entryRows: [], warnings: [], mergeProposals: [], mapping } as const;
  const sheet = input.sheet ? { sheet: input.sheet } : {};
  const fileIssue = (reason: string): RowIssue => ({ row: 0, column: '(file)', reason, ...sheet });
  let dataRows = 0;
  for (let r = headerRow + 1; r < input.table.length; r++) if (input.table[r]!.some((c) => c.trim() !== '')) dataRows++;
  if (dataRows > LIMITS.maxRows) {
    // The parsers stop reading just past the limit, so the true count is unknown: say "more than".
    const fatal = messages.tooManyRows(`more than ${LIMITS.maxRows.toLocaleString('en-US')}`);
    return {
      ...base,
      entries: [],
      entryRows: [],
      warnings: [],
      mergeProposals: [],
      rejected: [fileIssue(fatal)],
      rowsRead: 0,
      fatal,
    };
  }
  const missing: string[] = [...problems];
  if (columns.question === undefined) missing.push(messages.missingColumn('Question', headers));
  if (columns.answer === undefined && columns.shortAnswer === undefined)
    missing.push(messages.missingColumn('Answer', headers));
  if (missing.length) {
    return {
      ...base,
      entries: [],
      entryRows: [],
      warnings: [],
      mergeProposals: [],
      rejected: missing.map(fileIssue),
      rowsRead: dataRows,
      fatal: missing.join(' '),
    };
  }

  const now = opts.now ?? nowIso();
  // Every row gets the same timestamps: check them once here instead of once per row (the datetime regex is
  // a third of the per-row schema cost). A bad `now` keeps the full schema, so each row reports it as before.
  const rowSchema = IsoDateTime.safeParse(now).success ? ImportedEntry : AnswerEntry;
  const out: TableResult = {
    entries: [],
    entryRows: [],
    rejected: [],
    warnings: [],
    mergeProposals: [],
    rowsRead: 0,
    mapping,
  };
  const qCol = columns.question!; // checked above
  const rowTokens = input.table.map((cells, r) =>
    r > headerRow ? questionTokens(unescapeCell(cells[qCol] ?? '')) : [],
  );
  const dupes = new DuplicateIndex<{ id: string; question: string; row: number }>(tokenFrequencies(rowTokens));
  const seenIds = new Map<string, number>();
  const rd = new RowReader(headers, columns, sheet);

  for (let r = headerRow + 1; r < input.table.length; r++) {
    const cells = input.table[r]!;
    if (cells.every((c) => c.trim() === '')) continue;
    out.rowsRead++;
    const row = r + 1;
    rd.start(cells, row);
    const issues = rd.issues;

    const structural = input.rowProblems?.get(r);
    if (structural) issues.push({ row, column: headers[cells.length - 1] || '(row)', reason: structural, ...sheet });
    if (input.invalidUtf8) {
      for (let i = 0; i < cells.length; i++) {
        if (cells[i]!.includes('\uFFFD'))
          issues.push({ row, column: headers[i] || `column ${i + 1}`, reason: messages.invalidUtf8(), ...sheet });
      }
    }
    for (const kind of TEXT_KINDS) {
      if (hasMarkup(rd.raw(kind)))
        out.warnings.push({ row, column: rd.header(kind), reason: messages.htmlKept(), ...sheet });
    }

    const question = rd.raw('question');
    const answerText = rd.raw('answer');
    const shortText = rd.raw('shortAnswer');
    if (!question) rd.issue('question', messages.emptyQuestion());
    let shortAnswer: AnswerEntry['shortAnswer'];
    if (shortText) {
      const p = parseShortAnswer(shortText);
      if (p.ok) shortAnswer = p.value;
      else rd.issue('shortAnswer', p.reason);
    } else shortAnswer = inferShortAnswer(answerText);
    const answer = answerText || shortText;
    if (!answer) rd.issue(columns.answer !== undefined ? 'answer' : 'shortAnswer', messages.emptyAnswer());

    const controls: ControlRef[] = [];
    for (const kind of CONTROL_KINDS) {
      for (const token of splitList(rd.raw(kind), /[;,\n]+/)) {
        const fw = COLUMN_FRAMEWORK[kind];
        const res = checkControl(token, fw === 'iso' ? undefined : fw);
        if (!res.ok) rd.issue(kind, res.error);
        else if (fw === 'iso' && res.ref.framework === 'soc2:2017')
          rd.issue(
            kind,
            `${token} is a SOC 2 id in an ISO 27001 column. Move it to the SOC 2 column (or a Controls column).`,
          );
        else controls.push(res.ref);
      }
    }
    const approvedAt = rd.date('approvedAt');
    const reviewBy = rd.date('reviewBy');
    const statusP = rd.raw('status')
      ? parseStatus(rd.raw('status'))
      : ({ ok: true, value: opts.defaultStatus ?? 'draft' } as const);
    if (!statusP.ok) rd.issue('status', statusP.reason);
    const reuseP = rd.raw('reuse')
      ? parseReuse(rd.raw('reuse'))
      : ({ ok: true, value: opts.defaultReuse ?? { level: 'internal' } } as const);
    if (!reuseP.ok) rd.issue('reuse', reuseP.reason);

    const id = rd.raw('id') || newId('ans');
    const firstRow = seenIds.get(id);
    if (firstRow !== undefined)
      rd.issue(
        'id',
        `entry id "${id}" is already used on row ${firstRow}. Give each row its own id or leave the column empty.`,
      );

    if (!issues.length) {
      const draft: AnswerEntryInput = {
        id,
        question,
        alternatives: splitList(rd.raw('alternatives'), /\n/),
        answer,
        shortAnswer,
        notes: rd.raw('comments') || undefined,
        controls: dedupe(controls),
        evidenceIds: splitList(rd.raw('evidenceIds')),
        owner: rd.raw('owner') || opts.defaultOwner || 'unassigned',
        roles: {},
        status: statusP.ok ? statusP.value : 'draft',
        approvedAt,
        reviewBy,
        reuse: reuseP.ok ? reuseP.value : { level: 'internal' },
        tags: splitList(rd.raw('tags')),
        source: `import:${input.fileName}#row${row}`,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      const parsed = rowSchema.safeParse(draft);
      if (!parsed.success) {
        for (const i of parsed.error.issues)
          rd.issue(FIELD_COLUMN[i.path[0] as keyof AnswerEntry], `${i.path.join('.')}: ${i.message}`);
      } else {
        const entry = parsed.data;
        seenIds.set(id, row);
        const tokens = rowTokens[r]!;
        // Rows carrying an explicit entry id are identified records (e.g. our own export): never held back.
        const key = { id, question: entry.question, row };
        let dup: ReturnType<typeof dupes.best>;
        if (rd.raw('id')) dupes.add(key, tokens);
        else dup = dupes.bestOrAdd(key, tokens);
        if (dup) {
          out.mergeProposals.push({
            incoming: entry,
            row,
            target: { id: dup.key.id, question: dup.key.question, in: 'file', row: dup.key.row },
            similarity: dup.similarity,
          });
        } else {
          out.entries.push(entry);
          out.entryRows.push(row);
        }
      }
    }
    out.rejected.push(...issues);
  }
  return out;
}

/** AnswerEntry with the timestamps already checked (same fields, same key order, same output type). */
const ImportedEntry = AnswerEntry.extend({ createdAt: z.string(), updatedAt: z.string() });

function dedupe(refs: ControlRef[]): ControlRef[] {
  if (refs.length < 2) return refs;
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.framework}|${r.id}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
