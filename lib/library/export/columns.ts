// The spreadsheet layout of an export: one column per field, headers chosen so our own importer detects them
// again, and every field written so that CSV/XLSX → import → export gives the same table (lists escape their
// separator, roles and scope have columns of their own).
import type { Framework } from '../../controls';
import { escapeFormula, formatReuse, formatRoles, joinList } from '../import/cells';
import type { AnswerEntry, EvidenceItem } from '../schema';

export { escapeFormula };

const ids = (refs: AnswerEntry['controls'], fw: Framework) =>
  refs
    .filter((r) => r.framework === fw)
    .map((r) => r.id)
    .join('; ');

export const ENTRY_COLUMNS: readonly [string, (e: AnswerEntry) => string][] = [
  ['Entry id', (e) => e.id],
  ['Question', (e) => e.question],
  ['Alternatives', (e) => joinList(e.alternatives, '\n')],
  ['Answer', (e) => e.answer],
  ['Short answer', (e) => e.shortAnswer ?? ''],
  ['Comments', (e) => e.notes ?? ''],
  ['Owner', (e) => e.owner],
  ['Status', (e) => e.status],
  ['Approved by', (e) => e.approvedBy ?? ''],
  ['Approved at', (e) => e.approvedAt ?? ''],
  ['Review by', (e) => e.reviewBy ?? ''],
  ['Reuse', (e) => formatReuse(e.reuse)],
  ['Tags', (e) => joinList(e.tags)],
  ['ISO 27001:2022', (e) => ids(e.controls, 'iso27001:2022')],
  ['ISO 27001:2013', (e) => ids(e.controls, 'iso27001:2013')],
  ['SOC 2', (e) => ids(e.controls, 'soc2:2017')],
  ['Evidence ids', (e) => joinList(e.evidenceIds)],
  ['ISO 27001:2022 roles', (e) => formatRoles(e.roles['iso27001:2022'])],
  ['ISO 27001:2013 roles', (e) => formatRoles(e.roles['iso27001:2013'])],
  ['SOC 2 roles', (e) => formatRoles(e.roles['soc2:2017'])],
  ['Services', (e) => joinList(e.scope.services)],
  ['Environments', (e) => joinList(e.scope.environments)],
  ['Regions', (e) => joinList(e.scope.regions)],
  ['Data types', (e) => joinList(e.scope.dataTypes)],
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
  ['SOC 2 report type', (e) => e.frameworkDates.soc2?.reportType ?? ''],
  ['SOC 2 period start', (e) => e.frameworkDates.soc2?.periodStart ?? ''],
  ['SOC 2 period end', (e) => e.frameworkDates.soc2?.periodEnd ?? ''],
  ['ISO certificate issued', (e) => e.frameworkDates.iso?.certificateIssued ?? ''],
  ['ISO certificate valid until', (e) => e.frameworkDates.iso?.certificateValidUntil ?? ''],
  ['ISO next surveillance audit', (e) => e.frameworkDates.iso?.nextSurveillanceAudit ?? ''],
];

export function toTable<T>(columns: readonly [string, (r: T) => string][], records: readonly T[]): string[][] {
  return [columns.map(([h]) => h), ...records.map((r) => columns.map(([, get]) => escapeFormula(get(r))))];
}
