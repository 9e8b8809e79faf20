// Item 5 of the hardening issue: one date check for every path. Impossible days ("2026-02-30", "2026-13-01")
// used to pass the JSON schema (a regex) while the CSV path refused them; now library JSON, backups, CSV cells
// and the record schema all refuse them with the same message, and nothing else in the file is lost.
import { describe, expect, it } from 'vitest';
import { AnswerEntry, EvidenceItem, IsoDate, IsoDateTime, parseBackup, parseLibraryFile } from '../../../lib/library';
import { isCalendarDay, parseIsoDate } from '../../../lib/library/dates';
import { bytes } from './helpers';

const entry = (over: Record<string, unknown> = {}) => ({
  id: 'e1',
  question: 'Do you encrypt data at rest?',
  answer: 'Yes, AES-256.',
  owner: 'sec@example.com',
  status: 'approved',
  reuse: { level: 'public' },
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  version: 1,
  ...over,
});
const libraryJson = (entries: unknown[], evidence: unknown[] = []) =>
  bytes(
    JSON.stringify({ format: 'crosswalk-library', version: 1, exportedAt: '2025-01-01T00:00:00Z', entries, evidence }),
  );

describe('the one date check', () => {
  it('knows the calendar: month lengths, leap years, no month 13 or 00', () => {
    expect(['2024-02-29', '2000-02-29', '2025-12-31', '2025-04-30', '0001-01-01'].map((d) => parseIsoDate(d))).toEqual([
      '2024-02-29',
      '2000-02-29',
      '2025-12-31',
      '2025-04-30',
      '0001-01-01',
    ]);
    for (const bad of [
      '2026-02-30',
      '2025-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-01-00',
    ])
      expect(parseIsoDate(bad), bad).toBeUndefined();
    expect(parseIsoDate('2025-03-31T23:59:00+02:00')).toBeUndefined(); // the schema wants a bare date
    expect(parseIsoDate(' 2025-03-31T23:59:00+02:00', { allowTime: true })).toBe('2025-03-31');
    expect(isCalendarDay(2024, 2, 29)).toBe(true);
  });

  it('the record schemas refuse impossible days with a message that names the cause and the fix', () => {
    const res = AnswerEntry.safeParse(entry({ approvedAt: '2026-02-30' }));
    expect(res.success).toBe(false);
    expect(res.error?.issues[0]?.message).toBe(
      '"2026-02-30" is not a real day (month 02 of 2026 has no day 30). Write dates as YYYY-MM-DD naming a day that exists (e.g. 2025-03-31).',
    );
    expect(IsoDate.safeParse('2026-13-01').error?.issues[0]?.message).toMatch(/there is no month 13/);
    const ev = EvidenceItem.safeParse({
      id: 'ev',
      title: 'SOC 2 report',
      kind: 'report',
      location: { uri: 'soc2.pdf' },
      owner: 'o',
      reuse: { level: 'nda' },
      frameworkDates: { soc2: { periodEnd: '2026-06-31' } },
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
      version: 1,
    });
    expect(ev.error?.issues[0]).toMatchObject({ path: ['frameworkDates', 'soc2', 'periodEnd'] });
    // Timestamps: zod's datetime already checks the calendar; pinned so an upgrade cannot loosen it.
    expect(IsoDateTime.safeParse('2026-02-30T00:00:00Z').success).toBe(false);
    expect(IsoDateTime.safeParse('2024-02-29T12:00:00+01:00').success).toBe(true);
  });

  it('library JSON: the record with the impossible date is rejected with its position; the others load', () => {
    const res = parseLibraryFile(
      'lib.json',
      libraryJson([
        entry(),
        entry({ id: 'e2', reviewBy: '2026-02-30' }),
        entry({ id: 'e3', approvedAt: '2026-13-01' }),
      ]),
    );
    expect(res.fatal).toBeUndefined();
    expect(res.accepted.entries.map((e) => e.id)).toEqual(['e1']);
    expect(res.rejected.map((r) => [r.row, r.column])).toEqual([
      [2, 'entries[1].reviewBy'],
      [3, 'entries[2].approvedAt'],
    ]);
    expect(res.rejected[0]?.reason).toContain('month 02 of 2026 has no day 30');
    expect(res.rejected[1]?.reason).toContain('there is no month 13');
  });

  it('CSV cells and library JSON give the same message for the same date', () => {
    const csv = parseLibraryFile(
      'q.csv',
      bytes('Question,Answer,Approved at\nDo you encrypt data at rest?,Yes,2026-02-30\n'),
    );
    const json = parseLibraryFile('lib.json', libraryJson([entry({ approvedAt: '2026-02-30' })]));
    expect(csv.rejected[0]?.reason).toBe(json.rejected[0]?.reason);
  });

  it('a backup with an impossible date is refused whole, naming the field', () => {
    const backup = {
      format: 'crosswalk-backup',
      version: 1,
      createdAt: '2025-01-01T00:00:00Z',
      schemaVersion: 3,
      entries: [entry({ approvedAt: '2025-02-29' })],
      entryVersions: [],
      evidence: [],
      evidenceVersions: [],
      settings: [],
    };
    const res = parseBackup(JSON.stringify(backup));
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error).toMatch(/entries\.0\.approvedAt.*month 02 of 2025 has no day 29/);
  });
});
