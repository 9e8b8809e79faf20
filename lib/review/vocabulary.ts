// One vocabulary for every finding about an answer: the review rules' flags, the fill policy's reasons, the
// side panel's badges and the review report's Flags column all use these codes and these labels, so a reader
// who learned "past review date" in the panel finds the same words in the report.
import { z } from 'zod';

export const FlagCode = z.enum([
  // May the answer go to this recipient, and does it hold here (the shared reuse rule, lib/match/reuse.ts)
  'not-cleared-for-reuse',
  'recipient-unknown',
  'evidence-not-shareable',
  'out-of-scope',
  // Is it still true
  'entry-not-approved',
  'entry-stale',
  'evidence-expired',
  'soc2-report-old',
  'iso-certificate-lapsed',
  'iso-surveillance-overdue',
  // Does it fit this question
  'framework-mismatch',
  'conflict',
  'option-mismatch',
  // How good the match is (the matcher's verdict)
  'not-confident',
  'weak-match',
  'no-suggestion',
  // Why the matcher's gate did not call it confident (lib/match/gate.ts)
  'terms-not-covered',
  'wrong-answer-kind',
  'controls-disagree',
  'needs-context',
  'needs-expert',
  // The field it would go into
  'no-matching-option',
  'field-disabled',
  'file-upload',
  'field-has-value',
  'already-filled',
  // What happened after the fill (review only)
  'edited-after-fill',
  'no-source',
]);
export type FlagCode = z.infer<typeof FlagCode>;

/** The short badge text for each code, in the panel and the report alike. */
export const FLAG_LABEL: Record<FlagCode, string> = {
  'not-cleared-for-reuse': 'not cleared for this recipient',
  'recipient-unknown': 'recipient not declared',
  'evidence-not-shareable': 'do not attach evidence',
  'out-of-scope': 'out of scope',
  'entry-not-approved': 'not approved',
  'entry-stale': 'past review date',
  'evidence-expired': 'evidence out of date',
  'soc2-report-old': 'SOC 2 report old',
  'iso-certificate-lapsed': 'ISO certificate lapsed',
  'iso-surveillance-overdue': 'ISO audit overdue',
  'framework-mismatch': 'wrong framework',
  conflict: 'conflicting answers',
  'option-mismatch': 'option uncertain',
  'not-confident': 'below threshold',
  'weak-match': 'weak match',
  'no-suggestion': 'no answer',
  'terms-not-covered': 'key words missing',
  'wrong-answer-kind': 'wrong kind of answer',
  'controls-disagree': 'different topic',
  'needs-context': 'needs earlier answer',
  'needs-expert': 'needs an expert',
  'no-matching-option': 'no option fits',
  'field-disabled': 'read-only field',
  'file-upload': 'file upload',
  'field-has-value': 'already answered',
  'already-filled': 'already holds this answer',
  'edited-after-fill': 'edited after fill',
  'no-source': 'no library source',
};

/**
 * What a person can do about a finding in one step, when there is such a step: the panel renders these as
 * buttons next to the finding ("set it"); everything else is said in the finding's fix.
 */
export const FlagAction = z.enum([
  /** Tick "NDA in place" for this questionnaire. */
  'set-nda',
  /** Name who receives the questionnaire. */
  'declare-recipient',
  /** Replace what the field holds now, after reading both. */
  'confirm-overwrite',
]);
export type FlagAction = z.infer<typeof FlagAction>;

/** Every way a fill can start (the fill policy's triggers, lib/policy/types.ts says what each means). */
export const FillTrigger = z.enum(['fill', 'edit-fill', 'fill-all', 'shortcut', 'context-menu', 'sheet']);
export type FillTrigger = z.infer<typeof FillTrigger>;

export const TRIGGER_LABEL: Record<FillTrigger, string> = {
  fill: 'Fill',
  'edit-fill': 'Edit then fill',
  'fill-all': 'Fill all confident',
  shortcut: 'Keyboard shortcut',
  'context-menu': 'Context menu',
  sheet: 'Spreadsheet fill',
};
