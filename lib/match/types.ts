// What the matching engine hands the UI: ranked controls, suggestions with citations, or typed abstention.
import { z } from 'zod';
import { ControlRef, Framework } from '../controls/framework';
import { FieldKind } from '../page/types';
import { EvidenceKind, ShortAnswer } from '../library/schema';

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
  ]),
  message: z.string(),
});
export type Warning = z.infer<typeof Warning>;

export const Suggestion = z.object({
  entryId: z.string(),
  version: z.number(),
  /** The text to write, shaped for the field (an option label for choice fields). */
  answer: z.string(),
  shortAnswer: ShortAnswer.optional(),
  /** The option label chosen for radio/select/checkbox fields, when one fits ("; "-joined for a multi-select). */
  option: z.string().optional(),
  /** The library's full answer text when `answer` is an option label: for the reader and the paired comment box. */
  narrative: z.string().optional(),
  /** The library question the suggestion answers (for the reader's own check). */
  matchedQuestion: z.string(),
  confidence: z.number().min(0).max(1),
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
