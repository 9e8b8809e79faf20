// "Find answer for selected text": the context menu stores the selection in session storage, and the side
// panel (open or opened next) picks it up and searches the library with it.
import { browser } from 'wxt/browser';
import { z } from 'zod';

export const LOOKUP_KEY = 'crosswalk.lookup';
export const Lookup = z.object({
  text: z.string().min(1).max(2000),
  at: z.number(),
  tabId: z.number().int().optional(),
});
export type Lookup = z.infer<typeof Lookup>;

export async function putLookup(lookup: Lookup): Promise<void> {
  await browser.storage.session.set({ [LOOKUP_KEY]: lookup });
}

export async function takeLookup(): Promise<Lookup | undefined> {
  const got = await browser.storage.session.get(LOOKUP_KEY);
  const parsed = Lookup.safeParse(got[LOOKUP_KEY]);
  if (!parsed.success) return undefined;
  await browser.storage.session.remove(LOOKUP_KEY);
  return parsed.data;
}

/** Call `fn` whenever a new selection lookup arrives. Returns the unsubscribe function. */
export function onLookup(fn: (lookup: Lookup) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session' || !changes[LOOKUP_KEY]) return;
    const parsed = Lookup.safeParse(changes[LOOKUP_KEY].newValue);
    if (parsed.success) fn(parsed.data);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
