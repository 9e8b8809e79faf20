// Confidence that a suggested entry answers the question: a logistic over the top candidate's ranking
// score, its lead over the best candidate that answers differently, and its coverage, closest-variant,
// control and answer-kind features (model.ts). Fitted out of fold on pooled dev data by
// test/bench/fit-answers.ts, with the auto-fill threshold and the weak floor; see the design note.
import { DEFAULT_MODEL } from './model';

/** Auto-fill only at or above this confidence (the fitted model's; a user setting may raise it). */
export const DEFAULT_AUTOFILL_THRESHOLD = DEFAULT_MODEL.threshold;

/** Below this confidence a suggestion is weak: "no good match". */
export const WEAK_FLOOR = DEFAULT_MODEL.floor;

/**
 * A choice field's confidence: the entry fits the question AND the option says what the entry says. The
 * option evidence (1 = stated in so many words, 0.85 = implied, <= 0.75 = inferred or ambiguous) scales
 * the match confidence, so a weakly supported option cannot reach the auto-fill threshold.
 */
export function foldChoice(matchConfidence: number, optionEvidence: number): number {
  return Math.round(matchConfidence * Math.max(0, Math.min(1, optionEvidence)) * 1000) / 1000;
}
