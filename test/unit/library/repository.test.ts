import { describe, expect, it } from 'vitest';
import { LibraryError } from '../../../lib/library';
import { entryDraft, evidenceDraft, freshLibrary, rejectionOf } from './helpers';

describe('library repository', () => {
  it('creates an entry at version 1 and reads it back with canonical control ids', async () => {
    const lib = await freshLibrary();
    const saved = await lib.entries.put(entryDraft({ controls: [{ framework: 'iso27001:2022', id: 'a.8.24' }] }));
    expect(saved.version).toBe(1);
    expect(saved.controls).toEqual([{ framework: 'iso27001:2022', id: 'A.8.24' }]);
    expect(await lib.entries.get('enc-rest')).toEqual(saved);
    expect((await lib.entries.list()).map((e) => e.id)).toEqual(['enc-rest']);
  });

  it('rejects unknown control ids and names the nearest ones', async () => {
    const lib = await freshLibrary();
    const err = await rejectionOf(
      lib.entries.put(entryDraft({ controls: [{ framework: 'iso27001:2022', id: 'A.8.99' }] })),
    );
    expect(err).toBeInstanceOf(LibraryError);
    expect(err.code).toBe('unknown-control');
    expect(err.message).toMatch(/A\.8\.99/);
    expect(err.message).toMatch(/A\.8\.9\b/);
    expect(await lib.entries.count()).toBe(0);
  });

  it('rejects invalid records with the field named and saves nothing', async () => {
    const lib = await freshLibrary();
    const err = await rejectionOf(lib.entries.put(entryDraft({ approvedAt: '15/01/2025' })));
    expect(err.code).toBe('invalid-record');
    expect(err.message).toMatch(/approvedAt/);
  });

  it('every edit is a new version; history keeps all; restore brings an old one back as a new version', async () => {
    const lib = await freshLibrary();
    await lib.entries.put(entryDraft());
    const v2 = await lib.entries.update('enc-rest', { answer: 'Yes, AES-256 everywhere.' });
    expect(v2.version).toBe(2);
    const same = await lib.entries.update('enc-rest', { answer: 'Yes, AES-256 everywhere.' });
    expect(same.version).toBe(2); // a no-op edit creates no version
    const history = await lib.entries.history('enc-rest');
    expect(history.map((h) => [h.version, h.reason])).toEqual([
      [1, 'create'],
      [2, 'update'],
    ]);
    expect(history[0]!.record.answer).toMatch(/managed KMS/);
    const v3 = await lib.entries.restore('enc-rest', 1);
    expect(v3.version).toBe(3);
    expect(v3.answer).toMatch(/managed KMS/);
    expect((await lib.entries.history('enc-rest')).map((h) => h.reason)).toEqual(['create', 'update', 'restore']);
    await expect(lib.entries.restore('enc-rest', 9)).rejects.toThrow(/no version 9/);
  });

  it('retire is a soft delete; purge needs a retired record and then removes it with its history', async () => {
    const lib = await freshLibrary();
    await lib.entries.put(entryDraft());
    await expect(lib.entries.purge('enc-rest')).rejects.toThrow(/Retire it first/);
    const retired = await lib.entries.retire('enc-rest');
    expect(retired.status).toBe('retired');
    expect(await lib.entries.list()).toEqual([]);
    expect((await lib.entries.list({ includeRetired: true })).length).toBe(1);
    const back = await lib.entries.restore('enc-rest', 1);
    expect(back.status).toBe('approved');
    await lib.entries.retire('enc-rest');
    await lib.entries.purge('enc-rest');
    expect(await lib.entries.get('enc-rest')).toBeUndefined();
    expect(await lib.entries.history('enc-rest')).toEqual([]);
  });

  it('bulkPut is one transaction: one invalid draft means none is saved', async () => {
    const lib = await freshLibrary();
    const bad = entryDraft({ id: 'b', controls: [{ framework: 'soc2:2017', id: 'CC9.9' }] });
    await expect(lib.entries.bulkPut([entryDraft({ id: 'a' }), bad])).rejects.toThrow(/CC9\.9/);
    expect(await lib.entries.count({ includeRetired: true })).toBe(0);
    const ok = await lib.entries.bulkPut([
      entryDraft({ id: 'a' }),
      entryDraft({ id: 'b', question: 'Is MFA enforced?' }),
    ]);
    expect(ok.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('evidence has the same versioned life cycle', async () => {
    const lib = await freshLibrary();
    await lib.evidence.put(evidenceDraft());
    await lib.evidence.update('ev-crypto-policy', { title: 'Cryptography and key management policy' });
    expect((await lib.evidence.history('ev-crypto-policy')).length).toBe(2);
    await lib.evidence.retire('ev-crypto-policy');
    expect(await lib.evidence.list()).toEqual([]);
  });

  it('reports committed changes to listeners and through the change log', async () => {
    const lib = await freshLibrary();
    const heard: string[] = [];
    const off = lib.onChange((c) => heard.push(`${c.table}:${c.op}:${c.ids.join(',')}`));
    const before = await lib.changeSeq();
    await lib.entries.put(entryDraft());
    await lib.settings.set('autofillThreshold', 0.8);
    await lib.entries
      .put(entryDraft({ id: 'bad', controls: [{ framework: 'soc2:2017', id: 'CC99.1' }] }))
      .catch(() => {});
    off();
    await lib.entries.retire('enc-rest');
    expect(heard).toEqual(['entries:put:enc-rest', 'settings:put:autofillThreshold']);
    const since = await lib.changesSince(before);
    expect(since.complete).toBe(true);
    expect(since.changes.map((c) => c.table)).toEqual(['entries', 'settings', 'entries']);
    expect(await lib.settings.get('autofillThreshold')).toBe(0.8);
  });

  it('finds entries citing a control', async () => {
    const lib = await freshLibrary();
    await lib.entries.put(entryDraft());
    await lib.entries.put(
      entryDraft({
        id: 'mfa',
        question: 'Is MFA required for admins?',
        controls: [{ framework: 'iso27001:2022', id: 'A.8.5' }],
      }),
    );
    expect((await lib.entriesCiting({ framework: 'soc2:2017', id: 'CC6.1' })).map((e) => e.id)).toEqual(['enc-rest']);
  });
});
