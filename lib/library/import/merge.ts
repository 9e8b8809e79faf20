// Deciding on near-duplicate proposals after an import. Every choice is an ordinary versioned write,
// so a wrong merge can be undone with restore().
import type { Library } from '../repository';
import type { AnswerEntry } from '../schema';
import type { MergeProposal } from './types';

export type MergeDecision =
  /** Fold the incoming question into the target as an alternative phrasing (answer kept unless useIncomingAnswer). */
  | { proposal: MergeProposal; action: 'merge'; useIncomingAnswer?: boolean }
  /** They are different questions after all: add the incoming entry as its own entry. */
  | { proposal: MergeProposal; action: 'keep-both' }
  | { proposal: MergeProposal; action: 'skip' };

const union = <T>(a: readonly T[], b: readonly T[], key: (x: T) => string = String) => {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((x) => !seen.has(key(x)) && (seen.add(key(x)), true))];
};

/** `note` goes into the history of every entry written (e.g. the defaults of the import the row came from). */
export async function resolveMergeProposals(
  lib: Library,
  decisions: readonly MergeDecision[],
  note?: string,
): Promise<AnswerEntry[]> {
  return lib.write(async () => {
    const out: AnswerEntry[] = [];
    const add = async (incoming: AnswerEntry) => {
      const { createdAt: _c, updatedAt: _u, version: _v, ...draft } = incoming;
      // The held row's id may have been taken meanwhile (it was generated, or the same file was imported again).
      const id = (await lib.entries.get(draft.id)) ? undefined : draft.id;
      const [rec] = await lib.entries.bulkPut([{ ...draft, id }], 'update', note);
      return rec!;
    };
    for (const d of decisions) {
      const { incoming } = d.proposal;
      if (d.action === 'skip') continue;
      if (d.action === 'keep-both') {
        out.push(await add(incoming));
        continue;
      }
      const target = await lib.entries.get(d.proposal.target.id);
      if (!target) {
        out.push(await add(incoming));
        continue;
      }
      const { createdAt: _c, updatedAt: _u, version: _v, ...base } = target;
      const [merged] = await lib.entries.bulkPut(
        [
          {
            ...base,
            alternatives: union(target.alternatives, [incoming.question, ...incoming.alternatives]).filter(
              (q) => q !== target.question,
            ),
            controls: union(target.controls, incoming.controls, (r) => `${r.framework}|${r.id}`),
            evidenceIds: union(target.evidenceIds, incoming.evidenceIds),
            tags: union(target.tags, incoming.tags),
            ...(d.useIncomingAnswer ? { answer: incoming.answer, shortAnswer: incoming.shortAnswer } : {}),
          },
        ],
        'merge',
        note ? `Merged a held-back import row (${note})` : 'Merged a held-back import row',
      );
      out.push(merged!);
    }
    return out;
  });
}
