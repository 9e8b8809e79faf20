// The background's long-lived services, created lazily on the first request of each worker start:
// open the library, then load or build the search index. Requests wait for this instead of racing it.
// Nothing is seeded here: the library page asks on first run (lib/library/first-run.ts), so an emptied
// library stays empty across restarts.
import { openIndexSnapshots, openLibrary, type Library } from '../library';
import { matchEngine } from './engine';
import { IndexService, type IndexCache } from './index-service';
import type { Services } from './handlers';
import { loadSettings } from './settings';

/**
 * The serialized index lives in the background's own IndexedDB (lib/library's snapshot store), never in
 * storage.local: that area is readable from content scripts and too small for a large library.
 */
export function snapshotIndexCache(name?: string): IndexCache {
  let store: ReturnType<typeof openIndexSnapshots> | undefined;
  const open = () =>
    (store ??= openIndexSnapshots(name).catch((err: unknown) => {
      store = undefined;
      throw err;
    }));
  return {
    read: async () => (await open()).read(),
    write: async (value) => (await open()).write(value),
  };
}

export function createServices(
  open: () => Promise<Library> = () => openLibrary(),
  cache: IndexCache = snapshotIndexCache(),
): Services & { library(): Promise<Library> } {
  let library: Promise<Library> | undefined;
  let index: Promise<IndexService<unknown>> | undefined;
  const getLibrary = () =>
    (library ??= open().catch((err: unknown) => {
      library = undefined; // retry on the next request
      throw err;
    }));
  const getIndex = () =>
    (index ??= (async () => {
      const lib = await getLibrary();
      const service = new IndexService(lib, matchEngine, cache) as IndexService<unknown>;
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
