// The spreadsheet layout of an export: one column per field, headers chosen so our own importer
// detects them again (CSV/XLSX → import → export gives the same table).
import type { Framework } from '../../controls/framework';
import { formatReuse } from '../import/cells';
import type { AnswerEntry, EvidenceItem } from '../schema';

/** Spreadsheet apps run cells starting with = + - @ (and tab/CR tricks) as formulas: prefix a ' to keep them text. */
export function escapeFormula(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

const ids = (refs: AnswerEntry['controls'], fw: Framework) =>
  refs
    .filter((r) => r.framework === fw)
    .map((r) => r.id)
    .join('; ');

export const ENTRY_COLUMNS: readonly [string, (e: AnswerEntry) => string][] = [
  ['Entry id', (e) => e.id],
  ['Question', (e) => e.question],
  ['Alternatives', (e) => e.alternatives.join('\n')],
  ['Answer', (e) => e.answer],
  ['Short answer', (e) => e.shortAnswer ?? ''],
  ['Comments', (e) => e.notes ?? ''],
  ['Owner', (e) => e.owner],
  ['Status', (e) => e.status],
  ['ISO 27001:2022', (e) => ids(e.controls, 'iso27001:2022')],
  ['ISO 27001:2013', (e) => ids(e.controls, 'iso27001:2013')],
  ['SOC 2', (e) => ids(e.controls, 'soc2:2017')],
  ['Evidence ids', (e) => e.evidenceIds.join('; ')],
  ['Approved at', (e) => e.approvedAt ?? ''],
  ['Review by', (e) => e.reviewBy ?? ''],
  ['Reuse', (e) => formatReuse(e.reuse)],
  ['Tags', (e) => e.tags.join('; ')],
];

export const EVIDENCE_COLUMNS: readonly [string, (e: EvidenceItem) => string][] = [
  ['Evidence id', (e) => e.id],
  ['Title', (e) => e.title],
  ['Kind', (e) => e.kind],
  ['Location', (e) => e.location.uri],
  ['Section', (e) => e.location.section ?? ''],
  ['Owner', (e) => e.owner],
  ['Issued at', (e) => e.issuedAt ?? ''],
  ['Valid until', (e) => e.validUntil ?? ''],
  ['Reuse', (e) => formatReuse(e.reuse)],
  ['Status', (e) => e.status],
  ['ISO 27001:2022', (e) => ids(e.controls, 'iso27001:2022')],
  ['ISO 27001:2013', (e) => ids(e.controls, 'iso27001:2013')],
  ['SOC 2', (e) => ids(e.controls, 'soc2:2017')],
  ['Summary', (e) => e.summary ?? ''],
];

export function toTable<T>(columns: readonly [string, (r: T) => string][], records: readonly T[]): string[][] {
  return [columns.map(([h]) => h), ...records.map((r) => columns.map(([, get]) => escapeFormula(get(r))))];
}
