// The "Evidence" sheet of an XLSX export → evidence items. Only our own export layout is read here
// (questionnaires carry answers, not evidence registers), so headers are matched exactly (case-insensitive).
import type { ControlRef, Framework } from '../../controls';
import { checkControl } from '../controls-check';
import { EVIDENCE_COLUMNS } from '../export/columns';
import { EvidenceItem, type EvidenceItemInput } from '../schema';
import { newId, nowIso } from '../stable';
import { parseReuse, splitList, unescapeCell } from './cells';
import { parseDate } from './dates';
import { normalizeHeader } from './columns';
import type { RowIssue } from './types';

const CONTROL_HEADERS: Record<string, Framework> = {
  'ISO 27001:2022': 'iso27001:2022',
  'ISO 27001:2013': 'iso27001:2013',
  'SOC 2': 'soc2:2017',
};

export function evidenceTableToItems(
  table: string[][],
  sheet: string,
  now: string = nowIso(),
): { items: EvidenceItem[]; rejected: RowIssue[]; rowsRead: number } {
  const headers = (table[0] ?? []).map((h) => h.trim());
  const index = new Map(
    EVIDENCE_COLUMNS.map(([h]) => [h, headers.findIndex((x) => normalizeHeader(x) === normalizeHeader(h))]),
  );
  const items: EvidenceItem[] = [];
  const rejected: RowIssue[] = [];
  let rowsRead = 0;
  for (let r = 1; r < table.length; r++) {
    const cells = table[r]!;
    if (cells.every((c) => c.trim() === '')) continue;
    rowsRead++;
    const row = r + 1;
    const issues: RowIssue[] = [];
    const get = (h: string) => {
      const i = index.get(h) ?? -1;
      return i < 0 ? '' : unescapeCell(cells[i] ?? '').trim();
    };
    const date = (h: string) => {
      const v = get(h);
      if (!v) return undefined;
      const p = parseDate(v);
      if (!p.ok) issues.push({ row, column: h, reason: p.reason, sheet });
      return p.ok ? p.value : undefined;
    };
    const controls: ControlRef[] = [];
    for (const [h, fw] of Object.entries(CONTROL_HEADERS)) {
      for (const token of splitList(get(h), /[;,\n]+/)) {
        const res = checkControl(token, fw);
        if (res.ok) controls.push(res.ref);
        else issues.push({ row, column: h, reason: res.error, sheet });
      }
    }
    const soc2 = {
      ...(get('SOC 2 report type') ? { reportType: get('SOC 2 report type') as 'type1' | 'type2' } : {}),
      ...(get('SOC 2 period start') ? { periodStart: date('SOC 2 period start') } : {}),
      ...(get('SOC 2 period end') ? { periodEnd: date('SOC 2 period end') } : {}),
    };
    const iso = {
      ...(get('ISO certificate issued') ? { certificateIssued: date('ISO certificate issued') } : {}),
      ...(get('ISO certificate valid until') ? { certificateValidUntil: date('ISO certificate valid until') } : {}),
      ...(get('ISO next surveillance audit') ? { nextSurveillanceAudit: date('ISO next surveillance audit') } : {}),
    };
    const reuse = get('Reuse') ? parseReuse(get('Reuse')) : ({ ok: true, value: { level: 'internal' } } as const);
    if (!reuse.ok) issues.push({ row, column: 'Reuse', reason: reuse.reason, sheet });
    const draft: EvidenceItemInput = {
      id: get('Evidence id') || newId('evd'),
      title: get('Title'),
      kind: get('Kind') as EvidenceItemInput['kind'],
      location: { uri: get('Location'), ...(get('Section') ? { section: get('Section') } : {}) },
      owner: get('Owner'),
      issuedAt: date('Issued at'),
      validUntil: date('Valid until'),
      frameworkDates: {
        ...(Object.keys(soc2).length ? { soc2 } : {}),
        ...(Object.keys(iso).length ? { iso } : {}),
      },
      reuse: reuse.ok ? reuse.value : { level: 'internal' },
      status: (get('Status') || 'current') as EvidenceItemInput['status'],
      controls,
      summary: get('Summary') || undefined,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const parsed = EvidenceItem.safeParse(draft);
    if (!parsed.success) {
      const column = (f: string) =>
        ({
          title: 'Title',
          kind: 'Kind',
          location: 'Location',
          owner: 'Owner',
          status: 'Status',
          frameworkDates: 'SOC 2 report type',
        })[f] ?? f;
      for (const i of parsed.error.issues)
        issues.push({ row, column: column(String(i.path[0])), reason: `${i.path.join('.')}: ${i.message}`, sheet });
    }
    if (issues.length || !parsed.success) rejected.push(...issues);
    else items.push(parsed.data);
  }
  return { items, rejected, rowsRead };
}
