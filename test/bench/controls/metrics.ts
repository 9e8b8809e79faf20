// hit@1 / hit@3 of a ranking over a labelled set: a hit is any labelled control (primary or acceptable)
// at rank 1, or among the first three.
import type { Framework } from '../../../lib/controls/framework';
import type { LabelledQuestion, LabelledSet } from './sets';

export interface Hits {
  n: number;
  hit1: number;
  hit3: number;
}

/** Ranked control ids per framework for one question. */
export type Ranker = (q: LabelledQuestion) => Partial<Record<Framework, readonly string[]>>;

export function hits(set: LabelledSet, rank: Ranker): Record<string, Hits> {
  const out: Record<string, Hits> = {};
  for (const f of set.frameworks) out[f] = { n: 0, hit1: 0, hit3: 0 };
  for (const q of set.questions) {
    const ranked = rank(q);
    for (const f of set.frameworks) {
      const labels = q.labels[f] ?? [];
      if (labels.length === 0) continue;
      const ids = ranked[f] ?? [];
      const h = out[f]!;
      h.n++;
      if (ids.length > 0 && labels.includes(ids[0]!)) h.hit1++;
      if (ids.slice(0, 3).some((id) => labels.includes(id))) h.hit3++;
    }
  }
  return out;
}

export const pct = (x: number, n: number): string => (n === 0 ? 'n/a' : `${((100 * x) / n).toFixed(1)}%`);

/** Mean of hit@1 and hit@3 over every (set, framework): the fitting objective. */
export function objective(results: ReadonlyArray<Record<string, Hits>>): number {
  let sum = 0;
  let count = 0;
  for (const r of results)
    for (const h of Object.values(r)) {
      if (h.n === 0) continue;
      sum += (h.hit1 + h.hit3) / (2 * h.n);
      count++;
    }
  return count === 0 ? 0 : sum / count;
}
