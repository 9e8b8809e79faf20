// The review report as a reader gets it: CSV rows per answer (injection-safe) and a printable HTML page.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checkEdit } from '../../../lib/review/edit-check';
import {
  buildReviewReport,
  csvCell,
  escapeFormulaCell,
  REPORT_COLUMNS,
  reportFormatFor,
} from '../../../lib/review/report';
import { record } from './builders';

function parseCsv(text: string): Record<string, string>[] {
  expect(text.startsWith('\ufeff')).toBe(true);
  const res = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(res.errors).toEqual([]);
  return res.data;
}

const edited = record({
  id: 'r2',
  fid: 'f2',
  question: 'How often are encryption keys rotated?',
  value: 'Keys rotate every 90 days.',
  at: '2025-06-15T10:05:00.000Z',
  edit: checkEdit('Keys rotate every 90 days.', 'Keys rotate every 30 days.', '2025-06-15T12:00:00.000Z'),
  decision: {
    status: 'sent-back',
    reviewer: 'Sam Reviewer',
    at: '2025-06-16T09:00:00.000Z',
    note: 'Check the rotation period',
  },
});
const stale = record({
  id: 'r1',
  flags: [
    {
      code: 'entry-stale',
      severity: 'medium',
      message: 'The library entry was due for review on 2025-01-01.',
      fix: 'Ask the owner.',
    },
  ],
});

describe('CSV report', () => {
  const rows = parseCsv(buildReviewReport([edited, stale], { format: 'csv' }));

  it('has one row per answer, in fill order, with every column', () => {
    expect(rows.map((r) => r['Question'])).toEqual([
      'Is customer data encrypted at rest?',
      'How often are encryption keys rotated?',
    ]);
    expect(Object.keys(rows[0]!)).toEqual(REPORT_COLUMNS.map(([h]) => h));
  });

  it('prints provenance: entry and version, evidence, controls per framework, confidence', () => {
    const r = rows[0]!;
    expect(r).toMatchObject({
      'Source entry': 'ans-1',
      'Entry version': '2',
      Confidence: '91%',
      Questionnaire: 'Acme 2025',
      Recipient: 'Acme Corp',
    });
    expect(r['Evidence']).toBe('Encryption policy (3.2) [evd-1] valid until 2026-01-01');
    expect(r['ISO/IEC 27001:2022 controls']).toBe('A.8.24 Use of cryptography');
    expect(r['SOC 2 (TSC 2017, rev. 2022) controls']).toBe(
      'CC6.1 Logical access security [crosswalk: published-mapping]',
    );
    expect(r['Flags']).toMatch(/^MEDIUM past review date: .*Fix: Ask the owner\.$/);
  });

  it('shows the edit after fill and the reviewer decision', () => {
    const r = rows[1]!;
    expect(r).toMatchObject({
      'Answer given': 'Keys rotate every 90 days.',
      'Current value on page': 'Keys rotate every 30 days.',
      'Edited after fill': 'yes',
      Edit: 'deleted "90", added "30"',
      Decision: 'sent-back',
      Reviewer: 'Sam Reviewer',
      'Reviewer note': 'Check the rotation period',
    });
    expect(r['Flags']).toMatch(/edited after fill/);
  });

  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
  ])('escapes formula cell %j', (input, out) => expect(escapeFormulaCell(input)).toBe(out));

  it('quotes commas, quotes and newlines and survives a round trip', () => {
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    const nasty = record({ value: '=cmd|" /C calc"!A0, and "more"\nline 2' });
    const [row] = parseCsv(buildReviewReport([nasty], { format: 'csv' }));
    expect(row!['Answer given']).toBe(`'=cmd|" /C calc"!A0, and "more"\nline 2`);
  });
});

describe('HTML report', () => {
  const html = buildReviewReport([edited, stale, record({ id: 'r3', question: '<script>alert(1)</script>' })], {
    format: 'html',
    generatedAt: '2025-06-16T10:00:00.000Z',
    signOffs: [{ questionnaireId: 'q1', reviewer: 'Sam Reviewer', at: '2025-06-16T10:00:00.000Z' }],
  });

  it('is one self-contained page with print CSS and no scripts or external requests', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toMatch(/@media print/);
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!127)/i);
  });

  it('lists every answer with its source, flags and decision, and the sign-off', () => {
    expect(html.match(/<tr[ >]/g)!.length).toBe(4); // header + 3 rows
    expect(html).toContain('How often are encryption keys rotated?');
    expect(html).toContain('ans-1 v2');
    expect(html).toContain('Edited on page: Keys rotate every 30 days.');
    expect(html).toContain('past review date');
    expect(html).toContain('Signed off by Sam Reviewer at 2025-06-16T10:00:00.000Z');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('reportFormatFor', () => {
  it('picks the format from the file name, and refuses unknown ones with the fix', () => {
    expect(reportFormatFor('out/report.CSV')).toBe('csv');
    expect(reportFormatFor('report.html')).toBe('html');
    expect(() => reportFormatFor('report.pdf')).toThrow(/\.csv.*\.html/);
  });
});
