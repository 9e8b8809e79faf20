// A BM25F inverted index over typed-array postings (see /work/shared/notes/search-libraries-bench.md:
// packaged engines are 30-700x slower at 50k documents). Supports add/remove so the background can keep
// it in step with the library, and a plain-data snapshot for cold starts.

export interface FieldSpec {
  name: string;
  weight: number;
  /** BM25 length normalisation per field: 0 = none, 1 = full. */
  b: number;
}

interface Posting {
  docs: Int32Array;
  /** tf per field, row-major: tf[i * fieldCount + f]. */
  tf: Uint16Array;
  n: number;
  /** BM25F pseudo-frequency per posting (field weights and length norms applied); rebuilt when stale. */
  w: Float32Array;
}

export interface Hit {
  doc: number;
  score: number;
}

export interface Bm25Snapshot {
  fields: FieldSpec[];
  k1: number;
  terms: string[];
  postings: Array<[docs: number[], tf: number[]]>;
  docLen: number[];
  alive: number[];
}

export class Bm25Index {
  readonly fields: FieldSpec[];
  readonly k1: number;
  private termIds = new Map<string, number>();
  private terms: string[] = [];
  private postings: Posting[] = [];
  private docLen: number[] = []; // docCount * fieldCount
  private alive: Uint8Array = new Uint8Array(16);
  private docCount = 0;
  private liveCount = 0;
  private totalLen: number[];
  private norm = new Float64Array(0); // per doc per field: weight / (1 - b + b * len / avg)
  private dirty = true;
  private acc = new Float64Array(0);

  constructor(fields: FieldSpec[], k1 = 1.2) {
    this.fields = fields;
    this.k1 = k1;
    this.totalLen = fields.map(() => 0);
  }

  get size(): number {
    return this.liveCount;
  }

  /** Adds a document given its terms per field (same order as `fields`); returns its slot. */
  add(fieldTerms: ReadonlyArray<readonly string[]>): number {
    const nf = this.fields.length;
    const doc = this.docCount++;
    if (doc >= this.alive.length) {
      const grown = new Uint8Array(this.alive.length * 2);
      grown.set(this.alive);
      this.alive = grown;
    }
    this.alive[doc] = 1;
    this.liveCount++;
    const counts = new Map<number, Uint16Array>();
    for (let f = 0; f < nf; f++) {
      const terms = fieldTerms[f] ?? [];
      this.docLen.push(terms.length);
      this.totalLen[f]! += terms.length;
      for (const term of terms) {
        let id = this.termIds.get(term);
        if (id === undefined) {
          id = this.terms.length;
          this.termIds.set(term, id);
          this.terms.push(term);
          this.postings.push({ docs: new Int32Array(2), tf: new Uint16Array(2 * nf), n: 0, w: new Float32Array(0) });
        }
        let row = counts.get(id);
        if (!row) counts.set(id, (row = new Uint16Array(nf)));
        if (row[f]! < 65535) row[f]!++;
      }
    }
    for (const [id, row] of counts) {
      const p = this.postings[id]!;
      if (p.n === p.docs.length) {
        const docs = new Int32Array(p.docs.length * 2);
        docs.set(p.docs);
        const tf = new Uint16Array(p.tf.length * 2);
        tf.set(p.tf);
        p.docs = docs;
        p.tf = tf;
      }
      p.docs[p.n] = doc;
      p.tf.set(row, p.n * nf);
      p.n++;
    }
    this.dirty = true;
    return doc;
  }

  /** Removes a document: its postings go away so df, N and average lengths equal a rebuild's. */
  remove(doc: number, fieldTerms: ReadonlyArray<readonly string[]>): void {
    if (!this.alive[doc]) return;
    const nf = this.fields.length;
    this.alive[doc] = 0;
    this.liveCount--;
    const seen = new Set<number>();
    for (let f = 0; f < nf; f++) {
      this.totalLen[f]! -= this.docLen[doc * nf + f]!;
      this.docLen[doc * nf + f] = 0;
      for (const term of fieldTerms[f] ?? []) {
        const id = this.termIds.get(term);
        if (id === undefined || seen.has(id)) continue;
        seen.add(id);
        const p = this.postings[id]!;
        for (let i = 0; i < p.n; i++) {
          if (p.docs[i] !== doc) continue;
          p.docs.copyWithin(i, i + 1, p.n);
          p.tf.copyWithin(i * nf, (i + 1) * nf, p.n * nf);
          p.n--;
          break;
        }
      }
    }
    this.dirty = true;
  }

  has(term: string): boolean {
    const id = this.termIds.get(term);
    return id !== undefined && this.postings[id]!.n > 0;
  }

  df(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.postings[id]!.n;
  }

  idf(term: string): number {
    const df = this.df(term);
    const n = this.liveCount;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private refresh(): void {
    if (!this.dirty) return;
    const nf = this.fields.length;
    if (this.norm.length < this.docCount * nf) this.norm = new Float64Array(Math.max(16, this.docCount * nf * 2));
    const avg = this.totalLen.map((t) => (this.liveCount > 0 ? Math.max(t / this.liveCount, 1) : 1));
    for (let d = 0; d < this.docCount; d++) {
      for (let f = 0; f < nf; f++) {
        const { weight, b } = this.fields[f]!;
        this.norm[d * nf + f] = weight / (1 - b + (b * this.docLen[d * nf + f]!) / avg[f]!);
      }
    }
    if (this.acc.length < this.docCount) this.acc = new Float64Array(Math.max(16, this.docCount * 2));
    // Fold field weights and length norms into one number per posting, so a query costs one multiply
    // per posting (the norms only change when documents are added or removed).
    for (const p of this.postings) {
      if (p.w.length < p.n) p.w = new Float32Array(p.docs.length);
      for (let i = 0; i < p.n; i++) {
        const d = p.docs[i]!;
        let t = 0;
        for (let f = 0; f < nf; f++) t += p.tf[i * nf + f]! * this.norm[d * nf + f]!;
        p.w[i] = t;
      }
    }
    this.dirty = false;
  }

  /**
   * Top `k` documents for weighted query terms. `key` breaks score ties so results do not depend on slot
   * order (an incrementally updated index ranks exactly like a rebuilt one).
   */
  search(query: ReadonlyMap<string, number>, k: number, key: (doc: number) => string): Hit[] {
    this.refresh();
    const acc = this.acc;
    const touched: number[] = [];
    const k1 = this.k1;
    for (const [term, qw] of query) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const p = this.postings[id]!;
      if (p.n === 0) continue;
      const w = qw * Math.log(1 + (this.liveCount - p.n + 0.5) / (p.n + 0.5));
      const { docs, w: pw } = p;
      for (let i = 0; i < p.n; i++) {
        const d = docs[i]!;
        const t = pw[i]!;
        if (acc[d] === 0) touched.push(d);
        acc[d]! += (w * t * (k1 + 1)) / (k1 + t);
      }
    }
    const top: Hit[] = [];
    let floor = -Infinity;
    for (const d of touched) {
      const score = acc[d]!;
      acc[d] = 0;
      if (score < floor || score <= 0) continue;
      top.push({ doc: d, score });
      if (top.length > k * 4) {
        top.sort((a, b) => b.score - a.score || (key(a.doc) < key(b.doc) ? -1 : 1));
        top.length = k;
        floor = top[k - 1]!.score;
      }
    }
    top.sort((a, b) => b.score - a.score || (key(a.doc) < key(b.doc) ? -1 : 1));
    if (top.length > k) top.length = k;
    return top;
  }

  snapshot(): Bm25Snapshot {
    const nf = this.fields.length;
    return {
      fields: this.fields,
      k1: this.k1,
      terms: this.terms,
      postings: this.postings.map((p) => [Array.from(p.docs.subarray(0, p.n)), Array.from(p.tf.subarray(0, p.n * nf))]),
      docLen: this.docLen,
      alive: Array.from(this.alive.subarray(0, this.docCount)),
    };
  }

  static restore(s: Bm25Snapshot): Bm25Index {
    const index = new Bm25Index(s.fields, s.k1);
    const nf = s.fields.length;
    index.terms = s.terms;
    s.terms.forEach((t, i) => index.termIds.set(t, i));
    index.postings = s.postings.map(([docs, tf]) => ({ docs: Int32Array.from(docs), tf: Uint16Array.from(tf), n: docs.length, w: new Float32Array(0) }));
    index.docLen = s.docLen;
    index.docCount = s.alive.length;
    index.alive = new Uint8Array(Math.max(16, s.alive.length));
    index.alive.set(s.alive);
    index.liveCount = s.alive.reduce((a, b) => a + b, 0);
    for (let d = 0; d < index.docCount; d++) for (let f = 0; f < nf; f++) index.totalLen[f]! += s.docLen[d * nf + f]!;
    return index;
  }
}
