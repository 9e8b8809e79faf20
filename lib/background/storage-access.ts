// Keep extension storage out of the content script's reach. Chrome lets content scripts read
// storage.local by default; the content script never needs storage, and the page it runs beside is
// untrusted (a renderer compromise or a bug would expose whatever is there), so the background raises the
// access level to trusted contexts (extension pages and the worker) on every start. Firefox has no
// setAccessLevel; there the fix is keeping nothing sensitive in storage.local (the index lives in IndexedDB).
import { browser } from 'wxt/browser';
import { legacyIndexItem } from './storage-items';

type AccessLevelArea = { setAccessLevel?: (o: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void> };

export async function lockDownStorage(
  log: (message: string, err: unknown) => void = (m, e) => console.warn(m, e),
): Promise<void> {
  const local = browser.storage.local as unknown as AccessLevelArea & typeof browser.storage.local;
  try {
    await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch (err) {
    log('[crosswalk] could not restrict storage.local to extension pages:', err);
  }
  try {
    // A copy of the library left by an earlier release: drop it (the index is rebuilt in IndexedDB).
    await legacyIndexItem.removeValue();
  } catch (err) {
    log('[crosswalk] could not remove the old search index from storage.local:', err);
  }
}
