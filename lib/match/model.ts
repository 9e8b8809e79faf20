// The fitted part of answer matching: a linear ranker over candidate features, a logistic confidence over
// the top candidate, the auto-fill threshold and the weak floor. The numbers live in model-weights.ts,
// written by `npx tsx test/bench/fit-answers.ts` (k-fold cross-validation on pooled dev data; see the design
// note); everything else reads them through this module.
import { z } from 'zod';
import { FITTED_MODEL } from './model-weights';

/**
 * What ranking knows about one candidate entry, in this order (a Float64Array per candidate):
 *   title, answer, tags, controlText  per-field BM25 of the question, divided by the best candidate's
 *   titleAbs, answerAbs               the same for title and answer, divided by the most the question could
 *                                     score (every term saturated): comparable across questions and libraries
 *   cover        share of the question's idf mass found anywhere in the entry (title, answer, tags)
 *   titleCover   the same, in the entry's question and alternatives only
 *   dice         idf-weighted Dice between the question and the entry's closest question variant
 *   controls     the classifier's best score among the entry's controls and their counterparts
 *   noControls   1 when the entry cites no control (company facts, insurance), else 0
 *   kindMiss     1 when the question asks for a kind of fact (a number, a date, a name) the answer lacks
 *   older        1 when a near-duplicate candidate was approved later, or the entry is past its review date
 *   salient      share of the asking sentence's distinctive idf mass (terms in at most a fifth of the
 *                library) that the entry holds in its text: the key terms of what is asked, not the preamble
 *   missIdf      the idf of the most distinctive asking term the entry lacks, over the most distinctive
 *                asking term's idf (0 when nothing is missing): one missing rare word ("DMARC", "jailbroken")
 *                says more than many common ones found
 *   titleRev     the other direction of titleCover: the share of the entry's closest question variant (its
 *                idf mass) that the whole question mentions. A topic title ("Physical security of data
 *                centers") that shares one word with a question is mostly not what the question is about
 *   controlsFw   control agreement per framework: for each framework the classifier answered in, the
 *                entry's best control (own or counterpart) scored relative to the classifier's best there,
 *                averaged over those frameworks. Agreement in every framework says more than one high score
 */
export const RANK_FEATURES = [
  'title',
  'answer',
  'tags',
  'controlText',
  'titleAbs',
  'answerAbs',
  'cover',
  'titleCover',
  'dice',
  'controls',
  'noControls',
  'kindMiss',
  'older',
  'salient',
  'missIdf',
  'titleRev',
  'controlsFw',
] as const;
export type RankFeature = (typeof RANK_FEATURES)[number];
export const RF = Object.fromEntries(RANK_FEATURES.map((f, i) => [f, i])) as Record<RankFeature, number>;

/**
 * What confidence knows about the top suggestion: its ranking score, its lead over the best candidate that
 * answers differently, and the top candidate's own cover, titleCover, dice, controls, noControls and kindMiss
 * (an entry that cites no control cannot agree with the classifier, which is not the same as disagreeing).
 * Adding the key-term features (salient, missIdf), the lead over the next candidate at all and the absolute
 * field scores gave no out-of-fold gain (Tidewater AUC 0.70-0.71 either way) and put less weight on an entry
 * that asks the very question, so they stay ranking features only (design note).
 */
export const CONFIDENCE_FEATURES = [
  'score',
  'margin',
  'cover',
  'titleCover',
  'dice',
  'controls',
  'noControls',
  'kindMiss',
] as const;
export type ConfidenceFeature = (typeof CONFIDENCE_FEATURES)[number];

export const MatchModel = z.object({
  ranker: z.record(z.enum(RANK_FEATURES), z.number()),
  confidence: z
    .object({ bias: z.number() })
    .extend(
      Object.fromEntries(CONFIDENCE_FEATURES.map((f) => [f, z.number()])) as Record<ConfidenceFeature, z.ZodNumber>,
    ),
  /** Auto-fill at or above this confidence (chosen out of fold for >= the target precision). */
  threshold: z.number().min(0).max(1),
  /** Below this confidence a suggestion is weak: "no good match" (where out-of-fold precision fell under 50%). */
  floor: z.number().min(0).max(1),
  /** How and on what it was fitted, for the reader. */
  fitted: z.string(),
});
export type MatchModel = z.infer<typeof MatchModel>;

/** The bundled model, checked once against its schema (a bad regenerated file fails loudly in tests). */
export const DEFAULT_MODEL: MatchModel = MatchModel.parse(FITTED_MODEL);

/** Ranker weights as an array in RANK_FEATURES order. */
export function rankerWeights(model: MatchModel): Float64Array {
  return Float64Array.from(RANK_FEATURES, (f) => model.ranker[f] ?? 0);
}

export function rankScore(weights: Float64Array, features: Float64Array): number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) s += weights[i]! * features[i]!;
  return s;
}

/** Confidence features of a top candidate, in CONFIDENCE_FEATURES order. */
export function confidenceFeatures(score: number, margin: number, features: Float64Array): Float64Array {
  return Float64Array.of(
    score,
    Math.min(margin, MARGIN_CAP),
    features[RF.cover]!,
    features[RF.titleCover]!,
    features[RF.dice]!,
    features[RF.controls]!,
    features[RF.noControls]!,
    features[RF.kindMiss]!,
  );
}
/** A lead beyond this says nothing more: the best rival is already far behind. */
export const MARGIN_CAP = 3;

export function confidenceOf(model: MatchModel, x: Float64Array): number {
  let z = model.confidence.bias;
  CONFIDENCE_FEATURES.forEach((f, i) => (z += model.confidence[f] * x[i]!));
  return Math.round((1 / (1 + Math.exp(-z))) * 1000) / 1000;
}
