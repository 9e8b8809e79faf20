// Item 2 of the hardening issue: the library must not be readable from a content script's world. The search
// index snapshot lives in the background's IndexedDB (never storage.local), storage.local is restricted to
// trusted contexts at startup, and an old release's copy of the index is removed.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { matchEngine } from '../../../lib/background/engine';
import { IndexService } from '../../../lib/background/index-service';
import { createServices, snapshotIndexCache } from '../../../lib/background/services';
import { lockDownStorage } from '../../../lib/background/storage-access';
import { AnswerEntry, openIndexSnapshots } from '../../../lib/library';

const STORAGE_LOCAL_QUOTA_BYTES = 10 * 1024 * 1024;
/** The key the first release kept the serialized index under (spelled out: it is what users' storage holds). */
const LEGACY_INDEX_KEY = 'crosswalk.searchIndex';
import { freshLibrary } from '../library/helpers';

// fake-indexeddb lives in memory for this file: a fresh database name per test, no cleanup needed.
let dbName = '';
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  dbName = `index-snapshot-${process.pid}-${++n}`;
});

/** 20,000 distinct entries, as a large team library would hold. */
function bigLibraryDrafts(count: number) {
  const topics = ['encryption', 'backup', 'access review', 'logging', 'incident response', 'vendor risk'];
  return Array.from({ length: count }, (_, i) => ({
    id: `ans-${i}`,
    question: `How do you handle ${topics[i % topics.length]} for system ${i} in region ${i % 17}?`,
    // About the length of a real approved answer (a few sentences), so the snapshot has a realistic size.
    answer:
      `System ${i} follows the ${topics[i % topics.length]} standard, reviewed quarterly by team ${i % 41}. ` +
      'Exceptions are approved by the security officer and tracked to closure; evidence of each review is kept ' +
      'for three years and is available to customers under NDA on request.',
    owner: 'security@example.com',
    status: 'approved' as const,
    reuse: { level: 'public' as const },
  }));
}

describe('search index snapshot', () => {
  it('a 20,000-entry snapshot, too big for storage.local, round-trips through IndexedDB and matches', async () => {
    const now = '2025-01-01T00:00:00.000Z';
    const entries = bigLibraryDrafts(20_000).map((d) =>
      AnswerEntry.parse({ ...d, createdAt: now, updatedAt: now, version: 1 }),
    );
    const index = matchEngine.build(entries, []);
    const snapshot = { seq: 7, builtAt: now, entries: 20_000, evidence: 0, data: matchEngine.serialize(index) };
    // Chrome's storage.local quota without unlimitedStorage: the snapshot would not fit there.
    expect(JSON.stringify(snapshot).length).toBeGreaterThan(STORAGE_LOCAL_QUOTA_BYTES);

    await snapshotIndexCache(dbName).write(snapshot);
    const read = await snapshotIndexCache(dbName).read();
    expect(read).toMatchObject({ seq: 7, entries: 20_000 });
    const loaded = matchEngine.load(read!.data);
    const [hit] = matchEngine.matchAll(
      loaded,
      [{ question: 'How do you handle logging for system 12345 in region 3?' }],
      { threshold: 0.8 },
    );
    expect(hit?.suggestions[0]?.entryId).toBe('ans-12345');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  }, 120_000); // builds and serializes a 20k-entry index: seconds on a busy machine, not a speed check

  it('a cold start loads the current snapshot instead of rebuilding, and a library change forces a rebuild', async () => {
    const lib = await freshLibrary();
    await lib.entries.bulkPut(bigLibraryDrafts(50));
    const first = new IndexService(lib, matchEngine, snapshotIndexCache(dbName));
    await first.start();
    expect(first.getStatus()).toMatchObject({ builtFrom: 'library', entries: 50 });

    const second = new IndexService(lib, matchEngine, snapshotIndexCache(dbName));
    await second.start();
    expect(second.getStatus()).toMatchObject({ builtFrom: 'cache', entries: 50 });

    await lib.entries.put(bigLibraryDrafts(51)[50]!);
    const third = new IndexService(lib, matchEngine, snapshotIndexCache(dbName));
    await third.start();
    expect(third.getStatus()).toMatchObject({ builtFrom: 'library', entries: 51 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('the background services persist through the snapshot store, not extension storage', async () => {
    const lib = await freshLibrary();
    await lib.entries.put(bigLibraryDrafts(1)[0]!);
    const services = createServices(() => Promise.resolve(lib), snapshotIndexCache(dbName));
    const index = await services.index();
    expect(index.getStatus().entries).toBeGreaterThan(0);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    const store = await openIndexSnapshots(dbName);
    expect(await store.read()).toMatchObject({ entries: index.getStatus().entries });
    store.close();
  });
});

describe('storage lockdown at startup', () => {
  it('restricts storage.local to trusted contexts and removes the old index copy', async () => {
    await fakeBrowser.storage.local.set({ [LEGACY_INDEX_KEY]: { data: 'every answer' }, 'crosswalk.other': 1 });
    const setAccessLevel = vi.fn(() => Promise.resolve());
    Object.assign(fakeBrowser.storage.local, { setAccessLevel });
    await lockDownStorage();
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ 'crosswalk.other': 1 });
  });

  it('still removes the old copy where setAccessLevel is missing (Firefox) or fails', async () => {
    await fakeBrowser.storage.local.set({ [LEGACY_INDEX_KEY]: { data: 'every answer' } });
    const log = vi.fn();
    Object.assign(fakeBrowser.storage.local, {
      setAccessLevel: () => Promise.reject(new Error('not allowed')),
    });
    await lockDownStorage(log);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('extension pages'), expect.any(Error));
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    Object.assign(fakeBrowser.storage.local, { setAccessLevel: undefined });
    await fakeBrowser.storage.local.set({ [LEGACY_INDEX_KEY]: 1 });
    await lockDownStorage(log);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
