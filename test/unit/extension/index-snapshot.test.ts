// Item 2 of the hardening issue: the library must not be readable from a content script's world. The search
// index snapshot lives in the background's IndexedDB (never storage.local), storage.local is restricted to
// trusted contexts at startup, and an old release's copy of the index is removed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { matchEngine } from '../../../lib/background/engine';
import { IndexService } from '../../../lib/background/index-service';
import { createServices, snapshotIndexCache } from '../../../lib/background/services';
import { LEGACY_INDEX_KEY, lockDownStorage } from '../../../lib/background/storage-access';
import { openIndexSnapshots } from '../../../lib/library';
import { freshLibrary } from '../library/helpers';
import Dexie from 'dexie';

let dbName = '';
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  dbName = `index-snapshot-${process.pid}-${++n}`;
});
afterEach(async () => {
  await Dexie.delete(dbName);
});

/** 20,000 distinct entries, as a large team library would hold. */
function bigLibraryDrafts(count: number) {
  const topics = ['encryption', 'backup', 'access review', 'logging', 'incident response', 'vendor risk'];
  return Array.from({ length: count }, (_, i) => ({
    id: `ans-${i}`,
    question: `How do you handle ${topics[i % topics.length]} for system ${i} in region ${i % 17}?`,
    answer: `System ${i} follows the ${topics[i % topics.length]} standard, reviewed quarterly by team ${i % 41}.`,
    owner: 'security@example.com',
    status: 'approved' as const,
    reuse: { level: 'public' as const },
  }));
}

describe('search index snapshot', () => {
  it('keeps a 20,000-entry index in IndexedDB, loads it on a cold start, and writes nothing to storage.local', async () => {
    const lib = await freshLibrary();
    await lib.entries.bulkPut(bigLibraryDrafts(20_000));
    const cache = snapshotIndexCache(dbName);

    const first = new IndexService(lib, matchEngine, cache);
    await first.start();
    expect(first.getStatus()).toMatchObject({ builtFrom: 'library', entries: 20_000 });

    // A new worker: the snapshot is current, so no rebuild.
    const second = new IndexService(lib, matchEngine, snapshotIndexCache(dbName));
    await second.start();
    expect(second.getStatus()).toMatchObject({ builtFrom: 'cache', entries: 20_000 });
    const [hit] = await second.match([{ question: 'How do you handle logging for system 12345 in region 3?' }], {
      threshold: 0.8,
    });
    expect(hit?.suggestions[0]?.entryId).toBe('ans-12345');

    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    const store = await openIndexSnapshots(dbName);
    expect((await store.read())?.entries).toBe(20_000);
    store.close();
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
