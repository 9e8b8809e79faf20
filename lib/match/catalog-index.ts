// BM25F over one control catalog, scored densely: a catalog is small (30-140 controls) and never changes,
// so a query writes every control's score into a caller's array, and the classifier can score the
// question, each of its sentences and its section heading separately and mix the results.

export interface CatalogField {
  name: string;
  weight: number;
  /** Length normalisation: 0 = none, 1 = full. */
  b: number;
}

interface Row {
  /** Controls holding the term, ascending. */
  docs: Int32Array;
  /** Saturated BM25F weight of the term in each of those controls, times the term's idf. */
  weights: Float64Array;
  /** 1 + the first field holding the term, per entry of docs. */
  fields: Uint8Array;
  idf: number;
}

export class CatalogIndex {
  readonly size: number;
  private readonly rows = new Map<string, Row>();

  /** `docs[d][f]`: the analysed terms of control d's field f (fields in `fields` order). A term held by
   *  at least `common.share` of the controls scores `common.factor` times its weight. */
  constructor(
    readonly fields: readonly CatalogField[],
    docs: ReadonlyArray<ReadonlyArray<readonly string[]>>,
    common: { share: number; factor: number } = { share: 1, factor: 1 },
    k1 = 1.2,
  ) {
    this.size = docs.length;
    const nf = fields.length;
    const avg = fields.map((_, f) => Math.max(1, docs.reduce((sum, d) => sum + (d[f]?.length ?? 0), 0) / docs.length));
    const postings = new Map<string, Array<[doc: number, tf: number, field: number]>>();
    docs.forEach((doc, d) => {
      const tf = new Map<string, { t: number; first: number }>();
      for (let f = 0; f < nf; f++) {
        const terms = doc[f] ?? [];
        const { weight, b } = fields[f]!;
        const norm = weight / (1 - b + (b * terms.length) / avg[f]!);
        for (const term of terms) {
          const x = tf.get(term);
          if (x) x.t += norm;
          else tf.set(term, { t: norm, first: f });
        }
      }
      for (const [term, { t, first }] of tf) {
        let list = postings.get(term);
        if (!list) postings.set(term, (list = []));
        list.push([d, (t * (k1 + 1)) / (k1 + t), first]);
      }
    });
    for (const [term, list] of postings) {
      const idf = Math.log(1 + (this.size - list.length + 0.5) / (list.length + 0.5));
      const damp = list.length >= common.share * this.size ? common.factor : 1;
      this.rows.set(term, {
        docs: Int32Array.from(list, (x) => x[0]),
        weights: Float64Array.from(list, (x) => x[1] * idf * damp),
        fields: Uint8Array.from(list, (x) => x[2] + 1),
        idf,
      });
    }
  }

  /** Adds `factor` x the BM25F score of every control for `query` into out[offset + control]. */
  score(query: ReadonlyMap<string, number>, out: Float64Array, offset: number, factor = 1): void {
    for (const [term, qw] of query) {
      const row = this.rows.get(term);
      if (!row) continue;
      const w = qw * factor;
      const { docs, weights } = row;
      for (let i = 0; i < docs.length; i++) out[offset + docs[i]!]! += w * weights[i]!;
    }
  }

  idf(term: string): number {
    return this.rows.get(term)?.idf ?? 0;
  }

  /** The posting row of `term`, for explanations: look it up once per question, then ask `held` per control. */
  row(term: string): CatalogRow | undefined {
    return this.rows.get(term);
  }
}

/** One term's postings in a catalog (see CatalogIndex.row). */
export type CatalogRow = Readonly<Row>;

/** What `term` (its row) brings to control `doc` at query weight 1, and 1 + the first field holding it
 *  (field 0: the control does not hold the term). */
export function held(row: CatalogRow, doc: number): { weight: number; field: number } {
  let lo = 0;
  let hi = row.docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = row.docs[mid]!;
    if (d === doc) return { weight: row.weights[mid]!, field: row.fields[mid]! };
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return NONE;
}

const NONE = Object.freeze({ weight: 0, field: 0 });
