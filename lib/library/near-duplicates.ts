// Near-duplicate questions: normalized-token Jaccard similarity with prefix filtering, so checking a
// 20,000-row file against a 10,000-entry library stays roughly linear instead of comparing every pair.
import { LIMITS } from './limits';

const STOPWORDS = new Set(
  'a an and are as at be by do does for from has have how if in is it its of on or our please the their there this to we what when where which who will with you your yours describe provide explain'.split(
    ' ',
  ),
);

/** Lowercase, strip punctuation, drop stopwords, light suffix stemming ("encrypted" ~ "encrypts" ~ "encrypt"). */
export function questionTokens(text: string): string[] {
  const lower = text.toLowerCase();
  // Accents are folded ("chiffré" ~ "chiffre"); ASCII text, the common case, skips the Unicode work.
  const folded = /^\p{ASCII}*$/u.test(lower) ? lower : lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  // Words are runs of [a-z0-9], scanned by char code: every imported row is tokenized, so no split() arrays.
  const out: string[] = [];
  let seen: Set<string> | undefined; // a linear scan dedupes a question's few tokens; long answers get a Set
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const c = i < folded.length ? folded.charCodeAt(i) : 0;
    const word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (word) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const w = folded.slice(start, i);
    start = -1;
    if (STOPWORDS.has(w)) continue;
    const t = stem(w);
    if (seen) {
      if (seen.has(t)) continue;
      seen.add(t);
    } else if (out.includes(t)) continue;
    else if (out.length >= 32) seen = new Set(out).add(t);
    out.push(t);
  }
  return out;
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
    const k = Math.min(n, Math.max(1, n - Math.ceil(this.threshold * n) + 1));
    const freq = tokens.map((t) => this.frequencies.get(t) ?? 0);
    const out: string[] = [];
    for (let step = 0; step < k; step++) {
      let best = -1;
      for (let i = 0; i < n; i++) {
        if (freq[i]! < 0) continue; // taken
        if (best < 0 || freq[i]! < freq[best]! || (freq[i] === freq[best] && tokens[i]! < tokens[best]!)) best = i;
      }
      freq[best] = -1;
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
    // A document is listed under each of its prefix tokens; only a multi-token probe can meet it twice.
    const seen = prefix.length > 1 ? new Set<DuplicateIndexDoc<K>>() : undefined;
    for (const t of prefix) {
      const list = this.postings.get(t);
      if (!list) continue;
      for (const doc of list) {
        if (seen) {
          if (seen.has(doc)) continue;
          seen.add(doc);
        }
        const sim = jaccard(tokens, doc.tokens);
        if (sim >= this.threshold && (!best || sim > best.similarity)) best = { key: doc.key, similarity: sim };
      }
    }
    return best;
  }
}
