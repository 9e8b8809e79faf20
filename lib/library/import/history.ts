// The import log: one record per committed import (file, when, the defaults chosen, counts, and the entries it
// wrote), kept in the library's settings so the entries table can filter by import batch and a backup carries
// it. Only the most recent batches are kept: older entries still say where they came from in `source`.
import { z } from 'zod';
import type { Library } from '../repository';

export const IMPORTS_KEY = 'library.imports';
export const IMPORTS_KEPT = 20;

export const ImportBatch = z.object({
  id: z.string(),
  fileName: z.string(),
  at: z.string(),
  /** The file's defaults in words ('' when the file needed none). */
  defaults: z.string(),
  added: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  held: z.number().int().nonnegative(),
  retired: z.number().int().nonnegative(),
  /** Entries added or updated by this import. */
  entryIds: z.array(z.string()),
});
export type ImportBatch = z.infer<typeof ImportBatch>;

export async function listImports(lib: Library): Promise<ImportBatch[]> {
  const raw = await lib.settings.get<unknown[]>(IMPORTS_KEY);
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((r) => {
    const p = ImportBatch.safeParse(r);
    return p.success ? [p.data] : [];
  });
}

/** Newest first, at most IMPORTS_KEPT (inside the caller's transaction when there is one). */
export async function recordImport(lib: Library, batch: ImportBatch): Promise<void> {
  await lib.write(async () =>
    lib.settings.set(IMPORTS_KEY, [batch, ...(await listImports(lib))].slice(0, IMPORTS_KEPT)),
  );
}
