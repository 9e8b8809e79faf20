import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../../lib/match/bm25';

/** Small deterministic PRNG (mulberry32), so a failure reproduces. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Skewed vocabulary: a few words in most documents, many rare ones, like a real answer library.
const word = (r: () => number): string => `w${Math.floor(Math.pow(r(), 3) * 400)}`;

describe('Bm25Index.search', () => {
  it('returns the same top k, with the same scores, as ranking every document (the selection keeps exactly the best k)', () => {
    const r = rng(7);
    const index = new Bm25Index([
      { name: 'question', weight: 3, b: 0.5 },
      { name: 'answer', weight: 0.6, b: 0.75 },
    ]);
    for (let d = 0; d < 3000; d++) {
      index.add([
        Array.from({ length: 3 + Math.floor(r() * 10) }, () => word(r)),
        Array.from({ length: 5 + Math.floor(r() * 30) }, () => word(r)),
      ]);
    }
    const key = Int32Array.from({ length: index.slotCount }, (_, doc) => doc);
    for (let q = 0; q < 200; q++) {
      const query = new Map<string, number>();
      for (let i = 0; i < 2 + Math.floor(r() * 12); i++) query.set(word(r), i < 4 ? 1 : 0.3);
      const k = 1 + Math.floor(r() * 40);
      const all = index.search(query, index.slotCount, key);
      expect(index.search(query, k, key)).toEqual(all.slice(0, k));
    }
  });

  it('ranks a small index (read whole) exactly as a large one (touched documents only)', () => {
    const r = rng(11);
    const fields = [
      { name: 'question', weight: 3, b: 0.5 },
      { name: 'answer', weight: 0.6, b: 0.75 },
    ];
    const docs = Array.from({ length: 300 }, () => [
      Array.from({ length: 3 + Math.floor(r() * 10) }, () => word(r)),
      Array.from({ length: 5 + Math.floor(r() * 30) }, () => word(r)),
    ]);
    const extra = Array.from({ length: 400 }, () => [[word(r)], [word(r), word(r)]]);
    const small = new Bm25Index(fields);
    for (const d of docs) small.add(d);
    // Same live documents, but 700 slots: past the small-index size, so the other path runs.
    const large = new Bm25Index(fields);
    for (const d of docs) large.add(d);
    extra.forEach((d) => large.remove(large.add(d), d));
    const order = Int32Array.from({ length: large.slotCount }, (_, doc) => doc);
    for (let q = 0; q < 200; q++) {
      const query = new Map<string, number>();
      for (let i = 0; i < 2 + Math.floor(r() * 12); i++) query.set(word(r), i < 4 ? 1 : 0.3);
      const k = 1 + Math.floor(r() * 40);
      const hits = small.search(query, k, order);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits).toEqual(large.search(query, k, order));
    }
  });
});
