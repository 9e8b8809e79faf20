// "Find answer for selected text": the context menu stores the selection in session storage, and the side
// panel (open or opened next) picks it up and searches the library with it.
import { Lookup, lookupItem } from './storage-items';

export { Lookup };

export async function putLookup(lookup: Lookup): Promise<void> {
  await lookupItem.set(lookup);
}

/** The waiting selection, once: it is removed as it is read, so a second panel does not search it again. */
export async function takeLookup(): Promise<Lookup | undefined> {
  const lookup = await lookupItem.get();
  if (lookup) await lookupItem.remove();
  return lookup;
}

/** Call `fn` whenever a new selection lookup arrives. Returns the unsubscribe function. */
export function onLookup(fn: (lookup: Lookup) => void): () => void {
  return lookupItem.watch(fn);
}
