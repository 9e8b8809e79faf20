// The matcher's own findings, in the shared vocabulary: its verdict on the match, and the warnings it attaches
// (which the reuse rules may repeat; a rule's flag, with its fix, wins for the same code).
import { DEFAULT_AUTOFILL_THRESHOLD, type Suggestion, type Warning } from '../match';
import type { Flag, FlagCode, FlagSeverity } from '../review';

/** The matcher's verdict: confident (may fill without a look), suggest (read it first), weak (no good match). */
export type MatchVerdict = 'confident' | 'suggest' | 'weak';

export function matchVerdict(s: Pick<Suggestion, 'autoFill' | 'verdict'>): MatchVerdict {
  return s.verdict;
}

const FROM_WARNING: Record<Warning['code'], { code: FlagCode; severity: FlagSeverity; fix: string }> = {
  stale: {
    code: 'entry-stale',
    severity: 'medium',
    fix: "Ask the entry's owner to re-check it and set a new review date.",
  },
  draft: { code: 'entry-not-approved', severity: 'medium', fix: "Ask the entry's owner to approve it first." },
  conflict: {
    code: 'conflict',
    severity: 'high',
    fix: 'Decide which answer is true and correct the other entry in the library.',
  },
  'evidence-expired': {
    code: 'evidence-expired',
    severity: 'high',
    fix: 'Attach the current version of the document to the entry.',
  },
  'not-cleared-for-reuse': {
    code: 'not-cleared-for-reuse',
    severity: 'high',
    fix: 'Declare the recipient and the NDA for this questionnaire, or use another answer.',
  },
  'evidence-not-shareable': {
    code: 'evidence-not-shareable',
    severity: 'low',
    fix: 'Fill the answer, but do not attach or upload the evidence.',
  },
  'out-of-scope': {
    code: 'out-of-scope',
    severity: 'high',
    fix: 'Use an entry whose scope covers this questionnaire.',
  },
  'framework-mismatch': {
    code: 'framework-mismatch',
    severity: 'high',
    fix: 'Cite evidence for the framework the question asks about.',
  },
  'option-mismatch': {
    code: 'option-mismatch',
    severity: 'medium',
    fix: 'Check the option picked says what the library answer says, or choose one by hand.',
  },
  // The matcher's gate (lib/match/gate.ts): why a suggestion is not its confident answer.
  'weak-match': {
    code: 'weak-match',
    severity: 'high',
    fix: 'Write the answer by hand, or add an approved answer for this question to the library.',
  },
  'below-threshold': {
    code: 'not-confident',
    severity: 'medium',
    fix: 'Read the answer against the question before filling it.',
  },
  'terms-not-covered': {
    code: 'terms-not-covered',
    severity: 'medium',
    fix: 'Check the entry answers what the question asks, not only its topic.',
  },
  'wrong-answer-kind': {
    code: 'wrong-answer-kind',
    severity: 'high',
    fix: 'Give the number, date, name or contact the question asks for; the entry does not state it.',
  },
  'controls-disagree': {
    code: 'controls-disagree',
    severity: 'medium',
    fix: 'Check the entry is about the same control area as the question.',
  },
  'needs-context': {
    code: 'needs-context',
    severity: 'medium',
    fix: 'Read the earlier question and answer first; answer this one in that light.',
  },
  'needs-expert': {
    code: 'needs-expert',
    severity: 'high',
    fix: 'Ask someone who can commit the company (legal, finance or the security lead) to answer it.',
  },
};

export function warningFlags(warnings: readonly Warning[]): Flag[] {
  return warnings.map((w) => {
    const m = FROM_WARNING[w.code];
    return { code: m.code, severity: m.severity, message: w.message, fix: m.fix };
  });
}

/** Why a suggestion is not the matcher's confident answer, in the person's terms. */
export function notConfidentFlag(s: Pick<Suggestion, 'confidence'>, threshold?: number): Flag {
  const t = threshold ?? DEFAULT_AUTOFILL_THRESHOLD;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return {
    code: 'not-confident',
    severity: 'medium',
    message:
      s.confidence < t
        ? `Confidence ${pct(s.confidence)} is below the ${pct(t)} needed to fill without a look.`
        : 'The matcher did not pick this as its confident answer (see the other findings).',
    fix: 'Read the answer against the question before filling it.',
  };
}

export function weakFlag(): Flag {
  return {
    code: 'weak-match',
    severity: 'high',
    message: 'No good match: the closest library entry answers a different question.',
    fix: 'Write the answer by hand, or add an approved answer for this question to the library.',
  };
}
