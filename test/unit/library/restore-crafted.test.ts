// Item 4 of the hardening issue: restoring a backup in "replace" mode. The preview says exactly what will be
// deleted, replaced and kept (history included); whatever is replaced or deleted is first kept in an automatic
// restore point; crafted backups (duplicate ids, edited answers, unknown schema versions) are refused with a
// clear reason and leave the library as it was.
import { describe, expect, it } from 'vitest';
import {
  applyRestore,
  createBackup,
  describeRestore,
  LibraryError,
  openRestorePoints,
  parseBackup,
  planRestore,
  serializeBackup,
  type Backup,
  type Library,
} from '../../../lib/library';
import { entryDraft, freshLibrary } from './helpers';

let points = 0;
const pointsDb = () => `restore-points-${process.pid}-${++points}`;

async function library(): Promise<Library> {
  const lib = await freshLibrary();
  await lib.entries.put(entryDraft({ id: 'enc', answer: 'Yes, AES-256.' }));
  await lib.entries.update('enc', { answer: 'Yes, AES-256 with keys in a managed KMS.' });
  await lib.entries.put(entryDraft({ id: 'mfa', question: 'Is MFA enforced?', answer: 'Yes', controls: [] }));
  return lib;
}
const text = (lines: { text: string }[]) => lines.map((l) => l.text).join('\n');
const clone = (b: Backup): Backup => structuredClone(b);
const reparse = (b: unknown) => parseBackup(JSON.stringify(b));
const snapshot = async (lib: Library) => ({
  entries: await lib.entries.list({ includeRetired: true }),
  versions: await lib.entries.allVersions(),
});

describe('restore replace: the preview says what happens', () => {
  it('a backup with no saved versions: the preview counts the versions deleted, and a restore point keeps them', async () => {
    const lib = await library();
    const backup = clone(await createBackup(lib));
    backup.entryVersions = [];
    const plan = await planRestore(lib, backup, 'replace');
    const preview = text(describeRestore(plan));
    expect(preview).toContain("Entries: 0 added, 0 replaced by the backup's copy, 0 deleted, 2 kept as they are.");
    expect(preview).toContain('Saved versions of entries: 1 deleted, 2 kept, 0 added.');
    expect(preview).toContain('Kept records that lose saved versions the backup does not have: enc.');
    expect(preview).toMatch(/no saved history for 2 records \(enc, mfa\), which "Back up library" always writes/);

    const store = pointsDb();
    const outcome = await applyRestore(lib, backup, 'replace', { restorePoints: () => openRestorePoints(store) });
    expect((await lib.entries.history('enc')).map((h) => h.version)).toEqual([2]);

    // Nothing lost: the restore point is an ordinary backup holding version 1, and restoring it brings it back.
    const saved = await (await openRestorePoints(store)).get(outcome.restorePoint!.id);
    const parsed = parseBackup(saved!.file);
    if (!parsed.ok) throw new Error(parsed.error);
    await applyRestore(lib, parsed.backup, 'replace', { restorePoints: () => openRestorePoints(store) });
    expect((await lib.entries.history('enc')).map((h) => [h.version, h.record.answer])).toEqual([
      [1, 'Yes, AES-256.'],
      [2, 'Yes, AES-256 with keys in a managed KMS.'],
    ]);
  });

  it('edits made after the backup are named, counted as replaced (not "updated"), and kept in the restore point', async () => {
    const lib = await library();
    const backup = await createBackup(lib);
    await new Promise((r) => setTimeout(r, 5));
    await lib.entries.update('mfa', { answer: 'Yes, with hardware keys for administrators' });
    await lib.entries.put(
      entryDraft({ id: 'bounty', question: 'Do you run a bug bounty?', answer: 'Yes', controls: [] }),
    );

    const plan = await planRestore(lib, backup, 'replace');
    expect(plan.entries).toMatchObject({ updated: ['mfa'], removed: ['bounty'] });
    const preview = text(describeRestore(plan));
    expect(preview).toContain("Entries: 0 added, 1 replaced by the backup's copy, 1 deleted, 1 kept as they are.");
    expect(preview).toContain('Entries deleted with all their versions: bounty.');
    expect(preview).toMatch(
      /Changed in this library after the backup was made \(\d{4}-\d{2}-\d{2}\), so those changes leave the library: bounty, mfa\./,
    );
    expect(preview).toContain('Saved versions of entries: 2 deleted, 3 kept, 0 added.');

    const store = pointsDb();
    const outcome = await applyRestore(lib, backup, 'replace', { restorePoints: () => openRestorePoints(store) });
    expect((await lib.entries.get('mfa'))?.answer).toBe('Yes');
    const point = await (await openRestorePoints(store)).get(outcome.restorePoint!.id);
    const kept = parseBackup(point!.file);
    expect(kept.ok && kept.backup.entries.find((e) => e.id === 'mfa')?.answer).toBe(
      'Yes, with hardware keys for administrators',
    );
    expect(kept.ok && kept.backup.entries.map((e) => e.id).sort()).toEqual(['bounty', 'enc', 'mfa']);
  });

  it('merge deletes nothing and says so; a restore that changes nothing takes no restore point', async () => {
    const lib = await library();
    const backup = await createBackup(lib);
    const merge = await planRestore(lib, backup, 'merge');
    expect(text(describeRestore(merge))).toMatch(/Nothing is deleted/);
    const store = pointsDb();
    const same = await applyRestore(lib, backup, 'replace', { restorePoints: () => openRestorePoints(store) });
    expect(same.restorePoint).toBeUndefined();
    expect(await (await openRestorePoints(store)).list()).toEqual([]);
  });

  it('if the restore point cannot be saved, nothing is restored', async () => {
    const lib = await library();
    const backup = clone(await createBackup(lib));
    backup.entries = backup.entries.filter((e) => e.id !== 'mfa');
    backup.entryVersions = backup.entryVersions.filter((e) => e.id !== 'mfa');
    const before = await snapshot(lib);
    const err = await applyRestore(lib, backup, 'replace', {
      restorePoints: () => Promise.reject(new Error('QuotaExceededError')),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibraryError);
    expect((err as LibraryError).code).toBe('pre-restore-backup-failed');
    expect((err as Error).message).toMatch(/^Nothing was restored: .*QuotaExceededError/);
    expect(await snapshot(lib)).toEqual(before);
  });
});

describe('restore: crafted backups are refused and the library stays as it was', () => {
  it('a duplicated entry id', async () => {
    const raw = clone(await createBackup(await library()));
    raw.entries.push({ ...raw.entries[0]!, answer: 'No.' });
    const res = reparse(raw);
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error).toMatch(/lists entries "enc" twice/);
  });

  it('an answer edited in the file without a new version (current record and its history disagree)', async () => {
    const raw = clone(await createBackup(await library()));
    raw.entries.find((e) => e.id === 'mfa')!.answer = 'No, MFA is optional.';
    const res = reparse(raw);
    expect(!res.ok && res.error).toMatch(/entries "mfa" version 1 differs from the same version in its history/);
  });

  it('an answer edited consistently in both places is caught by its content hash', async () => {
    const lib = await library();
    const raw = clone(await createBackup(lib));
    raw.entries.find((e) => e.id === 'mfa')!.answer = 'No.';
    raw.entryVersions.find((v) => v.id === 'mfa')!.record.answer = 'No.';
    const parsed = reparse(raw);
    if (!parsed.ok) throw new Error(parsed.error);
    const plan = await planRestore(lib, parsed.backup, 'replace');
    expect(plan.problems).toEqual([expect.stringMatching(/^Entry "mfa" version 1 does not match its content hash/)]);
    expect(describeRestore(plan)).toEqual([{ tone: 'bad', text: plan.problems[0] }]);
    const before = await snapshot(lib);
    await expect(applyRestore(lib, parsed.backup, 'replace')).rejects.toMatchObject({ code: 'invalid-backup' });
    expect(await snapshot(lib)).toEqual(before);
  });

  it('a backup from a newer schema version', async () => {
    const raw = clone(await createBackup(await library()));
    const res = reparse({ ...raw, schemaVersion: 99 });
    expect(!res.ok && res.error).toMatch(
      /made by a newer Crosswalk \(database schema 99; this one understands up to \d+\)\. Update Crosswalk/,
    );
  });

  it('history for an entry the backup does not have, or a version ahead of the current one', async () => {
    const raw = clone(await createBackup(await library()));
    const orphan = { ...raw.entryVersions[0]!, id: 'ghost', record: { ...raw.entryVersions[0]!.record, id: 'ghost' } };
    expect(reparse({ ...raw, entryVersions: [...raw.entryVersions, orphan] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/version \d of "ghost", which is not among its entries/) as unknown,
    });
    const ahead = { ...raw.entryVersions[0]!, version: 9, record: { ...raw.entryVersions[0]!.record, version: 9 } };
    expect(reparse({ ...raw, entryVersions: [...raw.entryVersions, ahead] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/newer than its current version/) as unknown,
    });
  });

  it('a backup written by createBackup round-trips through its file and verifies', async () => {
    const lib = await library();
    const parsed = parseBackup(serializeBackup(await createBackup(lib)));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.entryVersions.every((v) => v.hash?.startsWith('sha256:'))).toBe(true);
    const plan = await planRestore(lib, parsed.backup, 'replace');
    expect(plan.problems).toEqual([]);
    expect(plan.warnings).toEqual([]);
  });
});
