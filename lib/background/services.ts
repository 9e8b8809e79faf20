// The background's long-lived services, created lazily on the first request of each worker start:
// open the library, then load or build the search index. Requests wait for this instead of racing it.
// Nothing is seeded here: the library page asks on first run (lib/library/first-run.ts), so an emptied
// library stays empty across restarts.
import { browser } from 'wxt/browser';
import { openLibrary, type Library } from '../library/repository';
import { matchEngine } from './engine';
import { IndexService, type CachedIndex, type IndexCache } from './index-service';
import type { Services } from './handlers';
import { loadSettings } from './settings';

const CACHE_KEY = 'crosswalk.searchIndex';

/** The serialized index lives in extension storage (not IndexedDB, which lib/library owns). */
export const storageIndexCache: IndexCache = {
  async read() {
    const got = await browser.storage.local.get(CACHE_KEY);
    return got[CACHE_KEY] as CachedIndex | undefined;
  },
  async write(value) {
    await browser.storage.local.set({ [CACHE_KEY]: value });
  },
};

export function createServices(
  open: () => Promise<Library> = () => openLibrary(),
): Services & { library(): Promise<Library> } {
  let library: Promise<Library> | undefined;
  let index: Promise<IndexService<unknown>> | undefined;
  const getLibrary = () =>
    (library ??= (async () => {
      return open();
    })().catch((err: unknown) => {
      library = undefined; // retry on the next request
      throw err;
    }));
  const getIndex = () =>
    (index ??= (async () => {
      const lib = await getLibrary();
      const service = new IndexService(lib, matchEngine, storageIndexCache) as IndexService<unknown>;
      await service.start();
      // Writes made in this worker are applied at once; other pages' writes are picked up by sync().
      lib.onChange(() => void service.sync().catch((err) => console.warn('[crosswalk] index sync failed:', err)));
      return service;
    })().catch((err: unknown) => {
      index = undefined;
      throw err;
    }));
  return {
    library: getLibrary,
    index: getIndex,
    settings: async () => loadSettings((await getLibrary()).settings),
  };
}
