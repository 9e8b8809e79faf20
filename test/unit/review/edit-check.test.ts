// Edit detection: what the page shows after filling vs what Crosswalk wrote, as a word diff.
import { describe, expect, it } from 'vitest';
import { diffText, wordDiff } from '../../../lib/review/diff';
import { applyReadBack, checkEdit } from '../../../lib/review/edit-check';
import { record } from './builders';

describe('wordDiff', () => {
  it.each([
    ['identical', 'We encrypt data.', 'We encrypt data.', [{ op: 'same', text: 'We encrypt data.' }]],
    [
      'one word replaced',
      'Keys rotate every 90 days.',
      'Keys rotate every 30 days.',
      [
        { op: 'same', text: 'Keys rotate every ' },
        { op: 'del', text: '90 ' },
        { op: 'add', text: '30 ' },
        { op: 'same', text: 'days.' },
      ],
    ],
    [
      'words appended',
      'Yes.',
      'Yes. Reviewed yearly.',
      [
        { op: 'same', text: 'Yes. ' },
        { op: 'add', text: 'Reviewed yearly.' },
      ],
    ],
    ['cleared field', 'Yes.', '', [{ op: 'del', text: 'Yes.' }]],
    ['filled from empty', '', 'No', [{ op: 'add', text: 'No' }]],
  ])('%s', (_n, before, after, expected) => {
    expect(wordDiff(before, after)).toEqual(expected);
  });

  it('keeps every character: joining the "same" and "add" parts gives the new text back', () => {
    const before = 'All customer data at rest is encrypted with AES-256 using keys in a managed KMS.';
    const after = 'All production data at rest is encrypted with AES-256; keys are held in an HSM-backed KMS.';
    const parts = wordDiff(before, after);
    expect(
      parts
        .filter((p) => p.op !== 'del')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
    expect(
      parts
        .filter((p) => p.op !== 'add')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
  });

  it('prints a plain-text diff for the CSV', () => {
    expect(diffText(wordDiff('Keys rotate every 90 days.', 'Keys rotate every 30 days.'))).toBe(
      'deleted "90", added "30"',
    );
  });
});

describe('checkEdit', () => {
  it('ignores whitespace reflow by the portal', () => {
    expect(checkEdit('Yes.  We encrypt\ndata.', ' Yes. We encrypt data. ').editedAfterFill).toBe(false);
  });
  it('reports a changed answer with the current value and diff', () => {
    const e = checkEdit('Yes', 'No', '2025-06-16T00:00:00.000Z');
    expect(e).toEqual({
      checkedAt: '2025-06-16T00:00:00.000Z',
      editedAfterFill: true,
      currentValue: 'No',
      diff: [
        { op: 'del', text: 'Yes' },
        { op: 'add', text: 'No' },
      ],
    });
  });
});

describe('applyReadBack', () => {
  it('compares only the latest fill of each field and skips fields the page did not return', () => {
    const first = record({ id: 'r1', fid: 'f1', value: 'Yes', at: '2025-06-15T10:00:00.000Z' });
    const second = record({ id: 'r2', fid: 'f1', value: 'Yes, AES-256.', at: '2025-06-15T11:00:00.000Z' });
    const other = record({ id: 'r3', fid: 'f2', value: 'No' });
    const copy = record({ id: 'r4', fid: 'f3', value: 'Copied', action: 'copy' });
    const changed = applyReadBack([first, second, other, copy], { f1: 'Yes, AES-128.', f3: 'something else' });
    expect(changed.map((r) => r.id)).toEqual(['r2']);
    expect(changed[0]!.edit).toMatchObject({ editedAfterFill: true, currentValue: 'Yes, AES-128.' });
  });
  it('returns nothing when a second read sees the same value', () => {
    const [once] = applyReadBack([record({ value: 'Yes' })], { f1: 'No' });
    expect(applyReadBack([once!], { f1: 'No' })).toEqual([]);
  });
});
