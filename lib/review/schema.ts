// The review ledger's records: one FillRecord per fill or copy, carrying the provenance that travelled with
// the answer (entry id + version, evidence, controls, confidence) so the review view and report never have
// to look anything up again. Plain data, validated with zod at the IndexedDB boundary.
import { z } from 'zod';
import { ControlRef } from '../controls';
import { Scope, IsoDateTime } from '../library/model';
import { Citations, EvidenceCitation } from '../match';
import { FieldKind } from '../page';
import { FillTrigger, FlagAction, FlagCode } from './vocabulary';

/** Who the questionnaire goes to and where it applies, as the user declared it before filling. */
export const ReviewQuestionnaire = z.object({
  /** Stable key for one questionnaire (see questionnaireKey): fills on the same form share it. */
  id: z.string().min(1),
  origin: z.string().default(''),
  url: z.string().default(''),
  pageTitle: z.string().default(''),
  /** The name the user gave it ("Acme vendor review 2025"). */
  name: z.string().default(''),
  recipient: z.string().default(''),
  /** True when an NDA with the recipient is in place: answers cleared "nda" may go to them. */
  nda: z.boolean().default(false),
  scope: Scope.default({ services: [], environments: [], regions: [], dataTypes: [] }),
});
export type ReviewQuestionnaire = z.infer<typeof ReviewQuestionnaire>;
export type ReviewQuestionnaireInput = z.input<typeof ReviewQuestionnaire>;

export const FlagSeverity = z.enum(['high', 'medium', 'low']);
export type FlagSeverity = z.infer<typeof FlagSeverity>;

export { FillTrigger, FlagAction, FlagCode, FLAG_LABEL, TRIGGER_LABEL } from './vocabulary';

/** One reuse-check finding: what is wrong (message) and what to do about it (fix), in plain words. */
export const Flag = z.object({
  code: FlagCode,
  severity: FlagSeverity,
  message: z.string().min(1),
  fix: z.string().min(1),
  /** The one-step fix, when there is one (the panel shows it as a button). */
  action: FlagAction.optional(),
});
export type Flag = z.infer<typeof Flag>;

export const DiffPart = z.object({ op: z.enum(['same', 'add', 'del']), text: z.string() });
export type DiffPart = z.infer<typeof DiffPart>;

/** What the page showed when the field was read back after filling. */
export const EditCheck = z.object({
  checkedAt: IsoDateTime,
  editedAfterFill: z.boolean(),
  currentValue: z.string(),
  /** Word diff from the written value to the current one (empty when unchanged). */
  diff: z.array(DiffPart),
});
export type EditCheck = z.infer<typeof EditCheck>;

export const DecisionStatus = z.enum(['pending', 'approved', 'rejected', 'sent-back']);
export type DecisionStatus = z.infer<typeof DecisionStatus>;

export const Decision = z.object({
  status: DecisionStatus,
  reviewer: z.string().optional(),
  at: IsoDateTime.optional(),
  /** Why, for a rejection or a send-back to the entry's owner. */
  note: z.string().max(4000).optional(),
});
export type Decision = z.infer<typeof Decision>;

export const SavedToLibrary = z.object({
  mode: z.enum(['new-version', 'new-entry']),
  entryId: z.string(),
  version: z.number().int().positive(),
  at: IsoDateTime,
});
export type SavedToLibrary = z.infer<typeof SavedToLibrary>;

export const FillRecord = z.object({
  id: z.string().min(1),
  questionnaire: ReviewQuestionnaire,
  fid: z.string().min(1),
  /** The question as the page showed it (not the library's wording). */
  question: z.string(),
  section: z.string().optional(),
  /** The number printed before the question ("3.1", "IAM-02"), when the page has one. */
  number: z.string().optional(),
  /** Where the question sits in the questionnaire (0-based page or sheet order), for questionnaire order. */
  position: z.number().int().nonnegative().optional(),
  fieldKind: FieldKind,
  /** Absent when the user typed or pasted a value that came from no library entry. */
  entryId: z.string().optional(),
  entryVersion: z.number().int().positive().optional(),
  /** The library question the entry answers, for the reviewer's own check. */
  matchedQuestion: z.string().optional(),
  owner: z.string().optional(),
  evidence: z.array(EvidenceCitation).default([]),
  /** Controls cited: the entry's own plus crosswalk counterparts (each with its edge in `via`). */
  controls: Citations.shape.controls.default([]),
  /** Controls the question itself was classified under (lets review re-run the framework check). */
  questionControls: z.array(ControlRef).default([]),
  confidence: z.number().min(0).max(1).optional(),
  value: z.string(),
  action: z.enum(['fill', 'copy']),
  /** Which button or command wrote it. */
  trigger: FillTrigger.optional(),
  /** What the field held before, when it was not empty (an answer replaced after confirmation). */
  previous: z.string().optional(),
  at: IsoDateTime,
  /** Reuse-check findings shown before the fill. */
  flags: z.array(Flag).default([]),
  edit: EditCheck.optional(),
  decision: Decision.default({ status: 'pending' }),
  savedToLibrary: SavedToLibrary.optional(),
});
export type FillRecord = z.infer<typeof FillRecord>;
export type FillRecordInput = z.input<typeof FillRecord>;
/** A record as the filling code hands it to the ledger: the store assigns the id and time when they are absent. */
export type NewFillRecord = Omit<FillRecordInput, 'id' | 'at'> & { id?: string; at?: string };

/** A reviewer's sign-off on a whole questionnaire. */
export const SignOff = z.object({
  questionnaireId: z.string().min(1),
  reviewer: z.string().trim().min(1),
  at: IsoDateTime,
  note: z.string().max(4000).optional(),
});
export type SignOff = z.infer<typeof SignOff>;

/** A message for the library manager: an answer was edited on a page and saved back, or sent back by a reviewer. */
export const LibraryNotification = z.object({
  id: z.string().min(1),
  at: IsoDateTime,
  kind: z.enum(['page-edit', 'sent-back']),
  entryId: z.string(),
  entryVersion: z.number().int().positive().optional(),
  questionnaire: z.string(),
  message: z.string(),
  note: z.string().optional(),
  read: z.boolean().default(false),
});
export type LibraryNotification = z.infer<typeof LibraryNotification>;

/** "https://portal.example|/forms/42|acme 2025": one questionnaire = one page path + the name the user gave it. */
export function questionnaireKey(url: string, name = ''): string {
  let base = url;
  try {
    const u = new URL(url);
    base = `${u.origin}${u.pathname}`;
  } catch {
    // Not a URL (e.g. a spreadsheet name): use it as is.
  }
  return `${base}|${name.trim().toLowerCase()}`;
}
