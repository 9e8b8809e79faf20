// Questionnaire table (CSV or one XLSX sheet, already split into cells) → validated answer entries,
// with one RowIssue per bad cell. Pure: no database, runs in Node.
import { z } from 'zod';
import type { ControlRef } from '../../controls';
import { checkControl } from '../controls-check';
import { messages } from '../errors';
import { LIMITS } from '../limits';
import { DuplicateIndex, questionTokens, tokenFrequencies } from '../near-duplicates';
import { AnswerEntry, IsoDateTime, type AnswerEntryInput, type FrameworkRoles } from '../schema';
import { newId, nowIso } from '../stable';
import { runSteps } from '../yield';
import {
  hasMarkup,
  parseReuse,
  parseRoles,
  parseShortAnswer,
  parseStatus,
  ROLE_FRAMEWORKS,
  splitList,
  unescapeCell,
} from './cells';
import {
  COLUMN_FRAMEWORK,
  COLUMN_KINDS,
  GENERIC_ID_HEADERS,
  normalizeHeader,
  resolveMapping,
  ROLE_COLUMN,
  type ColumnKind,
  type ResolvedMapping,
} from './columns';
import { addMonths, dateOrderOf, parseDate, type DateOrder } from './dates';
import { FALLBACK_OWNER, FALLBACK_REUSE, FALLBACK_STATUS } from './defaults';
import { bit, fieldsOfColumns, type FileField } from './fields';
import type { DateInfo, MergeProposal, ParseOptions, RowIssue } from './types';

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
  /** Per accepted entry: bits (fields.ts `bit`) of the fields its row left to the defaults. */
  entryDefaulted: number[];
  /** The entry fields this file has columns for. */
  fields: FileField[];
  rejected: RowIssue[];
  warnings: RowIssue[];
  mergeProposals: MergeProposal[];
  rowsRead: number;
  mapping: ResolvedMapping;
  dates: DateInfo;
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
  approvedBy: 'approvedBy',
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
const DATE_KINDS = ['approvedAt', 'reviewBy'] as const;

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
    private readonly order: DateOrder | undefined,
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
    const p = parseDate(v, this.order);
    if (!p.ok) this.issue(kind, p.reason);
    return p.ok ? p.value : undefined;
  }
}

/** A detected generic id column ("ID", "Ref") is the entry id only if every row has its own value. */
function checkIdColumn(
  table: string[][],
  headerRow: number,
  mapping: ResolvedMapping,
): { keep: true } | { keep: false; why: string } {
  const col = mapping.columns.id;
  if (col === undefined || !mapping.detected?.includes('id')) return { keep: true };
  if (!GENERIC_ID_HEADERS.has(normalizeHeader(mapping.headers[col] ?? ''))) return { keep: true };
  const seen = new Set<string>();
  for (let r = headerRow + 1; r < table.length; r++) {
    const cells = table[r]!;
    if (cells.every((c) => c.trim() === '')) continue;
    const v = unescapeCell(cells[col] ?? '').trim();
    if (!v) return { keep: false, why: `row ${r + 1} has no value in it` };
    if (seen.has(v)) return { keep: false, why: `"${v}" appears on more than one row (again on row ${r + 1})` };
    seen.add(v);
  }
  return { keep: true };
}

/** Rows between yields: a few milliseconds of work on a slow machine. */
const ROWS_PER_STEP = 250;

export function tableToEntries(input: TableInput, opts: ParseOptions = {}): TableResult {
  return runSteps(tableToEntriesSteps(input, opts));
}

/** tableToEntries as steps (yield.ts): the library page runs it a slice at a time so the side panel stays responsive. */
export function* tableToEntriesSteps(input: TableInput, opts: ParseOptions = {}): Generator<void, TableResult> {
  const { mapping, problems } = resolveMapping(input.table, opts.mapping);
  const { headerRow, headers, columns } = mapping;
  const sheet = input.sheet ? { sheet: input.sheet } : {};
  const fileIssue = (reason: string): RowIssue => ({ row: 0, column: '(file)', reason, ...sheet });
  const out: TableResult = {
    entries: [],
    entryRows: [],
    entryDefaulted: [],
    fields: [],
    rejected: [],
    warnings: [],
    mergeProposals: [],
    rowsRead: 0,
    mapping,
    dates: { ask: false, examples: [] },
  };
  let dataRows = 0;
  for (let r = headerRow + 1; r < input.table.length; r++) if (input.table[r]!.some((c) => c.trim() !== '')) dataRows++;
  if (dataRows > LIMITS.maxRows) {
    // The parsers stop reading just past the limit, so the true count is unknown: say "more than".
    const fatal = messages.tooManyRows(`more than ${LIMITS.maxRows.toLocaleString('en-US')}`);
    return { ...out, rejected: [fileIssue(fatal)], fatal };
  }
  const missing: string[] = [...problems];
  if (columns.question === undefined) missing.push(messages.missingColumn('Question', headers));
  if (columns.answer === undefined && columns.shortAnswer === undefined)
    missing.push(messages.missingColumn('Answer', headers));
  if (missing.length) return { ...out, rejected: missing.map(fileIssue), rowsRead: dataRows, fatal: missing.join(' ') };

  const idCheck = checkIdColumn(input.table, headerRow, mapping);
  if (!idCheck.keep) {
    const header = headers[columns.id!] || `column ${columns.id! + 1}`;
    out.warnings.push(
      fileIssue(
        `Column "${header}" is not used as the entry id: ${idCheck.why}. Entries get new ids, so importing this file again adds them again instead of updating them. Map a column with one value per row as "Entry id" to update on re-import.`,
      ),
    );
    delete columns.id;
    mapping.detected = mapping.detected?.filter((k) => k !== 'id');
  }
  out.fields = [...fieldsOfColumns(columns)];

  // Slash dates: one order for the whole file, from the user, else from the dates that settle it.
  const dateValues: string[] = [];
  for (const kind of DATE_KINDS) {
    const col = columns[kind];
    if (col === undefined) continue;
    for (let r = headerRow + 1; r < input.table.length; r++) dateValues.push(input.table[r]![col] ?? '');
  }
  const found = dateOrderOf(dateValues);
  const order = opts.dateOrder ?? found.order;
  out.dates = { order, inferred: !opts.dateOrder && !!found.order, ask: !order && found.ask, examples: found.examples };

  const defaults = opts.defaults ?? {};
  const now = opts.now ?? nowIso();
  const today = now.slice(0, 10);
  // Every row gets the same timestamps: check them once here instead of once per row (the datetime regex is
  // a third of the per-row schema cost). A bad `now` keeps the full schema, so each row reports it as before.
  const rowSchema = IsoDateTime.safeParse(now).success ? ImportedEntry : AnswerEntry;
  const qCol = columns.question!; // checked above
  // Near-duplicates within the file are looked for among rows without an id (rows with one are identified
  // records, e.g. our own export, and never held back): a file where every row has an id skips the work.
  const idCol = columns.id;
  const everyRowHasId =
    idCol !== undefined &&
    input.table.every(
      (cells, r) => r <= headerRow || cells.every((c) => c.trim() === '') || !!(cells[idCol] ?? '').trim(),
    );
  const rowTokens: string[][] = new Array<string[]>(input.table.length);
  if (!everyRowHasId) {
    for (let r = 0; r < input.table.length; r++) {
      rowTokens[r] = r > headerRow ? questionTokens(unescapeCell(input.table[r]![qCol] ?? '')) : [];
      if (r % (ROWS_PER_STEP * 4) === 0) yield;
    }
  }
  const dupes = everyRowHasId
    ? undefined
    : new DuplicateIndex<{ id: string; question: string; row: number }>(tokenFrequencies(rowTokens));
  const seenIds = new Map<string, number>();
  const rd = new RowReader(headers, columns, sheet, order);
  const roleColumns = ROLE_FRAMEWORKS.filter((f) => columns[ROLE_COLUMN[f]] !== undefined);

  for (let r = headerRow + 1; r < input.table.length; r++) {
    if (r % ROWS_PER_STEP === 0) yield;
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
    let shortAnswer: string | undefined;
    if (shortText) {
      const p = parseShortAnswer(shortText);
      if (p.ok) shortAnswer = p.value;
      else rd.issue('shortAnswer', p.reason);
    }
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
    const roles: Partial<Record<(typeof ROLE_FRAMEWORKS)[number], FrameworkRoles>> = {};
    for (const fw of roleColumns) {
      const v = rd.raw(ROLE_COLUMN[fw]);
      if (!v) continue;
      const p = parseRoles(v, order);
      if (!p.ok) rd.issue(ROLE_COLUMN[fw], p.reason);
      else if (p.value) roles[fw] = p.value;
    }

    // Defaults, for what the row leaves empty (fields.ts: a re-import keeps the library's value instead).
    let defaulted = 0;
    let status = FALLBACK_STATUS;
    if (rd.raw('status')) {
      const p = parseStatus(rd.raw('status'));
      if (p.ok) status = p.value;
      else rd.issue('status', p.reason);
    } else {
      status = defaults.status?.status ?? FALLBACK_STATUS;
      defaulted |= bit('status');
    }
    const approvedByDefault = status === 'approved' && defaults.status?.status === 'approved';
    let approvedBy: string | undefined = rd.raw('approvedBy') || undefined;
    if (!approvedBy) {
      defaulted |= bit('approvedBy');
      if (approvedByDefault && defaults.status?.status === 'approved') approvedBy = defaults.status.approvedBy;
    }
    let approvedAt = rd.date('approvedAt');
    if (!rd.raw('approvedAt')) {
      defaulted |= bit('approvedAt');
      if (approvedByDefault && defaults.status?.status === 'approved') approvedAt = defaults.status.approvedAt;
    }
    let reviewBy = rd.date('reviewBy');
    if (!rd.raw('reviewBy')) {
      defaulted |= bit('reviewBy');
      const rv = defaults.review;
      if (rv?.kind === 'date') reviewBy = rv.date;
      else if (rv) reviewBy = addMonths(approvedAt ?? today, rv.months);
    }
    let reuse = defaults.reuse ?? FALLBACK_REUSE;
    if (rd.raw('reuse')) {
      const p = parseReuse(rd.raw('reuse'));
      if (p.ok) reuse = p.value;
      else rd.issue('reuse', p.reason);
    } else defaulted |= bit('reuse');
    let owner = rd.raw('owner');
    if (!owner) {
      owner = defaults.owner || FALLBACK_OWNER;
      defaulted |= bit('owner');
    }

    const id = rd.raw('id') || newId('ans');
    const firstRow = seenIds.get(id);
    if (firstRow !== undefined)
      rd.issue(
        'id',
        `entry id "${id}" is already used on row ${firstRow}. Give each row its own id or leave the column empty.`,
      );

    if (!issues.length) {
      const category = splitList(rd.raw('category'));
      const tagList = splitList(rd.raw('tags'));
      const draft: AnswerEntryInput = {
        id,
        question,
        alternatives: splitList(rd.raw('alternatives'), /\n/),
        answer,
        shortAnswer,
        notes: rd.raw('comments') || undefined,
        controls: dedupe(controls),
        evidenceIds: splitList(rd.raw('evidenceIds')),
        owner,
        roles,
        status,
        approvedBy,
        approvedAt,
        reviewBy,
        scope: {
          services: splitList(rd.raw('services')),
          environments: splitList(rd.raw('environments')),
          regions: splitList(rd.raw('regions')),
          dataTypes: splitList(rd.raw('dataTypes')),
        },
        reuse,
        tags: category.length ? [...new Set([...category, ...tagList])] : tagList,
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
        // Rows carrying an explicit entry id are identified records (e.g. our own export): never held back.
        let dup: ReturnType<DuplicateIndex<{ id: string; question: string; row: number }>['best']>;
        if (dupes) {
          const tokens = rowTokens[r]!;
          const key = { id, question: entry.question, row };
          if (rd.raw('id')) dupes.add(key, tokens);
          else dup = dupes.bestOrAdd(key, tokens);
        }
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
          out.entryDefaulted.push(defaulted);
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
