// Question -> ranked controls per framework. BM25F over each catalog (title, keywords, summary, group),
// then the crosswalk lends evidence across frameworks: a strong ISO 2022 match lifts its SOC 2
// counterparts and back, and ISO 2013 controls inherit from the 2022 controls that replaced them.
import { FRAMEWORKS, type Framework } from '../controls/framework';
import { Bm25Index, type FieldSpec } from './bm25';
import { defaultControlSource, type ControlSource, type EdgeStrength, type MatchControl } from './control-source';
import { analyze, analyzeQuery, addTerms, expand, sentences, type WeightedTerms } from './text';
import type { ControlMatch, QuestionInput } from './types';

/** Tuned on the method, never on single questions: see test/bench/match-bench.ts. */
export const CLASSIFIER_WEIGHTS = {
  fields: [
    { name: 'title', weight: 2.5, b: 0.3 },
    { name: 'keywords', weight: 1.5, b: 0.6 },
    { name: 'summary', weight: 1.0, b: 0.2 },
    { name: 'group', weight: 0.4, b: 0 },
  ] satisfies FieldSpec[],
  question: 1,
  /** Sentences after the first (examples, explanations) count this much. */
  laterSentences: 0.6,
  helper: 0.5,
  section: 0.6,
  options: 0.25,
  expansion: 0.3,
  /** A multi-word keyword or title found whole in the question is stronger evidence than its words apart. */
  phrase: 0.5,
  /** Management-system clauses answer "do you run an ISMS" questions; most questions are about a control. */
  clausePrior: 0.85,
  /** How much a counterpart's normalised score adds, by edge strength. */
  crosswalk: 0.35,
  strength: { strong: 1, partial: 0.7, weak: 0.35 } satisfies Record<EdgeStrength, number>,
  /** Controls below this share of the framework's best score are not reported. */
  floor: 0.3,
  limit: 5,
};

interface FrameworkIndex {
  bm25: Bm25Index;
  controls: MatchControl[];
  /** Position of this framework's first control in the classifier-wide arrays. */
  offset: number;
  /** Per term: for each control, 1 + the first of its fields (title, keywords, summary, group) holding
   *  the term, 0 when none does; an explanation then costs one lookup per question term and framework. */
  fieldOf: Map<string, Uint8Array>;
  /** Multi-word keywords and titles ("phrases") of all controls, numbered control by control: control d's
   *  are [phraseStart[d], phraseStart[d + 1]). Each has its term count and idf sum (the catalog never
   *  changes, so neither do they), and each term lists the phrases that contain it. */
  phraseStart: Int32Array;
  phraseLength: Int32Array;
  phraseIdf: Float64Array;
  phrasesWith: Map<string, number[]>;
  /** Per-question scratch for wholePhrases (terms seen per phrase, whole marks), cleared after use. */
  phraseSeen: Int32Array;
  phraseWhole: Uint8Array;
  /** This framework's slice of the classifier's idRank: ties between its controls go by id. */
  idOrder: Int32Array;
}

interface Classifier {
  byFramework: Record<Framework, FrameworkIndex>;
  total: number;
  /** Crosswalk neighbours in compressed rows: control i's are at [start[i], start[i + 1]). */
  neighbourStart: Int32Array;
  neighbourIndex: Int32Array;
  neighbourWeight: Float64Array;
  /** Control i's position in (framework, id) order: ties are broken by id, and comparing small integers
   *  is cheaper than comparing id strings. Within one framework it orders exactly as the ids do. */
  idRank: Int32Array;
  /** Per-question scratch (normalised score, lent score, reached mark), cleared after each question so a
   *  question allocates nothing proportional to the catalog. */
  norm: Float64Array;
  lent: Float64Array;
  isReached: Uint8Array;
  /** Framework of control i as its position in FRAMEWORKS. */
  frameworkNumber: Uint8Array;
  /** Per-question scratch: scores of one framework's hits, and the best controls per framework. */
  hitScores: Float64Array;
  bestIndex: Int32Array;
  bestScore: Float64Array;
}

const classifiers = new WeakMap<ControlSource, Classifier>();
/** Lexical hits taken per framework before the crosswalk and the cut to `limit`. */
const HITS = 40;
const key = (framework: Framework, id: string): string => `${framework}|${id}`;

function build(source: ControlSource): Classifier {
  const byFramework = {} as Record<Framework, FrameworkIndex>;
  const position = new Map<string, number>();
  const frameworkOf: Framework[] = [];
  let offset = 0;
  for (const framework of FRAMEWORKS) {
    const bm25 = new Bm25Index(CLASSIFIER_WEIGHTS.fields);
    const controls = source.controls.filter((c) => c.framework === framework);
    const phraseLists: string[][][] = [];
    const fieldOf = new Map<string, Uint8Array>();
    controls.forEach((c, i) => {
      const keywords = c.keywords.map((k) => analyze(k));
      const title = analyze(c.title);
      const fields = [title, keywords.flat(), analyze(c.summary), analyze(c.group ?? '')];
      bm25.add(fields);
      phraseLists.push(uniquePhrases([title, ...keywords]));
      position.set(key(framework, c.id), offset + i);
      frameworkOf.push(framework);
      fields.forEach((terms, f) =>
        terms.forEach((t) => {
          let row = fieldOf.get(t);
          if (!row) fieldOf.set(t, (row = new Uint8Array(controls.length)));
          if (row[i] === 0) row[i] = f + 1;
        }),
      );
    });
    const all = phraseLists.flat();
    const phraseStart = new Int32Array(controls.length + 1);
    phraseLists.forEach((list, d) => (phraseStart[d + 1] = phraseStart[d]! + list.length));
    const phrasesWith = new Map<string, number[]>();
    all.forEach((terms, p) => terms.forEach((t) => (phrasesWith.get(t) ?? phrasesWith.set(t, []).get(t)!).push(p)));
    byFramework[framework] = {
      bm25,
      controls,
      offset,
      fieldOf,
      phraseStart,
      phrasesWith,
      phraseSeen: new Int32Array(all.length),
      phraseWhole: new Uint8Array(all.length),
      idOrder: new Int32Array(0),
      phraseLength: Int32Array.from(all, (terms) => terms.length),
      phraseIdf: Float64Array.from(all, (terms) => terms.reduce((sum, t) => sum + bm25.idf(t), 0)),
    };
    offset += controls.length;
  }
  const neighbours: Array<Array<readonly [number, number]>> = Array.from({ length: offset }, () => []);
  for (const e of source.edges) {
    const a = position.get(key(e.from.framework, e.from.id));
    const b = position.get(key(e.to.framework, e.to.id));
    if (a === undefined || b === undefined) continue;
    const w = CLASSIFIER_WEIGHTS.strength[e.strength];
    neighbours[a]!.push([b, w]);
    neighbours[b]!.push([a, w]);
  }
  const neighbourStart = new Int32Array(offset + 1);
  neighbours.forEach((list, i) => (neighbourStart[i + 1] = neighbourStart[i]! + list.length));
  const neighbourIndex = new Int32Array(neighbourStart[offset]!);
  const neighbourWeight = new Float64Array(neighbourStart[offset]!);
  neighbours.forEach((list, i) =>
    list.forEach(
      ([j, w], n) => ((neighbourIndex[neighbourStart[i]! + n] = j), (neighbourWeight[neighbourStart[i]! + n] = w)),
    ),
  );
  const all = FRAMEWORKS.flatMap((framework) =>
    byFramework[framework].controls.map((ctl, d) => ({ i: byFramework[framework].offset + d, id: ctl.id })),
  );
  const idRank = new Int32Array(offset);
  all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.i - b.i)).forEach((x, r) => (idRank[x.i] = r));
  for (const framework of FRAMEWORKS) {
    const fx = byFramework[framework];
    fx.idOrder = idRank.subarray(fx.offset, fx.offset + fx.controls.length);
  }
  return {
    byFramework,
    total: offset,
    neighbourStart,
    neighbourIndex,
    neighbourWeight,
    idRank,
    norm: new Float64Array(offset),
    lent: new Float64Array(offset),
    isReached: new Uint8Array(offset),
    frameworkNumber: Uint8Array.from(frameworkOf, (f) => FRAMEWORKS.indexOf(f)),
    hitScores: new Float64Array(HITS),
    bestIndex: new Int32Array(0),
    bestScore: new Float64Array(0),
  };
}

function uniquePhrases(lists: string[][]): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const list of lists) {
    const terms = [...new Set(list)];
    const k = terms.sort().join(' ');
    if (terms.length < 2 || seen.has(k)) continue;
    seen.add(k);
    out.push(terms);
  }
  return out;
}

/** Marks the phrases all of whose terms are present (1 = whole phrase in the question) in the framework's
 *  scratch array; the caller clears the marks with clearPhrases once scored. */
function wholePhrases(fx: FrameworkIndex, present: readonly string[], marked: number[]): Uint8Array {
  const seen = fx.phraseSeen;
  const whole = fx.phraseWhole;
  for (const t of present) {
    const list = fx.phrasesWith.get(t);
    if (!list) continue;
    for (const p of list) {
      if (seen[p] === 0) marked.push(p);
      if (++seen[p]! === fx.phraseLength[p]) whole[p] = 1;
    }
  }
  return whole;
}

function clearPhrases(fx: FrameworkIndex, marked: number[]): void {
  for (const p of marked) {
    fx.phraseSeen[p] = 0;
    fx.phraseWhole[p] = 0;
  }
  marked.length = 0;
}

/** Sum of idf over whole keyphrases present in the question: best phrase fully, the others at half. */
function phraseScore(fx: FrameworkIndex, doc: number, whole: Uint8Array): number {
  let best = 0;
  let total = 0;
  for (let p = fx.phraseStart[doc]!, end = fx.phraseStart[doc + 1]!; p < end; p++) {
    if (!whole[p]) continue;
    best = Math.max(best, fx.phraseIdf[p]!);
    total += fx.phraseIdf[p]!;
  }
  return best + 0.5 * (total - best);
}

function classifier(source: ControlSource): Classifier {
  let c = classifiers.get(source);
  if (!c) classifiers.set(source, (c = build(source)));
  return c;
}

/** The question and its context as weighted terms; exported for the answer matcher and tests. */
export function questionTerms(q: QuestionInput): WeightedTerms {
  const W = CLASSIFIER_WEIGHTS;
  const terms: WeightedTerms = new Map();
  sentences(q.question).forEach((sentence, i) =>
    addTerms(terms, analyzeQuery(sentence), W.question * (i === 0 ? 1 : W.laterSentences)),
  );
  if (q.helper) addTerms(terms, analyzeQuery(q.helper), W.helper);
  if (q.section) addTerms(terms, analyzeQuery(q.section), W.section);
  for (const option of q.options ?? [])
    addTerms(terms, analyzeQuery(option), W.options / Math.max(1, (q.options?.length ?? 1) / 2));
  return expand(terms, W.expansion);
}

export interface ClassifyOptions {
  source?: ControlSource;
  /** Controls per framework (default 5). */
  limit?: number;
  frameworks?: readonly Framework[];
}

/** Ranked controls, grouped by framework (2022, 2013, SOC 2), best first within each framework. */
export function classifyControls(q: QuestionInput, opts: ClassifyOptions = {}): ControlMatch[] {
  const W = CLASSIFIER_WEIGHTS;
  const c = classifier(opts.source ?? defaultControlSource());
  const terms = questionTerms(q);
  // Map keys are distinct, so this list holds each strong term once, as a set would.
  const present: string[] = [];
  for (const [t, w] of terms) if (w >= W.section * 0.99) present.push(t);
  const marked: number[] = [];
  // 1. Lexical evidence per framework, normalised to the framework's best.
  const { norm, lent, isReached, idRank } = c;
  const touched: number[] = [];
  for (const framework of FRAMEWORKS) {
    const fx = c.byFramework[framework];
    const top = fx.bm25.searchTop(terms, HITS, fx.idOrder);
    const whole = wholePhrases(fx, present, marked);
    let max = 0;
    const scores = c.hitScores;
    for (let h = 0; h < top.count; h++) {
      const doc = top.docs[h]!;
      const lexical = top.scores[h]! + W.phrase * phraseScore(fx, doc, whole);
      const score = lexical * (fx.controls[doc]!.kind === 'clause' ? W.clausePrior : 1);
      if (score > max) max = score;
      scores[h] = score;
    }
    clearPhrases(fx, marked);
    if (max <= 0) continue;
    for (let h = 0; h < top.count; h++) {
      norm[fx.offset + top.docs[h]!] = scores[h]! / max;
      touched.push(fx.offset + top.docs[h]!);
    }
  }
  // 2. Crosswalk evidence: the strongest supporting counterpart, not the sum (hub criteria such as
  //    CC6.1 have dozens of edges and would otherwise win every question).
  const reached: number[] = [];
  for (const i of touched) {
    if (!isReached[i]) {
      isReached[i] = 1;
      reached.push(i);
    }
    for (let n = c.neighbourStart[i]!, end = c.neighbourStart[i + 1]!; n < end; n++) {
      const j = c.neighbourIndex[n]!;
      const v = c.neighbourWeight[n]! * norm[i]!;
      if (v > lent[j]!) lent[j] = v;
      if (!isReached[j]) {
        isReached[j] = 1;
        reached.push(j);
      }
    }
  }
  const wanted = opts.frameworks ?? FRAMEWORKS;
  const limit = Math.max(0, opts.limit ?? W.limit);
  // Best `limit` per framework by (score desc, id asc): short insertion lists in typed arrays, not a sort
  // of every control reached.
  const count = [0, 0, 0];
  if (c.bestIndex.length < FRAMEWORKS.length * limit) {
    c.bestIndex = new Int32Array(FRAMEWORKS.length * limit);
    c.bestScore = new Float64Array(FRAMEWORKS.length * limit);
  }
  const { bestIndex, bestScore } = c;
  const want = FRAMEWORKS.map((f) => wanted.includes(f));
  for (const i of reached) {
    const f = c.frameworkNumber[i]!;
    if (!want[f] || limit === 0) continue;
    const score = norm[i]! + W.crosswalk * lent[i]!;
    if (score <= 0) continue;
    const base = f * limit;
    let n = count[f]!;
    if (n === limit) {
      const last = bestScore[base + limit - 1]!;
      if (score < last || (score === last && idRank[i]! > idRank[bestIndex[base + limit - 1]!]!)) continue;
      n--;
    }
    let at = n;
    while (
      at > 0 &&
      (bestScore[base + at - 1]! < score ||
        (bestScore[base + at - 1] === score && idRank[bestIndex[base + at - 1]!]! > idRank[i]!))
    ) {
      bestScore[base + at] = bestScore[base + at - 1]!;
      bestIndex[base + at] = bestIndex[base + at - 1]!;
      at--;
    }
    bestScore[base + at] = score;
    bestIndex[base + at] = i;
    count[f] = n + 1;
  }
  for (const i of reached) {
    norm[i] = 0;
    lent[i] = 0;
    isReached[i] = 0;
  }
  const why = explainable(terms);
  const out: ControlMatch[] = [];
  FRAMEWORKS.forEach((framework, f) => {
    const n = count[f]!;
    if (n === 0) return;
    const fx = c.byFramework[framework];
    const rows = why.map((t) => fx.fieldOf.get(t));
    const top = bestScore[f * limit]!;
    for (let r = 0; r < n; r++) {
      const score = bestScore[f * limit + r]!;
      if (score < top * W.floor) break;
      const d = bestIndex[f * limit + r]! - fx.offset;
      const ctl = fx.controls[d]!;
      out.push({
        framework,
        id: ctl.id,
        title: ctl.title,
        score: Math.round((score / (1 + W.crosswalk)) * 1000) / 1000,
        why: explain(why, rows, d),
      });
    }
  });
  return out;
}

const FIELD_NAMES = CLASSIFIER_WEIGHTS.fields.map((f) => f.name);

/** The question's terms strong enough to be named in an explanation, in question order. */
function explainable(terms: WeightedTerms): string[] {
  const out: string[] = [];
  for (const [term, weight] of terms) if (weight >= 0.2) out.push(term);
  return out;
}

/** "term -> field" for the question terms control `d` holds (rows[i]: the fieldOf row of terms[i]). */
function explain(terms: readonly string[], rows: ReadonlyArray<Uint8Array | undefined>, d: number): string[] {
  const why: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const f = rows[i]?.[d] ?? 0;
    if (f === 0) continue;
    why.push(`${terms[i]} -> ${FIELD_NAMES[f - 1]}`);
    if (why.length === 8) break;
  }
  return why;
}
