// Confidence that a suggested entry answers the question: a logistic over the top candidate's ranking
// score, its lead over the next candidates, and its coverage, key-term, closest-variant, control and
// answer-kind features (model.ts). Fitted out of fold on pooled dev data by
// test/bench/fit-answers.ts, with the auto-fill threshold and the weak floor; see the design note.
import { DEFAULT_MODEL } from './model';

/** Auto-fill only at or above this confidence (the fitted model's; a user setting may raise it). */
export const DEFAULT_AUTOFILL_THRESHOLD = DEFAULT_MODEL.threshold;

/** Below this confidence a suggestion is weak: "no good match". */
export const WEAK_FLOOR = DEFAULT_MODEL.floor;

/**
 * A choice field is auto-filled only when the library answer states the option (a short answer, a leading
 * "Yes."/"No.", an option named in so many words: evidence 1) or implies it plainly (0.85). An option read
 * from a description of practice (0.75) or picked among ambiguous ones (<= 0.6) is a suggestion with the
 * shaper's note. The option's evidence does not lower the match confidence: that says whether the entry
 * answers the question, and the same question must get the same confidence on a page with Yes/No buttons
 * as in a free-text box or the CLI (it used to be multiplied in, which showed a right match as weak).
 */
export const OPTION_EVIDENCE_TO_FILL = 0.85;
