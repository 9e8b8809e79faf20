import { describe, expect, it } from 'vitest';
import { applyRestore, createBackup, parseBackup, planRestore, serializeBackup } from '../../../lib/library';
import { entryDraft, evidenceDraft, freshLibrary } from './helpers';

describe('backup and restore', () => {
  async function source() {
    const lib = await freshLibrary();
    await lib.entries.put(entryDraft());
    await lib.entries.update('enc-rest', { answer: 'Yes, AES-256 (v2).' });
    await lib.entries.put(entryDraft({ id: 'mfa', question: 'Is MFA enforced?', answer: 'Yes', controls: [] }));
    await lib.evidence.put(evidenceDraft());
    await lib.settings.set('threshold', 0.75);
    return lib;
  }

  it('restores a full backup (versions and settings) into an empty library', async () => {
    const lib = await source();
    const file = serializeBackup(await createBackup(lib));
    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.error);
    const empty = await freshLibrary();
    const plan = await planRestore(empty, parsed.backup, 'replace');
    expect(plan.entries).toEqual({ added: ['enc-rest', 'mfa'], updated: [], removed: [], unchanged: 0 });
    expect(plan.settings.added).toEqual(['threshold']);
    await applyRestore(empty, parsed.backup, 'replace');
    expect(await empty.entries.list()).toEqual(await lib.entries.list());
    expect((await empty.entries.history('enc-rest')).map((h) => h.record.answer)).toEqual(
      (await lib.entries.history('enc-rest')).map((h) => h.record.answer),
    );
    expect(await empty.settings.get('threshold')).toBe(0.75);
    expect((await empty.entriesCiting({ framework: 'iso27001:2022', id: 'A.8.24' })).map((e) => e.id)).toEqual([
      'enc-rest',
    ]);
  });

  it('previews then applies replace and merge on a non-empty library', async () => {
    const lib = await source();
    const backup = await createBackup(lib);
    const target = await freshLibrary();
    await target.entries.put(
      entryDraft({ id: 'local-only', question: 'Do you run a bug bounty?', answer: 'Yes', controls: [] }),
    );
    await target.entries.put(
      entryDraft({ id: 'mfa', question: 'Is MFA enforced?', answer: 'Yes, newer local answer', controls: [] }),
    );
    await target.settings.set('threshold', 0.9);

    const merge = await planRestore(target, backup, 'merge');
    expect(merge.entries).toEqual({ added: ['enc-rest'], updated: [], removed: [], unchanged: 1 }); // local mfa is newer: kept
    expect(merge.settings).toEqual({ added: [], updated: [], removed: [], unchanged: 1 });
    const replace = await planRestore(target, backup, 'replace');
    expect(replace.entries).toEqual({ added: ['enc-rest'], updated: ['mfa'], removed: ['local-only'], unchanged: 0 });

    await applyRestore(target, backup, 'merge');
    expect((await target.entries.list()).map((e) => e.id).sort()).toEqual(['enc-rest', 'local-only', 'mfa']);
    expect((await target.entries.get('mfa'))!.answer).toBe('Yes, newer local answer');
    expect((await target.entries.history('enc-rest')).length).toBe(2);
    expect(await target.settings.get('threshold')).toBe(0.9);

    await applyRestore(target, backup, 'replace');
    expect((await target.entries.list()).map((e) => e.id).sort()).toEqual(['enc-rest', 'mfa']);
    expect((await target.entries.get('mfa'))!.answer).toBe('Yes');
    expect(await target.settings.get('threshold')).toBe(0.75);
  });

  it('merge takes a newer backup copy as a new version, keeping local history', async () => {
    const lib = await source();
    const target = await freshLibrary();
    await applyRestore(target, await createBackup(lib), 'replace');
    await new Promise((r) => setTimeout(r, 5));
    await lib.entries.update('mfa', { answer: 'Yes, with hardware keys' });
    const plan = await planRestore(target, await createBackup(lib), 'merge');
    expect(plan.entries.updated).toEqual(['mfa']);
    await applyRestore(target, await createBackup(lib), 'merge');
    const hist = await target.entries.history('mfa');
    expect(hist.map((h) => [h.version, h.record.answer])).toEqual([
      [1, 'Yes'],
      [2, 'Yes, with hardware keys'],
    ]);
  });

  it('rejects a damaged backup with a clear reason', () => {
    const res = parseBackup('{"format":"crosswalk-backup","version":1}');
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(/invalid.*made by "Back up library"/);
  });
});
