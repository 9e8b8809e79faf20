// Dates in spreadsheet cells: ISO, US, European, month names and Excel serials; an ambiguous file asks once.
import { describe, expect, it } from 'vitest';
import { addMonths, dateOrderOf, parseDate, parseLibraryFile } from '../../../lib/library';
import { bytes } from './helpers';

const ok = (v: string, order?: 'mdy' | 'dmy') => {
  const r = parseDate(v, order);
  return r.ok ? r.value : `ERR ${r.reason}`;
};

describe('parseDate', () => {
  it('reads the forms people write', () => {
    expect(ok('2026-03-14')).toBe('2026-03-14');
    expect(ok('2026-03-14T09:30:00Z')).toBe('2026-03-14');
    expect(ok('3/14/2026')).toBe('2026-03-14'); // only month/day fits
    expect(ok('14/3/2026')).toBe('2026-03-14'); // only day/month fits
    expect(ok('14.3.2026')).toBe('2026-03-14'); // dotted: day first
    expect(ok('03.04.2026')).toBe('2026-04-03');
    expect(ok('14 Mar 2026')).toBe('2026-03-14');
    expect(ok('14-Mar-26')).toBe('2026-03-14');
    expect(ok('March 14, 2026')).toBe('2026-03-14');
    expect(ok('46095')).toBe('2026-03-14'); // Excel serial
    expect(ok('3/14/26')).toBe('2026-03-14');
  });

  it('asks instead of guessing when both orders fit, and uses the order given', () => {
    const r = parseDate('03/04/2026');
    expect(r).toMatchObject({ ok: false, ambiguous: true });
    expect(!r.ok && r.reason).toMatch(/could be month\/day or day\/month.*--dates us or --dates european/);
    expect(ok('03/04/2026', 'mdy')).toBe('2026-03-04');
    expect(ok('03/04/2026', 'dmy')).toBe('2026-04-03');
  });

  it('refuses what is no day, naming the forms it reads', () => {
    expect(ok('31/13/2024')).toMatch(/^ERR "31\/13\/2024" is not a date\. Write it as 2026-03-14, 3\/14\/2026 \(US\)/);
    expect(ok('2/30/2026')).toMatch(/is not a date/);
    expect(ok('soon')).toMatch(/is not a date/);
    expect(ok('2026-02-30')).toMatch(/not a real day \(month 02 of 2026 has no day 30\)/);
  });

  it('adds months, clamping to the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2025-11-15', 12)).toBe('2026-11-15');
    expect(addMonths('2024-12-31', 2)).toBe('2025-02-28');
  });
});

describe('one order per file', () => {
  it('a date that only fits one order settles the whole column', () => {
    expect(dateOrderOf(['03/04/2026', '12/25/2025'])).toMatchObject({ order: 'mdy', ask: false });
    expect(dateOrderOf(['03/04/2026', '25/12/2025'])).toMatchObject({ order: 'dmy', ask: false });
    expect(dateOrderOf(['03/04/2026', '2026-01-01'])).toMatchObject({ ask: true, examples: ['03/04/2026'] });
    expect(dateOrderOf(['12/25/2025', '25/12/2025'])).toMatchObject({ ask: true });
  });

  it('a file of US dates imports as US; an ambiguous one asks and is rejected until told', () => {
    const us = parseLibraryFile(
      'q.csv',
      bytes('Question,Answer,Last reviewed\nA?,Yes,03/04/2026\nB?,Yes,12/25/2025\n'),
    );
    expect(us.rejected).toEqual([]);
    expect(us.dates).toMatchObject({ order: 'mdy', inferred: true, ask: false });
    expect(us.accepted.entries.map((e) => e.approvedAt)).toEqual(['2026-03-04', '2025-12-25']);

    const text = bytes('Question,Answer,Last reviewed\nA?,Yes,03/04/2026\nB?,Yes,2026-01-01\n');
    const unsure = parseLibraryFile('q.csv', text);
    expect(unsure.dates).toMatchObject({ ask: true, examples: ['03/04/2026'] });
    expect(unsure.rejected).toMatchObject([{ row: 2, column: 'Last reviewed' }]);
    const told = parseLibraryFile('q.csv', text, { dateOrder: 'dmy' });
    expect(told.rejected).toEqual([]);
    expect(told.accepted.entries[0]!.approvedAt).toBe('2026-04-03');
  });
});
