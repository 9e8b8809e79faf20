// The review report: one row per fill/copy with the answer, where it came from (entry + version, evidence,
// controls per framework), flags and the reviewer's decision. CSV for spreadsheets (formula-injection safe)
// and a self-contained printable HTML page (the browser's Print gives the PDF). Pure: runs in Node too.
import { FRAMEWORKS, FRAMEWORK_LABEL, type Framework } from '../controls';
import { recordFlags } from './checks';
import { diffText } from './diff';
import { questionnaireOrder } from './order';
import { reportHtml } from './report-html';
import { FLAG_LABEL, TRIGGER_LABEL, type Flag, type FillRecord, type SignOff } from './schema';

export type ReportFormat = 'csv' | 'html';

export interface ReportOptions {
  format: ReportFormat;
  title?: string;
  /** Shown in the header; defaults to now. */
  generatedAt?: string;
  signOffs?: readonly SignOff[];
  /** Flags per record (e.g. re-run against today's library); default: the flags saved at fill time plus edits. */
  flagsFor?: (record: FillRecord) => Flag[];
}

export interface ReportRow {
  questionnaire: string;
  recipient: string;
  section: string;
  number: string;
  question: string;
  fieldKind: string;
  action: string;
  answer: string;
  currentValue: string;
  edited: string;
  editDiff: string;
  previous: string;
  trigger: string;
  entryId: string;
  entryVersion: string;
  libraryQuestion: string;
  owner: string;
  confidence: string;
  evidence: string;
  controls: Record<Framework, string>;
  flags: string;
  decision: string;
  reviewer: string;
  decidedAt: string;
  note: string;
  filledAt: string;
  savedToLibrary: string;
}

export const REPORT_COLUMNS: readonly [string, (r: ReportRow) => string][] = [
  ['Questionnaire', (r) => r.questionnaire],
  ['Recipient', (r) => r.recipient],
  ['Section', (r) => r.section],
  ['No.', (r) => r.number],
  ['Question', (r) => r.question],
  ['Field kind', (r) => r.fieldKind],
  ['Action', (r) => r.action],
  ['Answer given', (r) => r.answer],
  ['Current value on page', (r) => r.currentValue],
  ['Edited after fill', (r) => r.edited],
  ['Edit', (r) => r.editDiff],
  ['Replaced value', (r) => r.previous],
  ['Filled by', (r) => r.trigger],
  ['Source entry', (r) => r.entryId],
  ['Entry version', (r) => r.entryVersion],
  ['Library question', (r) => r.libraryQuestion],
  ['Owner', (r) => r.owner],
  ['Confidence', (r) => r.confidence],
  ['Evidence', (r) => r.evidence],
  ...FRAMEWORKS.map((fw): [string, (r: ReportRow) => string] => [
    `${FRAMEWORK_LABEL[fw]} controls`,
    (r) => r.controls[fw],
  ]),
  ['Flags', (r) => r.flags],
  ['Decision', (r) => r.decision],
  ['Reviewer', (r) => r.reviewer],
  ['Decided at', (r) => r.decidedAt],
  ['Reviewer note', (r) => r.note],
  ['Filled at', (r) => r.filledAt],
  ['Saved to library', (r) => r.savedToLibrary],
];

export function defaultFlags(record: FillRecord): Flag[] {
  const own = recordFlags(record);
  return [...record.flags.filter((f) => !own.some((o) => o.code === f.code)), ...own];
}

function controlsCell(record: FillRecord, fw: Framework): string {
  return record.controls
    .filter((c) => c.framework === fw)
    .map(
      (c) => `${c.id} ${c.title}${c.via ? ` [crosswalk: ${c.via.source}${c.via.disputed ? ', disputed' : ''}]` : ''}`,
    )
    .join('; ');
}

export function toReportRow(record: FillRecord, flags: readonly Flag[]): ReportRow {
  const q = record.questionnaire;
  return {
    questionnaire: q.name || q.pageTitle || q.url,
    recipient: q.recipient,
    section: record.section ?? '',
    number: record.number ?? '',
    question: record.question,
    fieldKind: record.fieldKind,
    action: record.action,
    answer: record.value,
    currentValue: record.edit?.currentValue ?? '',
    edited: record.edit ? (record.edit.editedAfterFill ? 'yes' : 'no') : 'not checked',
    editDiff: record.edit?.editedAfterFill ? diffText(record.edit.diff) : '',
    previous: record.previous ?? '',
    trigger: record.trigger ? TRIGGER_LABEL[record.trigger] : '',
    entryId: record.entryId ?? '(no library entry)',
    entryVersion: record.entryVersion !== undefined ? String(record.entryVersion) : '',
    libraryQuestion: record.matchedQuestion ?? '',
    owner: record.owner ?? '',
    confidence: record.confidence !== undefined ? `${Math.round(record.confidence * 100)}%` : '',
    evidence: record.evidence
      .map(
        (e) =>
          `${e.title}${e.section ? ` (${e.section})` : ''} [${e.id}]${e.validUntil ? ` valid until ${e.validUntil}` : ''}`,
      )
      .join('; '),
    controls: Object.fromEntries(FRAMEWORKS.map((fw) => [fw, controlsCell(record, fw)])) as Record<Framework, string>,
    flags: flags.map((f) => `${f.severity.toUpperCase()} ${FLAG_LABEL[f.code]}: ${f.message} Fix: ${f.fix}`).join('\n'),
    decision: record.decision.status,
    reviewer: record.decision.reviewer ?? '',
    decidedAt: record.decision.at ?? '',
    note: record.decision.note ?? '',
    filledAt: record.at,
    savedToLibrary: record.savedToLibrary
      ? `${record.savedToLibrary.mode} ${record.savedToLibrary.entryId} v${record.savedToLibrary.version}`
      : '',
  };
}

/** Spreadsheet apps run cells starting with = + - @ (and tab/CR tricks) as formulas: prefix them with '. */
export function escapeFormulaCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function csvCell(v: string): string {
  const safe = escapeFormulaCell(v);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly ReportRow[]): string {
  const lines = [REPORT_COLUMNS.map(([h]) => csvCell(h)).join(',')];
  for (const row of rows) lines.push(REPORT_COLUMNS.map(([, get]) => csvCell(get(row))).join(','));
  // CRLF per RFC 4180; the BOM makes Excel read UTF-8.
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The report as file text: CSV, or a self-contained HTML page. Records are listed in questionnaire order. */
export function buildReviewReport(records: readonly FillRecord[], opts: ReportOptions): string {
  const sorted = questionnaireOrder(records);
  const flagsFor = opts.flagsFor ?? defaultFlags;
  const rows = sorted.map((r) => toReportRow(r, flagsFor(r)));
  if (opts.format === 'csv') return toCsv(rows);
  return reportHtml(rows, {
    title: opts.title ?? 'Crosswalk review report',
    generatedAt: opts.generatedAt ?? new Date().toISOString(),
    signOffs: opts.signOffs ?? [],
  });
}

/** "report.csv" -> csv, "report.html"/".htm" -> html; anything else is refused with the fix. */
export function reportFormatFor(path: string): ReportFormat {
  const ext = path.toLowerCase().split('.').pop();
  if (ext === 'csv') return 'csv';
  if (ext === 'html' || ext === 'htm') return 'html';
  throw new Error(
    `Cannot tell the report format from "${path}". Name the file .csv (spreadsheet) or .html (printable page; print it to PDF).`,
  );
}
