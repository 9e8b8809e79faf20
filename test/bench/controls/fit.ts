// Fits the classifier's weights by coordinate ascent over a small grid of values per weight, maximising
// the mean of hit@1 and hit@3 over the sets given. Leave-one-set-out: fit on all sets but one, measure on
// the one left out, so the figure says how the weights carry to a questionnaire they were not fitted on.
// Every fit starts from NEUTRAL_WEIGHTS (the middle of each grid), never from the committed weights: those
// were fitted with the held-out set in view, and a fit that starts there and finds no move on the other
// sets would hand back an in-sample figure labelled out-of-fold.
// Run: npx tsx test/bench/controls/fit.ts   (prints the LOSO table and the weights fitted on every set)
import type { Framework } from '../../../lib/controls/framework';
import { CLASSIFIER_WEIGHTS, classifyControls, type ClassifierWeights } from '../../../lib/match/classify';
import { hits, objective, pct, type Hits } from './metrics';
import { adobeSet, inBoilerplate, nistSet, tidewaterSet, vsaqSet, type LabelledSet } from './sets';

type Knob = {
  name: string;
  values: number[];
  get: (w: ClassifierWeights) => number;
  set: (w: ClassifierWeights, v: number) => ClassifierWeights;
};

const field = (name: string, values: number[]): Knob => ({
  name: `fields.${name}`,
  values,
  get: (w) => w.fields.find((f) => f.name === name)!.weight,
  set: (w, v) => ({ ...w, fields: w.fields.map((f) => (f.name === name ? { ...f, weight: v } : f)) }),
});
const scalar = (name: keyof ClassifierWeights, values: number[]): Knob => ({
  name,
  values,
  get: (w) => w[name] as number,
  set: (w, v) => ({ ...w, [name]: v }),
});

/** Passes over every knob; the committed weights are the fit on every set with this many. */
export const FIT_ROUNDS = 3;

/** The weights fitted and the values tried: a handful each, so a fit cannot chase single questions. */
export const KNOBS: Knob[] = [
  field('title', [1.5, 2.5, 3.5]),
  field('keywords', [1, 1.5, 2.5]),
  field('summary', [0.5, 1, 1.5]),
  field('description', [0.3, 0.6, 1, 1.5]),
  field('group', [0, 0.4, 0.8]),
  scalar('laterSentences', [0.4, 0.6, 0.8]),
  scalar('sectionTerms', [0, 0.15, 0.3, 0.6]),
  scalar('section', [0, 0.15, 0.3, 0.5]),
  scalar('sectionTop', [1, 3, 5, 8]),
  scalar('sentence', [0, 0.3, 0.6]),
  scalar('phrase', [0.25, 0.5, 1]),
  scalar('clausePrior', [0.7, 0.85, 1]),
  scalar('successor', [0.35, 0.7, 1.5]),
  scalar('predecessor', [0, 0.35, 0.7]),
  scalar('peer', [0.2, 0.35, 0.5]),
  scalar('common', [0.6, 1]),
  scalar('expansion', [0.15, 0.3, 0.5]),
  scalar('process', [0.2, 0.3, 0.5, 1]),
  scalar('concept', [1, 1.3]),
  scalar('k1', [0.9, 1.2, 2]),
];

/** The starting point of every fit: each fitted weight at the middle value of its grid, the rest as
 *  committed (the shapes of the weights, not values chosen by looking at a set). */
export const NEUTRAL_WEIGHTS: ClassifierWeights = KNOBS.reduce(
  (w, knob) => knob.set(w, knob.values[Math.floor(knob.values.length / 2)]!),
  CLASSIFIER_WEIGHTS,
);

export function evaluate(sets: readonly LabelledSet[], weights: ClassifierWeights): Array<Record<string, Hits>> {
  return sets.map((set) =>
    hits(set, (q) => {
      const out: Partial<Record<Framework, string[]>> = {};
      for (const m of classifyControls(q.input, { weights, limit: 3 })) (out[m.framework] ??= []).push(m.id);
      return out;
    }),
  );
}

export function fit(
  sets: readonly LabelledSet[],
  start: ClassifierWeights = NEUTRAL_WEIGHTS,
  rounds = FIT_ROUNDS,
): ClassifierWeights {
  let best = start;
  let bestScore = objective(evaluate(sets, best));
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (const knob of KNOBS) {
      for (const v of knob.values) {
        if (v === knob.get(best)) continue;
        const trial = knob.set(best, v);
        const s = objective(evaluate(sets, trial));
        // A move must gain something: ties keep the current value.
        if (s > bestScore + 1e-9) {
          best = trial;
          bestScore = s;
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
  return best;
}

export interface FoldResult {
  heldOut: string;
  results: Record<string, Hits>;
  /** The weights fitted without the held-out source. */
  weights: ClassifierWeights;
}

/** Leave-one-set-out: for each source (all of them unless `sources` names some), weights fitted on the
 *  sets of the other sources, measured on its own sets (a set and its boilerplate variant are held out
 *  together). */
export function leaveOneSetOut(sets: readonly LabelledSet[], sources?: readonly string[]): FoldResult[] {
  const out: FoldResult[] = [];
  for (const source of sources ?? new Set(sets.map((s) => s.source))) {
    const held = sets.filter((s) => s.source === source);
    const weights = fit(sets.filter((s) => s.source !== source));
    evaluate(held, weights).forEach((results, i) => out.push({ heldOut: held[i]!.name, results, weights }));
  }
  return out;
}

/** Every set the weights are fitted on: the dev sets, the Tidewater entries, and the boilerplate variants
 *  of the requirement-statement sets. */
export function fittingSets(): LabelledSet[] {
  const adobe = adobeSet();
  const nist = nistSet();
  return [vsaqSet(), adobe, nist, tidewaterSet(), inBoilerplate(adobe), inBoilerplate(nist)];
}

export const describeWeights = (w: ClassifierWeights): string => KNOBS.map((k) => `${k.name}=${k.get(w)}`).join(' ');

if (import.meta.url === `file://${process.argv[1]}`) {
  const sets = fittingSets();
  const started = performance.now();
  for (const fold of leaveOneSetOut(sets))
    for (const [f, h] of Object.entries(fold.results))
      console.log(`LOSO ${fold.heldOut} ${f}: hit@1 ${pct(h.hit1, h.n)} hit@3 ${pct(h.hit3, h.n)} (n=${h.n})`);
  const all = fit(sets);
  console.log(`fitted on every set: ${describeWeights(all)}`);
  console.log(`committed weights:   ${describeWeights(CLASSIFIER_WEIGHTS)}`);
  console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
