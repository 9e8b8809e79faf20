// Bulk actions: one transaction, a new version per entry that changes, the action in each version's history,
// and one undo for the whole action that leaves alone what was edited since.
import { describe, expect, it } from 'vitest';
import { bulkEdit, undoBulk } from '../../../lib/library';
import { entryDraft, freshLibrary } from './helpers';

async function library() {
  const lib = await freshLibrary();
  await lib.entries.bulkPut([
    entryDraft({ id: 'a', status: 'draft', approvedAt: undefined, reuse: { level: 'internal' }, tags: ['x'] }),
    entryDraft({ id: 'b', status: 'draft', approvedAt: undefined, reuse: { level: 'internal' }, tags: [] }),
    entryDraft({ id: 'c', status: 'retired', reuse: { level: 'internal' }, tags: ['x'] }),
  ]);
  return lib;
}

describe('bulk actions', () => {
  it('approve: by whom and when, a version per entry, retired ones left retired', async () => {
    const lib = await library();
    const r = await bulkEdit(lib, ['a', 'b', 'c'], { kind: 'approve', approvedBy: 'Dana', approvedAt: '2026-04-01' });
    expect(r.label).toBe('Approved 3 entries (by Dana, 2026-04-01)');
    expect(r.steps).toEqual([
      { id: 'a', before: 1, after: 2 },
      { id: 'b', before: 1, after: 2 },
    ]);
    expect(r.unchanged).toBe(1);
    expect(await lib.entries.get('a')).toMatchObject({
      status: 'approved',
      approvedBy: 'Dana',
      approvedAt: '2026-04-01',
    });
    expect((await lib.entries.get('c'))!.status).toBe('retired');
    expect((await lib.entries.history('a'))[1]).toMatchObject({
      reason: 'update',
      note: 'Bulk action: Approved 3 entries (by Dana, 2026-04-01)',
    });
  });

  it('reuse, owner, review date, tags and retire each write a version; one undo reverts the whole action', async () => {
    const lib = await library();
    const reuse = await bulkEdit(lib, ['a', 'b'], { kind: 'reuse', reuse: { level: 'nda' } });
    expect(reuse.label).toBe('Cleared 2 entries for customers under NDA');
    await bulkEdit(lib, ['a', 'b'], { kind: 'owner', owner: 'GRC' });
    await bulkEdit(lib, ['a', 'b'], { kind: 'review', reviewBy: '2027-01-01' });
    const tag = await bulkEdit(lib, ['a', 'b'], { kind: 'add-tag', tag: 'x' });
    expect(tag.steps.map((s) => s.id)).toEqual(['b']); // a already had it
    await bulkEdit(lib, ['a'], { kind: 'remove-tag', tag: 'x' });
    const retire = await bulkEdit(lib, ['a', 'b'], { kind: 'retire' });
    expect(await lib.entries.get('b')).toMatchObject({
      status: 'retired',
      owner: 'GRC',
      reviewBy: '2027-01-01',
      reuse: { level: 'nda' },
      tags: ['x'],
    });
    expect((await lib.entries.history('b')).at(-1)!.reason).toBe('retire');

    // Someone edits b again before the undo: the undo puts a back and leaves b as it is now.
    await lib.entries.update('b', { owner: 'Someone' });
    const undo = await undoBulk(lib, retire);
    expect(undo).toEqual({ reverted: 1, skipped: ['b'] });
    expect(await lib.entries.get('a')).toMatchObject({ status: 'draft', owner: 'GRC', tags: [] });
    expect((await lib.entries.history('a')).at(-1)).toMatchObject({
      reason: 'restore',
      note: 'Undo of bulk action: Retired 2 entries',
    });
    expect(await lib.entries.get('b')).toMatchObject({ status: 'retired', owner: 'Someone' });
  });

  it('all or nothing: an unknown id writes nothing', async () => {
    const lib = await library();
    await expect(bulkEdit(lib, ['a', 'nope'], { kind: 'owner', owner: 'GRC' })).rejects.toThrow(
      /No answer entry with id "nope"/,
    );
    expect((await lib.entries.get('a'))!.version).toBe(1);
  });
});
