// Every key Crosswalk keeps in extension storage, declared once (WXT storage.defineItem, with a version so a
// later change of shape comes with a migration instead of a silent misread). Everything else lives in IndexedDB
// (lib/library). Reads go through a zod schema: storage outlives releases and a bad value is dropped, never cast.
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { z } from 'zod';
import { QuestionnaireContext } from '../messaging';

/** A stored value read through its schema: anything that does not parse reads as absent. */
export interface SchemaItem<T> {
  readonly key: StorageItemKey;
  get(): Promise<T | undefined>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  /** Call `fn` with each new valid value written by any extension context. Returns the unsubscribe function. */
  watch(fn: (value: T) => void): () => void;
}

/**
 * A versioned storage item validated on read and write. To change a stored shape: bump `version` and pass the
 * migration for it (WXT runs it once, on first use after the upgrade).
 */
export function schemaItem<S extends z.ZodType>(
  key: StorageItemKey,
  schema: S,
  opts: { version: number; migrations?: Record<number, (old: unknown) => unknown> },
): SchemaItem<z.infer<S>> {
  const item = storage.defineItem<unknown>(key, { version: opts.version, migrations: opts.migrations ?? {} });
  const read = (value: unknown): z.infer<S> | undefined => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  return {
    key,
    get: async () => read(await item.getValue()),
    set: (value) => item.setValue(schema.parse(value)),
    remove: () => item.removeValue({ removeMeta: true }),
    watch(fn) {
      return item.watch((value) => {
        const parsed = read(value);
        if (parsed !== undefined) fn(parsed);
      });
    },
  };
}

/** "Find answer for selected text": the selection the context menu hands to the side panel. */
export const Lookup = z.object({
  text: z.string().min(1).max(2000),
  at: z.number(),
  tabId: z.number().int().optional(),
});
export type Lookup = z.infer<typeof Lookup>;

/** Session storage: a selection is worth nothing after the browser restarts. */
export const lookupItem = schemaItem('session:crosswalk.lookup', Lookup, { version: 1 });

/**
 * The questionnaire declared for a page, one item per page address (origin + path: the query and fragment of a
 * multi-step form's address change between its steps, the questionnaire does not).
 */
export function questionnaireContextItem(url: string): SchemaItem<QuestionnaireContext> {
  return schemaItem(`local:crosswalk.questionnaire:${pageKey(url)}`, QuestionnaireContext, { version: 1 });
}

function pageKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return 'unknown';
  }
}

/**
 * Where the first release kept the serialized search index (173 of 175 answers, readable by content scripts):
 * only ever removed (lockDownStorage).
 */
export const legacyIndexItem = storage.defineItem<unknown>('local:crosswalk.searchIndex');
