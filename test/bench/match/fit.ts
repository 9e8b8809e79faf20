// Fitting the answer model (lib/match/model.ts) on labelled questions: a linear ranker by softmax over each
// question's candidates (listwise), a logistic confidence on the top candidate, the auto-fill threshold and
// the weak floor. Confidence, threshold and floor are fitted on out-of-fold rankings inside the training
// data, so they see rankings as good as a new question gets, never the ranker's own training questions.
import {
  CONFIDENCE_FEATURES,
  RANK_FEATURES,
  confidenceFeatures,
  OPTION_EVIDENCE_TO_FILL,
  rankScore,
  type MatchModel,
} from '../../../lib/match';
import type { LabelledRetrievalQuestion } from './tidewater';

/** Set-name suffix of library self-questions (see answer-sets.ts). */
const SELF_SET = '-self';

/** One labelled question with its candidates' features (independent of the model). */
export interface Item {
  q: LabelledRetrievalQuestion;
  ids: string[];
  features: Float64Array[];
  /** Each candidate's answer text, normalised (the margin is over the best candidate that says otherwise). */
  answers: string[];
  /** Each candidate passes every gate check but confidence (salient terms, answer kind, controls, ...). */
  eligible: boolean[];
  /** How strongly each candidate's text supports the option it would fill (1 for free text). */
  evidence: number[];
}

export const FIT = {
  /** L2 penalty of the ranker (per question, averaged). */
  rankerL2: 0.01,
  rankerSteps: 400,
  rankerRate: 0.5,
  confidenceL2: 0.001,
  /** Newton steps (it converges in well under this). */
  confidenceSteps: 50,
  /** Precision the threshold must reach on each training set's out-of-fold predictions. */
  targetPrecision: 0.985,
  /** Auto-fills a precision needs behind it before it counts. */
  minSupport: 8,
  /** Bins whose precision places the weak floor: the lowest confidence above which every bin of at least
   *  `floorBinSize` predictions is right at least half the time. */
  floorPrecision: 0.5,
  floorBinSize: 20,
  innerFolds: 5,
};

/** Deterministic fold of a question (by set and id), so every run splits the same way. */
export function foldOf(q: LabelledRetrievalQuestion, k: number): number {
  let h = 2166136261;
  const key = `${q.set}:${q.id}`;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0) % k;
}

const isGold = (it: Item, i: number): boolean => it.q.answers.includes(it.ids[i]!);

export function fitRanker(items: readonly Item[]): Float64Array {
  const dim = RANK_FEATURES.length;
  const w = new Float64Array(dim);
  const train = items.filter((it) => it.q.answers.length > 0 && it.ids.some((_, i) => isGold(it, i)));
  if (train.length === 0) return w;
  const g = new Float64Array(dim);
  for (let step = 0; step < FIT.rankerSteps; step++) {
    g.fill(0);
    for (const it of train) {
      const s = it.features.map((f) => rankScore(w, f));
      const m = Math.max(...s);
      const e = s.map((x) => Math.exp(x - m));
      let z = 0;
      let zg = 0;
      e.forEach((x, i) => ((z += x), (zg += isGold(it, i) ? x : 0)));
      for (let i = 0; i < s.length; i++) {
        // d/dw of -log(sum over right answers / sum over all)
        const p = e[i]! / z - (isGold(it, i) ? e[i]! / zg : 0);
        if (Math.abs(p) < 1e-12) continue;
        const f = it.features[i]!;
        for (let k = 0; k < dim; k++) g[k]! += p * f[k]!;
      }
    }
    for (let k = 0; k < dim; k++) w[k]! -= FIT.rankerRate * (g[k]! / train.length + FIT.rankerL2 * w[k]!);
  }
  return w;
}

/** The top candidate of an item under ranker weights: its index, confidence features and whether it is right. */
export function topOf(
  it: Item,
  w: Float64Array,
): { top: number; x: Float64Array; right: boolean; eligible: boolean; evidence: number } | undefined {
  if (it.ids.length === 0) return undefined;
  const s = it.features.map((f) => rankScore(w, f));
  let top = 0;
  for (let i = 1; i < s.length; i++) if (s[i]! > s[top]!) top = i;
  let rival = -Infinity;
  for (let i = 0; i < s.length; i++) if (i !== top && it.answers[i] !== it.answers[top] && s[i]! > rival) rival = s[i]!;
  const margin = rival === -Infinity ? 3 : s[top]! - rival;
  return {
    top,
    x: confidenceFeatures(s[top]!, margin, it.features[top]!),
    right: isGold(it, top),
    eligible: it.eligible[top]!,
    evidence: it.evidence[top]!,
  };
}

interface Example {
  x: Float64Array;
  right: boolean;
  set: string;
  eligible: boolean;
  evidence: number;
}

/** Logistic regression by Newton's method (a handful of features, a few hundred examples), with an L2
 *  penalty on the weights (not the bias). */
function fitLogistic(examples: readonly Example[]): Float64Array {
  const dim = CONFIDENCE_FEATURES.length + 1; // bias last
  const w = new Float64Array(dim);
  if (examples.length === 0) return w;
  const row = (e: Example): Float64Array => Float64Array.from({ length: dim }, (_, k) => (k < dim - 1 ? e.x[k]! : 1));
  const rows = examples.map(row);
  for (let iter = 0; iter < FIT.confidenceSteps; iter++) {
    const g = new Float64Array(dim);
    const h = Array.from({ length: dim }, () => new Float64Array(dim));
    rows.forEach((x, n) => {
      let z = 0;
      for (let k = 0; k < dim; k++) z += w[k]! * x[k]!;
      const p = sigmoid(z);
      const r = p - (examples[n]!.right ? 1 : 0);
      const v = p * (1 - p);
      for (let a = 0; a < dim; a++) {
        g[a]! += r * x[a]!;
        for (let b = 0; b < dim; b++) h[a]![b]! += v * x[a]! * x[b]!;
      }
    });
    for (let a = 0; a < dim - 1; a++) {
      g[a]! += FIT.confidenceL2 * examples.length * w[a]!;
      h[a]![a]! += FIT.confidenceL2 * examples.length;
    }
    const step = solve(h, g);
    let moved = 0;
    for (let k = 0; k < dim; k++) {
      w[k]! -= step[k]!;
      moved = Math.max(moved, Math.abs(step[k]!));
    }
    if (moved < 1e-8) break;
  }
  return w;
}

/** Solves a x = b (Gaussian elimination with partial pivoting; a is small and positive definite). */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const m = a.map((r, i) => Float64Array.from([...r, b[i]!]));
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const d = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / d;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return Float64Array.from({ length: n }, (_, i) => m[i]![n]! / (m[i]![i]! || 1e-12));
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Out-of-fold confidence examples of a training set: rank each inner fold with a ranker fitted on the rest.
 *  `extra` items (library self-questions) are ranked the same way but never train a ranker. */
function outOfFoldExamples(items: readonly Item[], extra: readonly Item[] = []): Example[] {
  const out: Example[] = [];
  for (let k = 0; k < FIT.innerFolds; k++) {
    const w = fitRanker(items.filter((it) => foldOf(it.q, FIT.innerFolds * 7) % FIT.innerFolds !== k));
    for (const it of [...items, ...extra]) {
      if (foldOf(it.q, FIT.innerFolds * 7) % FIT.innerFolds !== k) continue;
      const t = topOf(it, w);
      if (t) out.push({ x: t.x, right: t.right, set: it.q.set, eligible: t.eligible, evidence: t.evidence });
    }
  }
  return out;
}

function probability(w: Float64Array, x: Float64Array): number {
  let z = w[w.length - 1]!;
  for (let k = 0; k < x.length; k++) z += w[k]! * x[k]!;
  return Math.round(sigmoid(z) * 1000) / 1000;
}

/**
 * Lowest threshold at which every set's auto-fills (eligible predictions above it) reach the target
 * precision. A set that reaches it nowhere (with at least `minSupport` auto-fills) constrains the threshold
 * to where its precision is best instead: auto-fill stays as safe as this model can make it there, and the
 * benchmark reports the missed target.
 */
function chooseThreshold(scored: ReadonlyArray<{ p: number; right: boolean; set: string; eligible: boolean }>): number {
  const sets = [...new Set(scored.map((s) => s.set))];
  let threshold = 0;
  for (const set of sets) {
    const mine = scored.filter((s) => s.set === set && s.eligible).sort((a, b) => b.p - a.p);
    let right = 0;
    let reached: number | undefined;
    let bestPrecision = -1;
    let bestAt = 1;
    for (let i = 0; i < mine.length; i++) {
      right += mine[i]!.right ? 1 : 0;
      const next = mine[i + 1];
      if (next && next.p === mine[i]!.p) continue;
      const precision = right / (i + 1);
      if (precision >= FIT.targetPrecision) reached = mine[i]!.p;
      if (i + 1 >= FIT.minSupport && precision > bestPrecision) {
        bestPrecision = precision;
        bestAt = mine[i]!.p;
      }
    }
    threshold = Math.max(threshold, reached !== undefined && bestPrecision >= FIT.targetPrecision ? reached : bestAt);
  }
  return threshold;
}

/**
 * The weak floor: predictions sorted by confidence and cut into bins of a tenth (at least floorBinSize);
 * the floor is the top of the highest bin that is right less than half the time. Bins this large keep a
 * run of bad luck among a dozen predictions from moving it.
 */
function chooseFloor(scored: ReadonlyArray<{ p: number; right: boolean }>): number {
  const sorted = [...scored].sort((a, b) => a.p - b.p);
  const size = Math.max(FIT.floorBinSize, Math.ceil(sorted.length / 10));
  let floor = 0;
  for (let i = 0; i < sorted.length; i += size) {
    const bin = sorted.slice(i, i + size);
    if (bin.length < size / 2) break;
    const precision = bin.filter((b) => b.right).length / bin.length;
    if (precision < FIT.floorPrecision) floor = bin[bin.length - 1]!.p;
  }
  return Math.min(floor, 0.95);
}

/** Fits the whole model on `items`; `self` (library self-questions) only adds confidence examples. */
export function fitModel(items: readonly Item[], fitted: string, self: readonly Item[] = []): MatchModel {
  const ranker = fitRanker(items);
  const all = outOfFoldExamples(items, self);
  const cw = fitLogistic(all);
  // The threshold and the floor are chosen on real questions only.
  const examples = all.filter((e) => !e.set.endsWith(SELF_SET));
  const scored = examples.map((e) => ({
    p: probability(cw, e.x),
    right: e.right,
    set: e.set,
    eligible: e.eligible && e.evidence >= OPTION_EVIDENCE_TO_FILL,
  }));
  const round = (x: number): number => Math.round(x * 10_000) / 10_000;
  const confidence = { bias: round(cw[cw.length - 1]!) } as MatchModel['confidence'];
  CONFIDENCE_FEATURES.forEach((f, i) => (confidence[f] = round(cw[i]!)));
  return {
    ranker: Object.fromEntries(RANK_FEATURES.map((f, i) => [f, round(ranker[i]!)])) as MatchModel['ranker'],
    confidence,
    threshold: chooseThreshold(scored),
    floor: chooseFloor(scored),
    fitted,
  };
}
