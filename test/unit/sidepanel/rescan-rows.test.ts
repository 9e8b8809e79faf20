// A rescan the page prompted keeps the panel's state of fields still on the page and reports only new ones.
import { describe, expect, it } from 'vitest';
import { mergeRescan } from '../../../entrypoints/sidepanel/rescan-rows';
import { toRows } from '../../../components/questions';
import type { QuestionField } from '../../../lib/page';

const field = (fid: string, question: string, value = ''): QuestionField => ({ fid, question, kind: 'text', value });

describe('mergeRescan', () => {
  it('the same fields: nothing to do (no re-render, no re-match)', () => {
    const rows = toRows([field('a', 'Q1'), field('b', 'Q2')]);
    expect(mergeRescan(rows, [field('b', 'Q2'), field('a', 'Q1', 'typed')])).toBeUndefined();
  });

  it("a wizard's next step: kept rows keep status and fill, take the page's snapshot; new rows are fresh", () => {
    const [a, b] = toRows([field('a', 'Q1'), field('b', 'Q2')]);
    const filled = { ...a!, status: 'filled' as const, filled: { value: 'Yes', previous: '' } };
    const merged = mergeRescan([filled, b!], [field('a', 'Q1', 'Yes'), field('c', 'Q3')]);
    expect(merged?.rows.map((r) => [r.field.fid, r.status, r.position, r.field.value])).toEqual([
      ['a', 'filled', 0, 'Yes'],
      ['c', 'open', 1, ''],
    ]);
    expect(merged?.rows[0]?.filled?.value).toBe('Yes');
    expect(merged?.fresh.map((r) => r.field.fid)).toEqual(['c']);
  });
});
