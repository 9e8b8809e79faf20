// Plain lexical baselines for answer retrieval, as in ../shared/notes/retrieval-baselines.md: lowercase
// words, a stop-word list, the engine's small suffix stemmer, BM25 (k1 1.2, b 0.75), no lexicon, no
// context. "BM25F" is each field's BM25 normalised by its best score, then weighted. Figures to measure the
// engine against, not designs to copy.
import type { AnswerEntry } from '../../../lib/library/schema';
import { Bm25Index } from '../../../lib/match/bm25';
import { words } from '../../../lib/match/lexicon';
import { stem } from '../../../lib/match/stem';

const STOP = new Set(
  (
    'a an and are as at be by do does for from has have how in is it its of on or our that the their this to ' +
    'was we what when where which who will with you your any all can if not no yes there these those been'
  ).split(' '),
);
const plain = (text: string): string[] =>
  words(text)
    .filter((w) => !STOP.has(w))
    .map(stem);

export type BaselineName = 'BM25 question' | 'BM25 question x2 + answer' | 'BM25F question 0.5 + answer 0.5';
export const BASELINES: readonly BaselineName[] = [
  'BM25 question',
  'BM25 question x2 + answer',
  'BM25F question 0.5 + answer 0.5',
];

/** Ranks entry ids for a question text (best first, up to 10). */
export type Ranker = (question: string) => string[];

function single(entries: readonly AnswerEntry[], text: (e: AnswerEntry) => string): (q: string) => Map<number, number> {
  const bm25 = new Bm25Index([{ name: 'all', weight: 1, b: 0.75 }]);
  for (const e of entries) bm25.add([plain(text(e))]);
  const order = Int32Array.from(entries.map((_, i) => i));
  return (question) => {
    const q = new Map<string, number>();
    for (const t of plain(question)) q.set(t, (q.get(t) ?? 0) + 1);
    return new Map(bm25.search(q, entries.length, order).map((h) => [h.doc, h.score]));
  };
}

export function baseline(name: BaselineName, entries: readonly AnswerEntry[]): Ranker {
  const rank = (scores: Map<number, number>): string[] =>
    [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 10)
      .map(([d]) => entries[d]!.id);
  switch (name) {
    case 'BM25 question': {
      const s = single(entries, (e) => e.question);
      return (q) => rank(s(q));
    }
    case 'BM25 question x2 + answer': {
      const s = single(entries, (e) => `${e.question} ${e.question} ${e.answer}`);
      return (q) => rank(s(q));
    }
    case 'BM25F question 0.5 + answer 0.5': {
      const sq = single(entries, (e) => e.question);
      const sa = single(entries, (e) => e.answer);
      return (q) => {
        const a = sq(q);
        const b = sa(q);
        const maxA = Math.max(1e-9, ...a.values());
        const maxB = Math.max(1e-9, ...b.values());
        const out = new Map<number, number>();
        for (const [d, s] of a) out.set(d, 0.5 * (s / maxA));
        for (const [d, s] of b) out.set(d, (out.get(d) ?? 0) + 0.5 * (s / maxB));
        return rank(out);
      };
    }
  }
}
