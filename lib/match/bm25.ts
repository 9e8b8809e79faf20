// A BM25F inverted index over typed-array postings (see ../shared/notes/search-libraries-bench.md:
// packaged engines are 30-700x slower at 50k documents). Supports add/remove so the background can keep
// it in step with the library, and a compact snapshot (varint postings in base64) for cold starts.
import { base64ToBytes, ByteWriter, bytesToBase64, VarintReader, writeVarints } from './base64';

export interface FieldSpec {
  name: string;
  weight: number;
  /** BM25 length normalisation per field: 0 = none, 1 = full. */
  b: number;
}

interface Posting {
  /** Ascending doc ids (documents are added in slot order and removal keeps the order). */
  docs: Int32Array;
  /** tf per field, row-major: tf[i * fieldCount + f]. */
  tf: Uint16Array;
  n: number;
  /** Saturated BM25F term weight per posting, t(k1+1)/(k1+t) with field weights and length norms folded
   *  into t: a query then costs one multiply-add per posting. Rebuilt when documents change. */
  sat: Float32Array;
}

export interface Hit {
  doc: number;
  score: number;
}

export interface Bm25Snapshot {
  fields: FieldSpec[];
  k1: number;
  terms: string[];
  /** Per term in `terms` order, as base64 varints: count, doc-id gaps, then count x fields tf values. */
  postings: string;
  /** Term count per document and field (varints, base64). */
  docLen: string;
  /** 1 per live slot, 0 per removed slot (bytes, base64). */
  alive: string;
}

const EMPTY_F32 = new Float32Array(0);

export class Bm25Index {
  readonly fields: FieldSpec[];
  readonly k1: number;
  private termIds = new Map<string, number>();
  private terms: string[] = [];
  private postings: Posting[] = [];
  private docLen: number[] = []; // docCount * fieldCount
  private alive: Uint8Array = new Uint8Array(16);
  private docCount = 0;
  private readonly distinctScratch: number[] = [];
  private liveCount = 0;
  private totalLen: number[];
  private dirty = true;
  private changes = 0;
  /** idf per term number, rebuilt on first use after documents change: candidate re-ranking reads idf
   *  for every term of every candidate, and a log per read showed in profiles. */
  private idfTable = new Float64Array(0);
  private idfValid = false;
  // Per-query scratch, reused so a query allocates nothing proportional to the library.
  private acc = new Float64Array(0);
  private touched = new Int32Array(0);
  /** 0..docCount-1, for small indexes, whose searches read every document. */
  private everyDoc = new Int32Array(0);
  /** Per document and field, BM25's length normalisation 1 - b + b * len / avg (rebuilt with `sat`): per-field
   *  scores of re-ranking candidates read it instead of working it out per term. */
  private lengthNorm = new Float64Array(0);
  /**
   * The postings turned around: per document, its distinct term numbers (fwdTerms) with their tf per field
   * (fwdTf, nf per term), at [fwdStart[doc], fwdStart[doc] + fwdCount[doc]). Re-ranking reads a candidate's
   * terms from one place instead of a binary search in a long posting list per query term. Kept in step by
   * add(); remove() leaves the block as dead space until it is most of the pool.
   */
  private fwdStart = new Int32Array(16);
  private fwdCount = new Int32Array(16);
  private fwdTerms = new Int32Array(1024);
  private fwdTf = new Uint16Array(0);
  private fwdUsed = 0;
  private fwdDead = 0;
  /** The document whose terms are marked (markDoc): termMark[t] === markStamp while term t is in it, at
   *  forward position termPos[t]. */
  private termMark = new Int32Array(0);
  private termPos = new Int32Array(0);
  private markStamp = 0;
  private markedDoc = -1;

  constructor(fields: FieldSpec[], k1 = 1.2) {
    this.fields = fields;
    this.k1 = k1;
    this.totalLen = fields.map(() => 0);
  }

  get size(): number {
    return this.liveCount;
  }

  /** Counts adds and removes, so callers can tell when something they derived from the index is stale. */
  get generation(): number {
    return this.changes;
  }

  /** Term numbers handed out so far (termIndex returns values below this). */
  get termCount(): number {
    return this.terms.length;
  }

  /** Slots ever handed out, removed ones included. */
  get slotCount(): number {
    return this.docCount;
  }

  isLive(doc: number): boolean {
    return doc < this.docCount && this.alive[doc] === 1;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      this.postings.push({
        docs: new Int32Array(2),
        tf: new Uint16Array(2 * this.fields.length),
        n: 0,
        sat: EMPTY_F32,
      });
    }
    return id;
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
    const distinct = this.distinctScratch;
    distinct.length = 0;
    for (let f = 0; f < nf; f++) {
      const terms = fieldTerms[f] ?? [];
      this.docLen.push(terms.length);
      this.totalLen[f]! += terms.length;
      for (const term of terms) {
        const id = this.termId(term);
        const p = this.postings[id]!;
        // This doc is the newest, so its posting (if any) is the last one.
        if (p.n === 0 || p.docs[p.n - 1] !== doc) {
          distinct.push(id);
          if (p.n === p.docs.length) {
            const docs = new Int32Array(p.docs.length * 2);
            docs.set(p.docs);
            const tf = new Uint16Array(p.tf.length * 2);
            tf.set(p.tf);
            p.docs = docs;
            p.tf = tf;
          }
          p.docs[p.n] = doc;
          p.tf.fill(0, p.n * nf, (p.n + 1) * nf);
          p.n++;
        }
        const at = (p.n - 1) * nf + f;
        if (p.tf[at]! < 65535) p.tf[at]!++;
      }
    }
    this.addForward(doc, distinct);
    this.dirty = true;
    this.idfValid = false;
    this.changes++;
    return doc;
  }

  /** Appends the forward block of `doc` (the newest document): its terms' tf read from their last postings. */
  private addForward(doc: number, ids: readonly number[]): void {
    const nf = this.fields.length;
    if (doc >= this.fwdStart.length) {
      const start = new Int32Array(Math.max(doc + 1, this.fwdStart.length * 2));
      start.set(this.fwdStart);
      this.fwdStart = start;
      const count = new Int32Array(start.length);
      count.set(this.fwdCount);
      this.fwdCount = count;
    }
    if (this.fwdUsed + ids.length > this.fwdTerms.length || (this.fwdUsed + ids.length) * nf > this.fwdTf.length) {
      const size = Math.max(this.fwdTerms.length * 2, this.fwdUsed + ids.length);
      const terms = new Int32Array(size);
      terms.set(this.fwdTerms.subarray(0, this.fwdUsed));
      this.fwdTerms = terms;
      const tf = new Uint16Array(size * nf);
      tf.set(this.fwdTf.subarray(0, this.fwdUsed * nf));
      this.fwdTf = tf;
    }
    let k = this.fwdUsed;
    this.fwdStart[doc] = k;
    this.fwdCount[doc] = ids.length;
    for (const id of ids) {
      const p = this.postings[id]!;
      this.fwdTerms[k] = id;
      for (let f = 0; f < nf; f++) this.fwdTf[k * nf + f] = p.tf[(p.n - 1) * nf + f]!;
      k++;
    }
    this.fwdUsed = k;
    this.markedDoc = -1;
  }

  /** Rebuilds every live document's forward block from the postings (after a restore, or to drop dead space). */
  private rebuildForward(): void {
    const nf = this.fields.length;
    const count = new Int32Array(Math.max(16, this.docCount));
    for (const p of this.postings) for (let i = 0; i < p.n; i++) count[p.docs[i]!]!++;
    const start = new Int32Array(count.length);
    let used = 0;
    for (let d = 0; d < this.docCount; d++) {
      start[d] = used;
      used += count[d]!;
    }
    const terms = new Int32Array(Math.max(1024, used));
    const tf = new Uint16Array(terms.length * nf);
    const fill = new Int32Array(count.length);
    this.postings.forEach((p, id) => {
      for (let i = 0; i < p.n; i++) {
        const d = p.docs[i]!;
        const k = start[d]! + fill[d]!++;
        terms[k] = id;
        for (let f = 0; f < nf; f++) tf[k * nf + f] = p.tf[i * nf + f]!;
      }
    });
    this.fwdStart = start;
    this.fwdCount = count;
    this.fwdTerms = terms;
    this.fwdTf = tf;
    this.fwdUsed = used;
    this.fwdDead = 0;
    this.markedDoc = -1;
  }

  /** Marks `doc`'s terms (see termMark) unless it is already the marked document. */
  private markDoc(doc: number): void {
    if (doc === this.markedDoc) return;
    if (this.termMark.length < this.terms.length) {
      this.termMark = new Int32Array(this.terms.length * 2);
      this.termPos = new Int32Array(this.terms.length * 2);
      this.markStamp = 0;
    }
    if (this.markStamp === 0x7fffffff) {
      this.termMark.fill(0);
      this.markStamp = 0;
    }
    const stamp = ++this.markStamp;
    const { termMark, termPos, fwdTerms } = this;
    for (let k = this.fwdStart[doc]!, end = k + this.fwdCount[doc]!; k < end; k++) {
      const t = fwdTerms[k]!;
      termMark[t] = stamp;
      termPos[t] = k;
    }
    this.markedDoc = doc;
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
        const i = find(p, doc);
        if (i < 0) continue;
        p.docs.copyWithin(i, i + 1, p.n);
        p.tf.copyWithin(i * nf, (i + 1) * nf, p.n * nf);
        p.n--;
      }
    }
    this.fwdDead += this.fwdCount[doc]!;
    this.fwdCount[doc] = 0;
    this.markedDoc = -1;
    if (this.fwdDead > 1 << 16 && this.fwdDead * 2 > this.fwdUsed) this.rebuildForward();
    this.dirty = true;
    this.idfValid = false;
    this.changes++;
  }

  has(term: string): boolean {
    const id = this.termIds.get(term);
    return id !== undefined && this.postings[id]!.n > 0;
  }

  /** Whether document `doc` contains `term` in any field. */
  contains(term: string, doc: number): boolean {
    const id = this.termIds.get(term);
    return id !== undefined && find(this.postings[id]!, doc) >= 0;
  }

  /** The term's number in this index (stable while the index lives), or -1 when no document has had it. */
  termIndex(term: string): number {
    return this.termIds.get(term) ?? -1;
  }

  /** contains() and idf() by term number, for callers that keep term numbers instead of strings. */
  containsAt(id: number, doc: number): boolean {
    return id >= 0 && find(this.postings[id]!, doc) >= 0;
  }

  /** Whether document `doc` holds term number `id` in any field of `mask` (bit f = field f). */
  containsInAt(id: number, doc: number, mask: number): boolean {
    if (id < 0) return false;
    const p = this.postings[id]!;
    const i = find(p, doc);
    if (i < 0) return false;
    const nf = this.fields.length;
    for (let f = 0; f < nf; f++) if ((mask >> f) & 1 && p.tf[i * nf + f]! > 0) return true;
    return false;
  }

  /** containsInAt(id, doc, mask) for the document fieldScores() read last (its terms are still marked). */
  heldInScored(id: number, doc: number, mask: number): boolean {
    if (doc !== this.markedDoc) return this.containsInAt(id, doc, mask);
    if (id < 0 || this.termMark[id] !== this.markStamp) return false;
    const nf = this.fields.length;
    const i = this.termPos[id]!;
    for (let f = 0; f < nf; f++) if ((mask >> f) & 1 && this.fwdTf[i * nf + f]! > 0) return true;
    return false;
  }

  idfAt(id: number): number {
    if (id < 0) return idfOf(0, this.liveCount);
    if (!this.idfValid) {
      if (this.idfTable.length < this.postings.length) this.idfTable = new Float64Array(this.postings.length * 2);
      for (let t = 0; t < this.postings.length; t++) this.idfTable[t] = idfOf(this.postings[t]!.n, this.liveCount);
      this.idfValid = true;
    }
    return this.idfTable[id]!;
  }

  /**
   * Per-field BM25 of one document (k1 and each field's b, without field weights) for query terms given by
   * number with their weights, into `scores[f]`; `present[f]` gets the weighted idf of the query terms the
   * field holds. Ranking features read fields apart: a question's words in an entry's title mean more than
   * the same words deep in its answer, and by how much is fitted, not fixed. Returns the weighted idf of
   * the query terms found in any field of `mask` (bit f = field f), each term counted once.
   */
  fieldScores(
    ids: Int32Array,
    weights: Float64Array,
    doc: number,
    scores: Float64Array,
    present: Float64Array,
    mask: number,
  ): number {
    const nf = this.fields.length;
    scores.fill(0, 0, nf);
    present.fill(0, 0, nf);
    this.refresh();
    this.markDoc(doc);
    const k1 = this.k1;
    const { lengthNorm, termMark, termPos, fwdTf } = this;
    const stamp = this.markStamp;
    let any = 0;
    for (let q = 0; q < ids.length; q++) {
      const id = ids[q]!;
      if (id < 0 || termMark[id] !== stamp) continue;
      const i = termPos[id]!;
      const idf = this.idfAt(id);
      const w = weights[q]! * idf;
      let found = false;
      for (let f = 0; f < nf; f++) {
        const tf = fwdTf[i * nf + f]!;
        if (tf === 0) continue;
        const t = tf / lengthNorm[doc * nf + f]!;
        scores[f]! += (w * (t * (k1 + 1))) / (k1 + t);
        present[f]! += w;
        if ((mask >> f) & 1) found = true;
      }
      if (found) any += w;
    }
    return any;
  }

  df(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.postings[id]!.n;
  }

  /** Documents holding term number `id` (0 for -1, a term the index has never seen). */
  dfAt(id: number): number {
    return id < 0 ? 0 : this.postings[id]!.n;
  }

  idf(term: string): number {
    return idfOf(this.df(term), this.liveCount);
  }

  private refresh(): void {
    if (!this.dirty) return;
    const nf = this.fields.length;
    const k1 = this.k1;
    const norm = new Float64Array(this.docCount * nf); // per doc per field: weight / (1 - b + b * len / avg)
    if (this.lengthNorm.length < this.docCount * nf) this.lengthNorm = new Float64Array(this.docCount * nf * 2);
    const lengthNorm = this.lengthNorm;
    const avg = this.totalLen.map((t) => (this.liveCount > 0 ? Math.max(t / this.liveCount, 1) : 1));
    for (let d = 0; d < this.docCount; d++) {
      for (let f = 0; f < nf; f++) {
        const { weight, b } = this.fields[f]!;
        lengthNorm[d * nf + f] = 1 - b + (b * this.docLen[d * nf + f]!) / avg[f]!;
        norm[d * nf + f] = weight / lengthNorm[d * nf + f]!;
      }
    }
    if (this.acc.length < this.docCount) {
      this.acc = new Float64Array(Math.max(16, this.docCount * 2));
      this.touched = new Int32Array(this.acc.length);
    }
    for (const p of this.postings) {
      if (p.sat.length < p.n) p.sat = new Float32Array(p.docs.length);
      const { docs, tf, sat } = p;
      for (let i = 0; i < p.n; i++) {
        const d = docs[i]!;
        let t = 0;
        for (let f = 0; f < nf; f++) t += tf[i * nf + f]! * norm[d * nf + f]!;
        // Rounded to float32 first, as the pseudo-frequency was stored before, so scores do not drift.
        t = Math.fround(t);
        sat[i] = (t * (k1 + 1)) / (k1 + t);
      }
    }
    this.dirty = false;
  }

  /**
   * Top `k` documents for weighted query terms. Score ties go to the lower `order[doc]` (e.g. the place of
   * the document's id in id order), so results do not depend on slot order: an incrementally updated
   * index ranks exactly like a rebuilt one. A table, not a callback: near-duplicate entries tie often.
   */
  search(query: ReadonlyMap<string, number>, k: number, order: ArrayLike<number>): Hit[] {
    const top = this.searchTop(query, k, order);
    return hits(top.count);
  }

  /**
   * Adds every query term's postings into acc. With `track`, records first-touched documents in touched
   * and returns their count; a small index (a control catalog) skips that upkeep, which costs more there
   * than reading every document's score once.
   */
  private accumulate(query: ReadonlyMap<string, number>, track: boolean): number {
    const { acc, touched } = this;
    let nt = 0;
    for (const [term, qw] of query) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const p = this.postings[id]!;
      const n = p.n;
      if (n === 0) continue;
      const w = qw * idfOf(n, this.liveCount);
      const { docs, sat } = p;
      if (!track) {
        for (let i = 0; i < n; i++) acc[docs[i]!]! += w * sat[i]!;
        continue;
      }
      for (let i = 0; i < n; i++) {
        const d = docs[i]!;
        const a = acc[d]!;
        // Written without a branch: whether a document is new is a coin toss the CPU cannot predict, and a
        // mispredicted branch per posting cost more than the store.
        touched[nt] = d;
        nt += a === 0 ? 1 : 0;
        acc[d] = a + w * sat[i]!;
      }
    }
    return nt;
  }

  /**
   * search() without Hit objects: the best `count` documents and scores, best first, in arrays shared by
   * every index and overwritten by the next search. For callers that read them at once (the classifier
   * runs three catalog searches per question).
   */
  searchTop(
    query: ReadonlyMap<string, number>,
    k: number,
    order: ArrayLike<number>,
  ): { count: number; docs: Int32Array; scores: Float64Array } {
    this.refresh();
    let count: number;
    if (this.docCount > SMALL_INDEX) count = topK(this.acc, this.touched, this.accumulate(query, true), k, order);
    else {
      this.accumulate(query, false);
      if (this.everyDoc.length !== this.docCount)
        this.everyDoc = Int32Array.from({ length: this.docCount }, (_, d) => d);
      count = topK(this.acc, this.everyDoc, this.docCount, k, order);
    }
    return { count, docs: topDocs, scores: topScores };
  }

  snapshot(): Bm25Snapshot {
    const nf = this.fields.length;
    const bytes = new ByteWriter();
    for (const p of this.postings) {
      bytes.varint(p.n);
      // Doc-id gaps written straight from the postings: no array per term (a 20,000-entry index has ~100k terms).
      for (let i = 0, prev = 0; i < p.n; i++) {
        bytes.varint(p.docs[i]! - prev);
        prev = p.docs[i]!;
      }
      writeVarints(p.tf.subarray(0, p.n * nf), bytes);
    }
    const lens = new ByteWriter();
    writeVarints(this.docLen, lens);
    return {
      fields: this.fields,
      k1: this.k1,
      terms: this.terms.slice(),
      postings: bytesToBase64(bytes.bytes()),
      docLen: bytesToBase64(lens.bytes()),
      alive: bytesToBase64(this.alive.slice(0, this.docCount)),
    };
  }

  /** Rebuilds an index from a snapshot; throws a RangeError naming the broken part when it does not add up. */
  static restore(s: Bm25Snapshot): Bm25Index {
    const index = new Bm25Index(s.fields, s.k1);
    const nf = s.fields.length;
    const alive = base64ToBytes(s.alive);
    const lens = base64ToBytes(s.docLen);
    const postings = base64ToBytes(s.postings);
    if (!alive || !lens || !postings) throw new RangeError('postings, docLen or alive is not base64');
    const docCount = alive.length;
    index.docCount = docCount;
    index.alive = new Uint8Array(Math.max(16, docCount));
    index.alive.set(alive);
    for (let d = 0; d < docCount; d++) index.liveCount += alive[d] === 1 ? 1 : 0;
    const lr = new VarintReader(lens);
    for (let i = 0; i < docCount * nf; i++) {
      const len = lr.next();
      index.docLen.push(len);
      index.totalLen[i % nf]! += len;
    }
    if (!lr.done) throw new RangeError('docLen has more values than documents x fields');
    const r = new VarintReader(postings);
    for (let t = 0; t < s.terms.length; t++) {
      const term = s.terms[t]!;
      if (index.termIds.has(term)) throw new RangeError(`term "${term}" appears twice`);
      index.termIds.set(term, t);
      const n = r.next();
      if (n > docCount) throw new RangeError(`term "${term}" has more postings than documents`);
      const docs = new Int32Array(Math.max(2, n));
      let prev = -1;
      for (let i = 0; i < n; i++) {
        const d = i === 0 ? r.next() : prev + r.next();
        if (d <= prev || d >= docCount)
          throw new RangeError(`term "${term}" lists document ${d} out of order or range`);
        docs[i] = prev = d;
      }
      const tf = new Uint16Array(Math.max(2, n) * nf);
      for (let i = 0; i < n * nf; i++) tf[i] = r.next();
      index.postings.push({ docs, tf, n, sat: EMPTY_F32 });
    }
    if (!r.done) throw new RangeError('postings has more data than its terms');
    index.terms = s.terms.slice();
    index.rebuildForward();
    return index;
  }
}

/** Up to this many documents, a search reads every document's score instead of tracking touched ones. */
const SMALL_INDEX = 512;

function idfOf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Position of `doc` in a posting list (binary search over the ascending doc ids), or -1. */
function find(p: Posting, doc: number): number {
  let lo = 0;
  let hi = p.n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = p.docs[mid]!;
    if (d === doc) return mid;
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

let topDocs = new Int32Array(64);
let topScores = new Float64Array(64);

/**
 * Best `k` of the touched documents (score desc, then order asc), clearing the accumulator as it goes. The
 * best so far are kept in order in two typed arrays: most documents score below the last of them and cost
 * one comparison, and the rest are placed by insertion, which for k of 30-40 beats a heap (no calls).
 * `order` is only read on exact score ties.
 */
function topK(acc: Float64Array, touched: Int32Array, nt: number, k: number, order: ArrayLike<number>): number {
  // Shared scratch (search is synchronous and never re-entered), grown on demand.
  if (topDocs.length < k) {
    topDocs = new Int32Array(k);
    topScores = new Float64Array(k);
  }
  const docs = topDocs;
  const scores = topScores;
  let size = 0;
  let last = -Infinity; // score of the k-th once the list is full
  for (let j = 0; j < nt; j++) {
    const d = touched[j]!;
    const score = acc[d]!;
    acc[d] = 0;
    if (score <= 0 || score < last || k === 0) continue;
    if (size === k) {
      if (score === last && order[d]! > order[docs[k - 1]!]!) continue;
      size--;
    }
    let p = size;
    while (p > 0 && (scores[p - 1]! < score || (scores[p - 1] === score && order[docs[p - 1]!]! > order[d]!))) {
      scores[p] = scores[p - 1]!;
      docs[p] = docs[p - 1]!;
      p--;
    }
    scores[p] = score;
    docs[p] = d;
    size++;
    if (size === k) last = scores[k - 1]!;
  }
  return size;
}

/** The last selection as Hit objects. */
function hits(size: number): Hit[] {
  const out: Hit[] = new Array<Hit>(size);
  for (let i = 0; i < size; i++) out[i] = { doc: topDocs[i]!, score: topScores[i]! };
  return out;
}
