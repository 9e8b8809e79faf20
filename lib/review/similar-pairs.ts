// Near-identical questions across the whole library, for the health page. Pairwise comparison would be
// quadratic (10,000 entries = 50M comparisons), so candidates come from prefix filtering: two token sets
// can only reach Jaccard >= t if they share one of their first |A| - ceil(t|A|) + 1 tokens under one global
// order. The order is rarest token first, so prefixes hold rare words and candidate lists stay short
// (alphabetical order would put common words like "access" in most prefixes).
import { jaccard, questionTokens, LIMITS, type AnswerEntry } from '../library/model';
import { answersDiffer } from './rules/conflicts';

export interface SimilarPair {
  a: AnswerEntry;
  b: AnswerEntry;
  similarity: number;
  /** conflict = the answers differ; duplicate = same answer twice (merge them). */
  kind: 'conflict' | 'duplicate';
}

interface Doc {
  i: number;
  /** Tokens in the global order (rarest first). */
  tokens: string[];
}

export function similarPairs(
  entries: readonly AnswerEntry[],
  threshold: number = LIMITS.nearDuplicateJaccard,
): SimilarPair[] {
  const raw = entries.map((e) => [e.question, ...e.alternatives].map(questionTokens).filter((t) => t.length));
  const df = new Map<string, number>();
  for (const docs of raw) for (const tokens of docs) for (const tok of tokens) df.set(tok, (df.get(tok) ?? 0) + 1);
  const rarestFirst = (a: string, b: string) => df.get(a)! - df.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  // Probe with the prefix; index only the shorter "mid prefix" (PPJoin), which is exact when documents are
  // processed shortest first, so every probe meets only documents no longer than itself.
  const probeLen = (n: number) => Math.max(1, n - Math.ceil(threshold * n - 1e-9) + 1);
  const indexLen = (n: number) => Math.max(1, n - Math.ceil(((2 * threshold) / (1 + threshold)) * n - 1e-9) + 1);
  const docs = raw
    .flatMap((list, i) => list.map((t): Doc => ({ i, tokens: [...t].sort(rarestFirst) })))
    .sort((x, y) => x.tokens.length - y.tokens.length || x.i - y.i);

  const postings = new Map<string, { doc: Doc; pos: number }[]>();
  const best = new Map<string, SimilarPair>();
  for (const a of docs) {
    const seen = new Set<Doc>();
    const n = a.tokens.length;
    for (let p = 0; p < probeLen(n); p++) {
      for (const { doc: b, pos: q } of postings.get(a.tokens[p]!) ?? []) {
        if (b.i === a.i || seen.has(b)) continue;
        seen.add(b);
        const m = b.tokens.length;
        // Length filter, then positional filter: this is the first shared token in the global order (or the
        // pair cannot qualify), so at most 1 + the tokens after it can still be shared.
        if (m < threshold * n) continue;
        const needed = Math.ceil((threshold / (1 + threshold)) * (n + m) - 1e-9);
        if (1 + Math.min(n - p - 1, m - q - 1) < needed) continue;
        const sim = jaccard(a.tokens, b.tokens);
        if (sim < threshold) continue;
        const [lo, hi] = a.i < b.i ? [a.i, b.i] : [b.i, a.i];
        const key = `${lo}|${hi}`;
        const prev = best.get(key);
        if (!prev || sim > prev.similarity) {
          const x = entries[lo]!;
          const y = entries[hi]!;
          best.set(key, { a: x, b: y, similarity: sim, kind: answersDiffer(x, y) ? 'conflict' : 'duplicate' });
        }
      }
    }
    for (let p = 0; p < indexLen(n); p++) {
      const tok = a.tokens[p]!;
      const list = postings.get(tok);
      if (list) list.push({ doc: a, pos: p });
      else postings.set(tok, [{ doc: a, pos: p }]);
    }
  }
  const order = new Map(entries.map((e, i) => [e, i]));
  return [...best.values()].sort((x, y) =>
    x.kind === y.kind
      ? y.similarity - x.similarity || order.get(x.a)! - order.get(y.a)! || order.get(x.b)! - order.get(y.b)!
      : x.kind === 'conflict'
        ? -1
        : 1,
  );
}
