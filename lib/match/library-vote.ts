// The team's own library as labelled data: each entry names its controls, so when entries close to a
// question name controls, those controls gain votes. A vote counts by how close the entry is to the
// question and by how far the team stands behind it (approved and current beats draft or stale).
import type { AnswerEntry } from '../library/model';
import type { LibraryVote } from './classify';
import { isStale } from './reuse';

/** Fitted with the Tidewater library as the library and the VSAQ and NIST sets as questions
 *  (test/bench/controls-bench.ts); see the classifier section of lib/match/README.md. */
export const VOTE_WEIGHTS = {
  /** Entries below this similarity to the question do not vote (idf-weighted Dice of the questions). */
  minSimilarity: 0.4,
  /** At or above this similarity an entry's vote counts fully; between the two it grows linearly. */
  fullSimilarity: 0.7,
  /** At most this many of the closest entries vote. */
  voters: 5,
  /** Approval: an approved, current entry counts fully. */
  draft: 0.5,
  stale: 0.6,
};

export interface VoteCandidate {
  entry: AnswerEntry;
  /** Similarity of the entry's closest question variant to the question, 0..1. */
  sim: number;
}

/** Votes of the closest entries that name controls, best first; empty when none is close enough. */
export function libraryVotes(
  candidates: readonly VoteCandidate[],
  today: string,
  w: typeof VOTE_WEIGHTS = VOTE_WEIGHTS,
): LibraryVote[] {
  const out: LibraryVote[] = [];
  const close = [...candidates].filter((c) => c.sim >= w.minSimilarity && c.entry.controls.length > 0);
  close.sort((a, b) => b.sim - a.sim || (a.entry.id < b.entry.id ? -1 : 1));
  for (const c of close.slice(0, w.voters)) {
    const e = c.entry;
    if (e.status === 'retired') continue;
    const approval = (e.status === 'draft' ? w.draft : 1) * (isStale(e, today) ? w.stale : 1);
    const closeness = Math.min(1, (c.sim - w.minSimilarity) / (w.fullSimilarity - w.minSimilarity));
    const weight = Math.round(closeness * approval * 1000) / 1000;
    if (weight > 0) out.push({ entryId: e.id, weight, controls: e.controls });
  }
  return out;
}
