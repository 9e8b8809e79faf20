// A full backup carries the review ledger (fills/copies, sign-offs, notifications): replace restores it exactly,
// merge adds what the library lacks and keeps its own copies, and a pre-ledger backup leaves the ledger alone.
import { describe, expect, it } from 'vitest';
import {
  applyRestore,
  createBackup,
  parseBackup,
  planRestore,
  serializeBackup,
  type Library,
} from '../../../lib/library';
import { ledgerOf } from '../../../lib/library/ledger-store';
import { record } from '../review/builders';
import { entryDraft, freshLibrary } from './helpers';

const fill = (over: Parameters<typeof record>[0] = {}) => {
  const { id: _i, at: _a, ...rest } = record(over);
  return { ...rest, ...(over.id ? { id: over.id } : {}), ...(over.at ? { at: over.at } : {}) };
};

async function reviewedLibrary(): Promise<Library> {
  const lib = await freshLibrary();
  await lib.entries.put(entryDraft({ id: 'ans-1' }));
  const ledger = ledgerOf(lib);
  await ledger.record([
    fill({ id: 'fill-a', fid: 'f1', at: '2025-06-15T10:00:00.000Z' }),
    fill({ id: 'fill-b', fid: 'f2', at: '2025-06-15T10:01:00.000Z' }),
  ]);
  await ledger.decide('fill-b', { status: 'sent-back', reviewer: 'Ravi', note: 'Check the key length' });
  await ledger.signOff('q1', 'Ravi', 'first pass');
  await ledger.signOff('q1', 'Mia');
  return lib;
}

async function snapshot(lib: Library) {
  const ledger = ledgerOf(lib);
  return {
    records: await ledger.list(),
    signOffs: await ledger.signOffs('q1'),
    notifications: await ledger.notifications(),
  };
}

describe('backup and restore of the review ledger', () => {
  it('a backup file holds every ledger record, and replace restores them exactly', async () => {
    const source = await reviewedLibrary();
    const parsed = parseBackup(serializeBackup(await createBackup(source)));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.reviewLedger?.map((r) => r.id).sort()).toEqual(['fill-a', 'fill-b']);
    expect(parsed.backup.reviewSignoffs?.map((s) => s.reviewer)).toEqual(['Ravi', 'Mia']);
    expect(parsed.backup.reviewNotifications).toHaveLength(1);

    const target = await freshLibrary();
    await ledgerOf(target).record([fill({ id: 'fill-local', fid: 'f9' })]);
    const plan = await planRestore(target, parsed.backup, 'replace');
    expect(plan.ledger).toEqual({ added: ['fill-a', 'fill-b'], updated: [], removed: ['fill-local'], unchanged: 0 });
    expect(plan.signOffs.added).toHaveLength(2);
    expect(plan.notifications.added).toHaveLength(1);

    await applyRestore(target, parsed.backup, 'replace');
    expect(await snapshot(target)).toEqual(await snapshot(source));
    expect((await ledgerOf(target).get('fill-b'))!.decision).toMatchObject({
      status: 'sent-back',
      reviewer: 'Ravi',
      note: 'Check the key length',
    });
  });

  it("merge adds missing ledger rows after the library's own and never overwrites a local record", async () => {
    const source = await reviewedLibrary();
    const backup = await createBackup(source);
    const target = await freshLibrary();
    const local = ledgerOf(target);
    await local.record([
      fill({ id: 'fill-a', fid: 'f1', at: '2025-06-15T10:00:00.000Z' }),
      fill({ id: 'fill-local', fid: 'f9' }),
    ]);
    await local.decide('fill-a', { status: 'approved', reviewer: 'Lee' });
    await local.signOff('q1', 'Lee');

    const plan = await planRestore(target, backup, 'merge');
    expect(plan.ledger).toEqual({ added: ['fill-b'], updated: [], removed: [], unchanged: 1 });
    await applyRestore(target, backup, 'merge');

    const after = await snapshot(target);
    expect(after.records.map((r) => r.id).sort()).toEqual(['fill-a', 'fill-b', 'fill-local']);
    expect(after.records.find((r) => r.id === 'fill-a')!.decision.status).toBe('approved');
    expect(after.signOffs.map((s) => s.reviewer)).toEqual(['Lee', 'Ravi', 'Mia']);
    expect(after.notifications).toHaveLength(1);
    // Merging the same backup again changes nothing.
    await applyRestore(target, backup, 'merge');
    expect(await snapshot(target)).toEqual(after);
  });

  it('a backup made before the ledger existed restores the library and leaves the ledger untouched', async () => {
    const source = await reviewedLibrary();
    const { reviewLedger: _l, reviewSignoffs: _s, reviewNotifications: _n, ...old } = await createBackup(source);
    const parsed = parseBackup(JSON.stringify(old));
    if (!parsed.ok) throw new Error(parsed.error);
    const target = await reviewedLibrary();
    await ledgerOf(target).record([fill({ id: 'fill-local', fid: 'f9' })]);
    const before = await snapshot(target);
    const plan = await planRestore(target, parsed.backup, 'replace');
    expect(plan.ledger).toEqual({ added: [], updated: [], removed: [], unchanged: 0 });
    await applyRestore(target, parsed.backup, 'replace');
    expect(await snapshot(target)).toEqual(before);
    expect((await target.entries.list()).map((e) => e.id)).toEqual(['ans-1']);
  });
});
