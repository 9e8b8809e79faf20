// Import defaults chosen once per file: applied only to rows without the value, accepted in the words the UI
// shows, and recorded in each imported entry's history.
import { describe, expect, it } from 'vitest';
import {
  describeDefaults,
  importFile,
  parseLibraryFile,
  parseReviewDefault,
  parseReuseDefault,
  parseStatusDefault,
  type ImportDefaults,
} from '../../../lib/library';
import { bytes, freshLibrary } from './helpers';

const FILE = bytes(
  'Question,Answer,Owner,Status,Last reviewed\n' +
    'Is MFA enforced?,Yes for all staff.,alice,,2026-01-10\n' +
    'Do you back up daily?,Yes.,,draft,\n',
);
const DEFAULTS: ImportDefaults = {
  status: { status: 'approved', approvedBy: 'Dana Whitfield', approvedAt: '2026-03-01' },
  reuse: { level: 'nda' },
  owner: 'Security team',
  review: { kind: 'cycle', months: 12 },
};

describe('import defaults', () => {
  it('fill only what a row leaves empty', () => {
    const res = parseLibraryFile('q.csv', FILE, { defaults: DEFAULTS, now: '2026-06-01T00:00:00.000Z' });
    expect(res.rejected).toEqual([]);
    const [a, b] = res.accepted.entries;
    // Row 2: no status → approved by the default approver, on its own "Last reviewed" date; its own owner.
    expect(a).toMatchObject({
      status: 'approved',
      approvedBy: 'Dana Whitfield',
      approvedAt: '2026-01-10',
      owner: 'alice',
      reuse: { level: 'nda' },
      reviewBy: '2027-01-10',
    });
    // Row 3: the file says draft, so no approval is invented; the owner falls back to the default.
    expect(b).toMatchObject({ status: 'draft', owner: 'Security team', reuse: { level: 'nda' } });
    expect(b!.approvedBy).toBeUndefined();
    expect(b!.approvedAt).toBeUndefined();
    expect(b!.reviewBy).toBe('2027-06-01'); // a year from the import, as it has no date of its own
  });

  it('without a choice, rows are drafts for internal use (and the CLI says so)', () => {
    const res = parseLibraryFile('q.csv', FILE);
    expect(res.accepted.entries.map((e) => [e.status, e.reuse.level])).toEqual([
      ['draft', 'internal'],
      ['draft', 'internal'],
    ]);
  });

  it('are recorded in the history of each entry the import writes', async () => {
    const lib = await freshLibrary();
    const report = await importFile(lib, 'answers.csv', FILE, { defaults: DEFAULTS });
    expect(report.committed).toBe(true);
    const [v1] = await lib.entries.history(report.accepted[0]!.id);
    expect(v1).toMatchObject({
      reason: 'import',
      note: 'Imported from answers.csv; for rows without these columns: approved by Dana Whitfield on 2026-03-01; for customers under NDA; owner Security team; review every 12 months',
    });
  });

  it('accept the words the library page shows as well as the short forms', () => {
    const today = '2026-05-05';
    expect(parseStatusDefault('Approved', today)).toEqual({
      ok: true,
      value: { status: 'approved', approvedAt: today },
    });
    expect(parseStatusDefault('approved by Dana Whitfield on 2026-03-01', today)).toEqual({
      ok: true,
      value: { status: 'approved', approvedBy: 'Dana Whitfield', approvedAt: '2026-03-01' },
    });
    expect(parseStatusDefault('approved on 3/1/2026', today)).toMatchObject({
      ok: false,
      error: /could be month\/day or day\/month/,
    });
    expect(parseStatusDefault('draft', today)).toEqual({ ok: true, value: { status: 'draft' } });
    expect(parseStatusDefault('shipped', today)).toMatchObject({ ok: false, error: /--status "shipped"/ });
    for (const v of ['Under NDA', 'Customers under NDA', 'nda', 'NDA'])
      expect(parseReuseDefault(v)).toEqual({ ok: true, value: { level: 'nda' } });
    expect(parseReuseDefault('Internal only')).toEqual({ ok: true, value: { level: 'internal' } });
    expect(parseReuseDefault('One customer: Acme')).toEqual({
      ok: true,
      value: { level: 'customer', customer: 'Acme' },
    });
    expect(parseReuseDefault('customer:Acme Corp')).toEqual({
      ok: true,
      value: { level: 'customer', customer: 'Acme Corp' },
    });
    expect(parseReuseDefault('friends')).toMatchObject({ ok: false, error: /--reuse "friends"/ });
    expect(parseReviewDefault('Every 12 months')).toEqual({ ok: true, value: { kind: 'cycle', months: 12 } });
    expect(parseReviewDefault('1 year')).toEqual({ ok: true, value: { kind: 'cycle', months: 12 } });
    expect(parseReviewDefault('2027-06-30')).toEqual({ ok: true, value: { kind: 'date', date: '2027-06-30' } });
    expect(parseReviewDefault('whenever')).toMatchObject({ ok: false });
    expect(describeDefaults({ reuse: { level: 'public' } })).toBe('for anyone (public)');
  });
});
