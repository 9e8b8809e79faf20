// Near-duplicate questions: normalized-token Jaccard similarity with prefix filtering, so checking a
// 20,000-row file against a 10,000-entry library stays roughly linear instead of comparing every pair.
import { LIMITS } from './limits';

const STOPWORDS = new Set(
  'a an and are as at be by do does for from has have how if in is it its of on or our please the their there this to we what when where which who will with you your yours describe provide explain'.split(' '),
);

/** Lowercase, strip punctuation, drop stopwords, light suffix stemming ("encrypted" ~ "encrypts" ~ "encrypt"). */
export function questionTokens(text: string): string[] {
  const lower = text.toLowerCase();
  // Accents are folded ("chiffré" ~ "chiffre"); ASCII text, the common case, skips the Unicode work.
  const folded = /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const words = folded.split(/[^a-z0-9]+/);
  const out = new Set<string>();
  for (const w of words) {
    if (!w || STOPWORDS.has(w)) continue;
    out.add(stem(w));
  }
  return [...out];
}

function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (!a.length && !b.length) return 1;
  const setB = new Set(b);
  let inter = 0;
  for (const t of a) if (setB.has(t)) inter++;
  return inter / (a.length + b.length - inter);
}

export interface DuplicateIndexDoc<K> {
  key: K;
  tokens: string[];
}

/** Document frequency of each token over a corpus: the order used for prefix filtering (rarest first). */
export function tokenFrequencies(docs: Iterable<readonly string[]>): Map<string, number> {
  const df = new Map<string, number>();
  for (const tokens of docs) for (const t of tokens) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}

/**
 * An incremental index answering "which earlier document is a near-duplicate of this one?".
 * Prefix filtering: with threshold t, two sets can only reach Jaccard ≥ t if they share one of the
 * first |A| − ⌈t·|A|⌉ + 1 tokens of each set under one fixed global token order. Ordering rarest-first
 * (by `frequencies`, computed over everything that will be added or probed) keeps posting lists short;
 * any fixed order keeps the filter exact, so unknown tokens simply sort first.
 */
export class DuplicateIndex<K> {
  private readonly postings = new Map<string, DuplicateIndexDoc<K>[]>();
  constructor(
    private readonly frequencies: ReadonlyMap<string, number> = new Map(),
    private readonly threshold: number = LIMITS.nearDuplicateJaccard,
  ) {}

  /** The k rarest tokens (k is 1-3 for typical questions): a selection, cheaper than sorting every token list. */
  private prefix(tokens: readonly string[]): string[] {
    const n = tokens.length;
    const k = Math.max(1, n - Math.ceil(this.threshold * n) + 1);
    const freq = tokens.map((t) => this.frequencies.get(t) ?? 0);
    const before = (i: number, j: number) => freq[i]! < freq[j]! || (freq[i] === freq[j] && tokens[i]! < tokens[j]!);
    const taken = new Set<number>();
    const out: string[] = [];
    for (let step = 0; step < Math.min(k, n); step++) {
      let best = -1;
      for (let i = 0; i < n; i++) if (!taken.has(i) && (best < 0 || before(i, best))) best = i;
      taken.add(best);
      out.push(tokens[best]!);
    }
    return out;
  }

  get size(): number {
    return this.postings.size;
  }

  add(key: K, tokens: string[]): void {
    if (tokens.length) this.addWithPrefix({ key, tokens }, this.prefix(tokens));
  }

  /** Best match at or above the threshold, or undefined. */
  best(tokens: string[]): { key: K; similarity: number } | undefined {
    return tokens.length ? this.bestWithPrefix(tokens, this.prefix(tokens)) : undefined;
  }

  /** best() then, when nothing matched, add(): one prefix computation for both (the import's per-row path). */
  bestOrAdd(key: K, tokens: string[]): { key: K; similarity: number } | undefined {
    if (!tokens.length) return undefined;
    const prefix = this.prefix(tokens);
    const hit = this.bestWithPrefix(tokens, prefix);
    if (!hit) this.addWithPrefix({ key, tokens }, prefix);
    return hit;
  }

  private addWithPrefix(doc: DuplicateIndexDoc<K>, prefix: string[]): void {
    for (const t of prefix) {
      const list = this.postings.get(t);
      if (list) list.push(doc);
      else this.postings.set(t, [doc]);
    }
  }

  private bestWithPrefix(tokens: string[], prefix: string[]): { key: K; similarity: number } | undefined {
    let best: { key: K; similarity: number } | undefined;
    const seen = new Set<DuplicateIndexDoc<K>>();
    for (const t of prefix) {
      for (const doc of this.postings.get(t) ?? []) {
        if (seen.has(doc)) continue;
        seen.add(doc);
        const sim = jaccard(tokens, doc.tokens);
        if (sim >= this.threshold && (!best || sim > best.similarity)) best = { key: doc.key, similarity: sim };
      }
    }
    return best;
  }
}
