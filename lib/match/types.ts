// What the matching engine hands the UI: ranked controls, suggestions with citations, or typed abstention.
import { z } from 'zod';
import { ControlRef, Framework } from '../controls';
import { FieldKind } from '../page';
import { EvidenceKind } from '../library/model';

/** The question as matching sees it: text plus whatever context the page gave. */
export const QuestionInput = z.object({
  id: z.string().optional(),
  question: z.string().min(1),
  section: z.string().optional(),
  helper: z.string().optional(),
  kind: FieldKind.optional(),
  options: z.array(z.string()).optional(),
});
export type QuestionInput = z.infer<typeof QuestionInput>;

export const ControlMatch = z.object({
  framework: Framework,
  id: z.string(),
  title: z.string(),
  score: z.number(),
  /** Which question terms matched which control fields, e.g. "mfa -> keywords", "encryption -> title". */
  why: z.array(z.string()).default([]),
});
export type ControlMatch = z.infer<typeof ControlMatch>;

export const EdgeCitation = z.object({
  from: ControlRef,
  to: ControlRef,
  source: z.string(),
  strength: z.string().optional(),
  /** Set when another source disagrees with this edge (e.g. the comparison guide vs the published mapping). */
  disputed: z.string().optional(),
});
export type EdgeCitation = z.infer<typeof EdgeCitation>;

export const EvidenceCitation = z.object({
  id: z.string(),
  title: z.string(),
  kind: EvidenceKind,
  location: z.string(),
  section: z.string().optional(),
  owner: z.string(),
  issuedAt: z.string().optional(),
  validUntil: z.string().optional(),
  /** The evidence item's version in the library (an upload card names which copy to attach). */
  version: z.number().optional(),
});
export type EvidenceCitation = z.infer<typeof EvidenceCitation>;

export const Citations = z.object({
  entryId: z.string(),
  version: z.number(),
  owner: z.string(),
  approvedAt: z.string().optional(),
  reviewBy: z.string().optional(),
  evidence: z.array(EvidenceCitation),
  /** Controls in all three frameworks: the entry's own plus crosswalk counterparts, each edge with its source. */
  controls: z.array(ControlRef.extend({ title: z.string(), via: EdgeCitation.optional() })),
});
export type Citations = z.infer<typeof Citations>;

/** Why a suggestion is held back, or why nothing is suggested. */
export const AbstainReason = z.enum([
  'no-match',
  'only-stale',
  'out-of-scope',
  'not-cleared-for-reuse',
  'conflicting-entries',
  'below-threshold',
  /** The field offers choices and none of them says what the library answer says. */
  'no-matching-option',
  /** The best suggestion is below the weak floor: no good match, only related entries. */
  'no-good-match',
  /** The question commits the company (breach history, legal or financial standing, contract terms). */
  'needs-expert',
]);
export type AbstainReason = z.infer<typeof AbstainReason>;

export const Warning = z.object({
  code: z.enum([
    'stale',
    'out-of-scope',
    'not-cleared-for-reuse',
    /** The answer may go to the recipient, some of its cited evidence may not. */
    'evidence-not-shareable',
    'conflict',
    'draft',
    'evidence-expired',
    'framework-mismatch',
    'option-mismatch',
    // Why the gate did not let a suggestion auto-fill (see lib/match/gate.ts):
    /** Confidence below the weak floor: no good match; the entry is only related. */
    'weak-match',
    /** Confidence below the auto-fill threshold. */
    'below-threshold',
    /** Words that carry the question are missing from the entry. */
    'terms-not-covered',
    /** The question asks for a kind of fact (a number, a date, a name, ...) the answer does not give. */
    'wrong-answer-kind',
    /** The question's controls and the entry's controls do not meet. */
    'controls-disagree',
    /** The question commits the company: an expert answers it. */
    'needs-expert',
    /** The question reads only with an earlier answer ("If yes, ...", "the controls you selected above"). */
    'needs-context',
  ]),
  message: z.string(),
});
export type Warning = z.infer<typeof Warning>;

/**
 * The gate's verdict on a suggestion: `confident` may be auto-filled; `suggest` is shown for review with
 * its reasons (warnings); `weak` is below the floor: "no good match", shown collapsed as a related entry,
 * never with a prominent Fill.
 */
export const Verdict = z.enum(['confident', 'suggest', 'weak']);
export type Verdict = z.infer<typeof Verdict>;

export const Suggestion = z.object({
  entryId: z.string(),
  version: z.number(),
  /** The text to write, shaped for the field (an option label for choice fields). */
  answer: z.string(),
  /** The entry's short answer as written ("Yes", "612"). */
  shortAnswer: z.string().optional(),
  /** The option label chosen for radio/select/checkbox fields, when one fits ("; "-joined for a multi-select). */
  option: z.string().optional(),
  /** The library's full answer text when `answer` is an option label: for the reader and the paired comment box. */
  narrative: z.string().optional(),
  /** The library question the suggestion answers (for the reader's own check). */
  matchedQuestion: z.string(),
  confidence: z.number().min(0).max(1),
  /** The gate's verdict; autoFill is exactly verdict === 'confident'. */
  verdict: Verdict,
  autoFill: z.boolean(),
  citations: Citations,
  warnings: z.array(Warning).default([]),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const MatchResult = z.object({
  id: z.string().optional(),
  question: z.string(),
  controls: z.array(ControlMatch),
  suggestions: z.array(Suggestion),
  reasons: z.array(z.object({ code: AbstainReason, message: z.string() })),
});
export type MatchResult = z.infer<typeof MatchResult>;
