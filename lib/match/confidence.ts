// Confidence that a suggested entry answers the question, from four signals measured per candidate:
//   sim     weighted overlap (idf-weighted Dice) between the question and the entry's closest question variant
//   cover   share of the question's idf mass found anywhere in the entry (a question about "Salesforce" that no
//           entry mentions is not answered by the closest-sounding one)
//   ctrl    whether the controls the question maps to are among the entry's controls (0.5 when unknown)
//   margin  how far the candidate leads the next candidate that says something different
// A logistic curve turns them into a 0-1 value. The coefficients are a logistic-regression fit (top candidate
// right or wrong) on test/bench/data/answer-paraphrases.json; the threshold is the lowest at which auto-fill
// precision stayed >= 98% there (0.78: 98.4% precision, 71% coverage). Both were fitted on that one set, so
// re-check them when a held-out questionnaire is added to the benchmark.

export const CONFIDENCE_MODEL = { bias: -8.8, sim: 5.3, cover: 2.25, ctrl: 4.75, margin: 4.6 };

/** Auto-fill only at or above this confidence (chosen so >= 98% of auto-filled answers were right on the bench). */
export const DEFAULT_AUTOFILL_THRESHOLD = 0.78;

export interface ConfidenceSignals {
  sim: number;
  cover: number;
  ctrl: number;
  margin: number;
}

/**
 * A choice field's confidence: the entry fits the question AND the option says what the entry says. The
 * option evidence (1 = stated in so many words, 0.85 = implied, <= 0.75 = inferred or ambiguous) scales
 * the match confidence, so a weakly supported option cannot reach the auto-fill threshold.
 */
export function foldChoice(matchConfidence: number, optionEvidence: number): number {
  return Math.round(matchConfidence * Math.max(0, Math.min(1, optionEvidence)) * 1000) / 1000;
}

export function confidence(s: ConfidenceSignals): number {
  const m = CONFIDENCE_MODEL;
  const z = m.bias + m.sim * s.sim + m.cover * s.cover + m.ctrl * s.ctrl + m.margin * Math.min(s.margin, 0.5);
  return Math.round((1 / (1 + Math.exp(-z))) * 1000) / 1000;
}
