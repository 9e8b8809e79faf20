// Rows an import held back (near-duplicates of a library question or of an earlier row), kept until someone
// decides: Accept (add as its own entry), Merge (fold the question into the entry it resembles) or Discard.
// They live in the library's settings table, written in the import's own transaction, so they are in backups
// and survive restarts; the wizard's report and the Notifications tab both list them.
import { z } from 'zod';
import type { Library } from '../repository';
import { AnswerEntry } from '../schema';
import { newId, nowIso } from '../stable';
import { resolveMergeProposals } from './merge';
import type { MergeProposal } from './types';

export const HELD_KEY = 'library.heldBack';

export const HeldRow = z.object({
  id: z.string(),
  batchId: z.string(),
  fileName: z.string(),
  at: z.string(),
  row: z.number().int().nonnegative(),
  incoming: AnswerEntry,
  target: z.object({
    id: z.string(),
    question: z.string(),
    in: z.enum(['library', 'file']),
    row: z.number().optional(),
  }),
  similarity: z.number(),
  /** Words for the history of whatever the decision writes (the file's defaults). */
  note: z.string().optional(),
});
export type HeldRow = z.infer<typeof HeldRow>;

export type HeldDecision = 'accept' | 'merge' | 'discard';

export async function listHeld(lib: Library): Promise<HeldRow[]> {
  const raw = await lib.settings.get<unknown[]>(HELD_KEY);
  if (!Array.isArray(raw)) return [];
  // A row that no longer validates (a newer schema, a hand-edited backup) is skipped rather than breaking the list.
  return raw.flatMap((r) => {
    const p = HeldRow.safeParse(r);
    return p.success ? [p.data] : [];
  });
}

/** Keep `proposals` for a later decision (inside the caller's transaction when there is one). */
export async function holdBack(
  lib: Library,
  proposals: readonly MergeProposal[],
  batch: { id: string; fileName: string; note?: string },
): Promise<HeldRow[]> {
  if (!proposals.length) return [];
  const at = nowIso();
  const existing = await listHeld(lib);
  // Importing the same file twice holds the same rows once.
  const key = (e: { question: string; answer: string }, target: string) =>
    `${e.question}\u0000${e.answer}\u0000${target}`;
  const known = new Set(existing.map((h) => key(h.incoming, h.target.question)));
  const fresh = proposals.filter((p) => !known.has(key(p.incoming, p.target.question)));
  const rows: HeldRow[] = fresh.map((p) => ({
    id: newId('held'),
    batchId: batch.id,
    fileName: batch.fileName,
    at,
    row: p.row,
    incoming: p.incoming,
    target: p.target,
    similarity: p.similarity,
    ...(batch.note ? { note: batch.note } : {}),
  }));
  if (rows.length) await lib.write(async () => lib.settings.set(HELD_KEY, [...existing, ...rows]));
  return rows;
}

/**
 * Decide on held rows: accept adds the incoming entry on its own, merge folds it into the entry it resembles
 * (a row held against an earlier row of the same file merges into that row's entry once it exists), discard
 * drops it. All decisions commit together.
 */
export async function decideHeld(
  lib: Library,
  decisions: readonly { id: string; decision: HeldDecision }[],
): Promise<{ accepted: number; merged: number; discarded: number }> {
  return lib.write(async () => {
    const held = await listHeld(lib);
    const byId = new Map(held.map((h) => [h.id, h]));
    const counts = { accepted: 0, merged: 0, discarded: 0 };
    const done = new Set<string>();
    for (const { id, decision } of decisions) {
      const h = byId.get(id);
      if (!h || done.has(id)) continue;
      done.add(id);
      if (decision === 'discard') {
        counts.discarded++;
        continue;
      }
      const proposal: MergeProposal = { incoming: h.incoming, row: h.row, target: h.target, similarity: h.similarity };
      await resolveMergeProposals(lib, [{ proposal, action: decision === 'accept' ? 'keep-both' : 'merge' }], h.note);
      if (decision === 'accept') counts.accepted++;
      else counts.merged++;
    }
    await lib.settings.set(
      HELD_KEY,
      held.filter((h) => !done.has(h.id)),
    );
    return counts;
  });
}
