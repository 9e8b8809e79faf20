// The reviewer-workflow pieces of the extension that run without a browser: the library manager's "edited on page" filter, and the demo's report options.
import { describe, expect, it } from 'vitest';
import { filterEntries, NO_FILTER } from '../../../entrypoints/options/filters';
import { parseDemoArgs, reportRows } from '../../../lib/cli/demo';
import type { AnswerEntry } from '../../../lib/library/schema';
import { buildReviewReport } from '../../../lib/review/report';
import { FillRecord } from '../../../lib/review/schema';

describe('edited-on-page filter', () => {
  const e = (id: string, source: string): AnswerEntry => ({
    id,
    question: 'Q',
    alternatives: [],
    answer: 'A',
    controls: [],
    evidenceIds: [],
    owner: 'Ann',
    roles: {},
    status: 'draft',
    scope: { services: [], environments: [], regions: [], dataTypes: [] },
    reuse: { level: 'nda' },
    tags: [],
    source,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    version: 2,
  });
  it('keeps only drafts saved back from a page edit', () => {
    const entries = [e('a', 'import'), e('b', 'page edit')];
    expect(filterEntries(entries, { ...NO_FILTER, origin: 'page-edit' }).map((x) => x.id)).toEqual(['b']);
    expect(filterEntries(entries, NO_FILTER).map((x) => x.id)).toEqual(['a', 'b']);
  });
});

describe('demo --review-report', () => {
  it('takes a .csv or .html path and refuses anything else before running', () => {
    expect(parseDemoArgs(['--headless', '--review-report', 'out/report.csv']).reviewReport).toBe('out/report.csv');
    expect(() => parseDemoArgs(['--review-report'])).toThrow(/needs a file name/);
    expect(() => parseDemoArgs(['--review-report', 'report.pdf'])).toThrow(/\.csv.*\.html/);
  });

  it('counts answer rows in both report formats, multi-line answers included', () => {
    const rec = (id: string, value: string) =>
      FillRecord.parse({
        id,
        questionnaire: { id: 'q' },
        fid: id,
        question: `Q ${id}`,
        fieldKind: 'textarea',
        value,
        action: 'fill',
        at: '2026-01-01T00:00:00.000Z',
      });
    const records = [rec('a', 'line one\nline two'), rec('b', 'x'), rec('c', 'say "hi", then go')];
    expect(reportRows(buildReviewReport(records, { format: 'csv' }), 'csv')).toBe(3);
    expect(reportRows(buildReviewReport(records, { format: 'html' }), 'html')).toBe(3);
  });
});
