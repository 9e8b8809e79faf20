// The auto-fill gate: a suggestion is auto-filled only when its confidence clears the threshold AND the
// entry agrees with the question on what it asks: the question's salient words are in the entry (directly
// or as the same lexicon concept), the answer gives the kind of fact asked for, the entry's controls meet
// the question's where both have them, and the question does not commit the company. Otherwise it is a
// suggestion with its reasons; below the fitted floor it is weak ("no good match"), whatever else holds.
import { KIND_LABEL, type QuestionForm, type QuestionKind } from './answer-kind';
import { COMMITMENT_MESSAGE, type CommitmentKind } from './commitment';
import type { Verdict, Warning } from './types';

export const GATE_SETTINGS = {
  /** Share of the asking sentence's salient idf mass the entry must hold. */
  salientCover: 0.5,
  /** The classifier must be at least this sure of some control for a disagreement to count. */
  controlsSure: 0.6,
};

export interface GateInput {
  confidence: number;
  threshold: number;
  floor: number;
  /** Share of the asking sentence's salient idf mass found in the entry. */
  salientCover: number;
  kind: QuestionKind;
  kindMiss: boolean;
  /** Both sides have controls, the classifier is sure of some, and none of the entry's (or counterparts) is among them. */
  controlsDisagree: boolean;
  commitment: CommitmentKind | undefined;
  form: QuestionForm | undefined;
}

export interface GateOutput {
  verdict: Verdict;
  /** Why it is not confident (empty when it is). */
  reasons: Warning[];
}

/** The verdict before entry-level checks (stale, draft, conflict, option fit), which can only lower it. */
export function gate(g: GateInput): GateOutput {
  const reasons: Warning[] = [];
  if (g.commitment) reasons.push({ code: 'needs-expert', message: COMMITMENT_MESSAGE[g.commitment] });
  if (g.form === 'catch-all') {
    reasons.push({
      code: 'weak-match',
      message:
        'This box asks for anything the other answers left out: only you know what to add. Library entries on the topic are shown as related.',
    });
    return { verdict: 'weak', reasons };
  }
  if (g.form === 'follow-up')
    reasons.push({
      code: 'needs-context',
      message: 'This question reads only with an earlier answer; check that the entry answers it in that context.',
    });
  if (g.confidence < g.floor) {
    reasons.push({
      code: 'weak-match',
      message: `No good match: confidence ${g.confidence.toFixed(2)} is below ${g.floor.toFixed(2)}. This entry is only related; write the answer or pick another entry.`,
    });
    return { verdict: 'weak', reasons };
  }
  if (g.confidence < g.threshold)
    reasons.push({
      code: 'below-threshold',
      message: `Confidence ${g.confidence.toFixed(2)} is below the auto-fill threshold ${g.threshold.toFixed(2)}; check it before filling.`,
    });
  if (g.salientCover < GATE_SETTINGS.salientCover)
    reasons.push({
      code: 'terms-not-covered',
      message: 'Words that carry the question are not in this entry; check that it answers what is asked.',
    });
  if (g.kindMiss && g.kind !== 'yesno' && g.kind !== 'open')
    reasons.push({
      code: 'wrong-answer-kind',
      message: `The question asks for ${KIND_LABEL[g.kind]}, which this answer does not give.`,
    });
  if (g.controlsDisagree)
    reasons.push({
      code: 'controls-disagree',
      message:
        'The controls this question maps to are not among the entry’s controls; check that it is the same topic.',
    });
  return { verdict: reasons.length === 0 ? 'confident' : 'suggest', reasons };
}
