// What the fill policy reads and answers. Plain data, no DOM: a page field, a spreadsheet cell or a
// contenteditable box are all a PolicyField, so every way of filling asks the same question the same way.
import type { ControlRef } from '../controls';
import type { AnswerEntry, EvidenceItem, Scope } from '../library';
import type { Suggestion } from '../match';
import type { FieldKind } from '../page';
import { FillTrigger, type Flag, type FlagAction } from '../review';

/**
 * Every way a fill can start. Who has seen the answer differs, and so does what may happen without a look:
 *   fill          the card's Fill button: the person read the answer and its findings
 *   edit-fill     "Edit then fill": the person wrote or picked the value
 *   fill-all      "Fill all confident": many fields at once, from a preview list
 *   shortcut      Alt+Shift+F on the focused field: nobody has seen the answer yet
 *   context-menu  "Fill this field from the library" on a right-clicked field: the same
 *   sheet         a spreadsheet's cells filled in bulk (lib/sheet, the crosswalk fill command)
 */
export const Trigger = FillTrigger;
export type Trigger = FillTrigger;

/** What one finding does to one trigger: stop it, make it ask first, or ride along as a note. */
export type Gate = 'block' | 'confirm' | 'note';

/** The answer: write now, show the answer and the reasons and write only on a yes, or do not write. */
export type Verdict = 'fill' | 'confirm' | 'blocked';

export interface PolicyField {
  kind: FieldKind;
  /** What the field holds now ('' when empty; choice fields: the selected labels joined by "; "). */
  value: string;
  /** Choice fields: the labels on offer (a spreadsheet cell with a validation list has them too). */
  options?: readonly string[];
  disabled?: boolean;
}

/** The questionnaire as the user declared it (the side panel's QuestionnaireContext). */
export interface PolicyContext {
  recipient: string;
  nda: boolean;
  scope: Scope;
  name?: string;
}

/** What the reuse rules need to judge the suggestion's entry. */
export interface ReuseData {
  entry: AnswerEntry;
  /** Evidence items; the entry's cited ones are picked out by id, so the whole library is fine. */
  evidence: readonly EvidenceItem[];
  /** The library's other entries, for the conflict check (omit to skip it). */
  otherEntries?: readonly AnswerEntry[];
}

export interface PolicyInput {
  trigger: Trigger;
  field: PolicyField;
  context: PolicyContext;
  /** The matcher's suggestion the value comes from (absent: a value typed by hand). */
  suggestion?: Suggestion;
  /** The text to write. Default: the suggestion's option label for choice fields, its answer otherwise. */
  value?: string;
  /**
   * Reuse findings for the suggestion's entry in this context. Pass them when already computed (the panel
   * caches them per entry version), or pass `reuse` and they are computed here.
   */
  flags?: readonly Flag[];
  reuse?: ReuseData;
  question?: { text: string; controls?: readonly ControlRef[] };
  /** YYYY-MM-DD. */
  today?: string;
  /** The auto-fill threshold in force (settings); only worded into reasons, the matcher applied it. */
  threshold?: number;
}

/** One finding as the policy weighs it for this trigger. */
export interface Reason extends Flag {
  gate: Gate;
  action?: FlagAction;
}

export interface FillDecision {
  verdict: Verdict;
  /** What would be written. */
  value: string;
  /** Every finding, blocking ones first, then those that ask, then notes. */
  reasons: Reason[];
}
