import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, LibraryDb, deleteLibrary, openLibrary } from '../../../lib/library';

describe('schema upgrades', () => {
  it('opens a version-1 database filled with data, upgrades it, and loses nothing', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const v1 = new LibraryDb(name, 1);
    await v1.open();
    expect(v1.verno).toBe(1);
    const entry = {
      id: 'e1',
      question: 'Do you encrypt data at rest?',
      alternatives: [],
      answer: 'Yes',
      controls: [{ framework: 'iso27001:2022', id: 'A.8.24' }],
      evidenceIds: [],
      owner: 'sec',
      roles: {},
      status: 'approved',
      scope: { services: [], environments: [], regions: [], dataTypes: [] },
      reuse: { level: 'public' },
      tags: [],
      source: 'manual',
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-02-01T00:00:00.000Z',
      version: 2,
    } as const;
    // Version-1 rows have no derived controlKeys field.
    await v1.table('entries').put(entry);
    await v1.table('entryVersions').bulkPut([
      {
        id: 'e1',
        version: 1,
        savedAt: entry.createdAt,
        reason: 'create',
        record: { ...entry, answer: 'Yes (first)', version: 1 },
      },
      { id: 'e1', version: 2, savedAt: entry.updatedAt, reason: 'update', record: entry },
    ]);
    await v1.table('settings').put({ key: 'threshold', value: 0.8 });
    v1.close();

    const lib = await openLibrary(name);
    expect(lib.db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(await lib.entries.get('e1')).toEqual(entry);
    const history = await lib.entries.history('e1');
    expect(history.map((h) => [h.version, h.reason, h.record.answer])).toEqual([
      [1, 'create', 'Yes (first)'],
      [2, 'update', 'Yes'],
    ]);
    // v2 keeps only superseded versions in the version table; the current one lives on the entry row.
    expect(await lib.db.entryVersions.count()).toBe(1);
    expect(await lib.settings.get('threshold')).toBe(0.8);
    expect((await lib.entriesCiting({ framework: 'iso27001:2022', id: 'A.8.24' })).map((e) => e.id)).toEqual(['e1']);
    const v3 = await lib.entries.update('e1', { answer: 'Yes, AES-256' });
    expect(v3.version).toBe(3);
    expect((await lib.entries.history('e1')).map((h) => h.version)).toEqual([1, 2, 3]);
    expect(await lib.changeSeq()).toBeGreaterThan(0);
    lib.close();
    await deleteLibrary(name);
  });
});
