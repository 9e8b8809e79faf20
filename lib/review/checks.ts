// Entry points for running the reuse checks from the extension: before a fill (side-panel warnings) and in
// review (re-run against today's library, plus the ledger's own findings such as edits after filling).
import type { ControlRef } from '../controls';
import type { AnswerEntry, EvidenceItem, Scope } from '../library/model';
import { runReuseChecks, todayIso, type ReuseContext } from './rules';
import type { Flag, FillRecord } from './schema';
import { diffText } from './diff';

export interface PreFillInput {
  entry: AnswerEntry;
  /** Evidence items: the entry's cited ones are picked out by id, so passing the whole library is fine. */
  evidence: readonly EvidenceItem[];
  /** The side panel's QuestionnaireContext (plus `nda` when the user ticked "NDA in place"). */
  questionnaire: { recipient: string; nda?: boolean; scope: Scope; name?: string };
  question?: { text: string; controls?: readonly ControlRef[] };
  /** The library's other entries, for the conflict check. Omit to skip it. */
  libraryEntries?: readonly AnswerEntry[];
  today?: string;
}

export function citedEvidence(entry: AnswerEntry, evidence: readonly EvidenceItem[]): EvidenceItem[] {
  const byId = new Map(evidence.map((e) => [e.id, e]));
  return entry.evidenceIds.map((id) => byId.get(id)).filter((e): e is EvidenceItem => e !== undefined);
}

/** Flags to show before filling `entry` into a field (most severe first); [] means nothing to warn about. */
export function checkBeforeFill(input: PreFillInput): Flag[] {
  const ctx: ReuseContext = {
    entry: input.entry,
    evidence: citedEvidence(input.entry, input.evidence),
    questionnaire: input.questionnaire,
    question: input.question,
    otherEntries: input.libraryEntries,
    today: input.today ?? todayIso(),
  };
  return runReuseChecks(ctx);
}

/** Findings about the record itself (not the entry): no library source, edited on the page after filling. */
export function recordFlags(record: FillRecord): Flag[] {
  const out: Flag[] = [];
  if (!record.entryId) {
    out.push({
      code: 'no-source',
      severity: 'medium',
      message: 'This answer came from no library entry, so nothing backs it.',
      fix: 'Check it by hand, then save it to the library (it becomes a draft for its owner to approve).',
    });
  }
  if (record.edit?.editedAfterFill) {
    out.push({
      code: 'edited-after-fill',
      severity: 'medium',
      message: `The answer was edited on the page after filling: ${diffText(record.edit.diff) || 'text changed'}.`,
      fix: 'Check the edit; if it is right, save it to the library as a new version or a new entry.',
    });
  }
  return out;
}

/**
 * Flags for the review view: the entry as it is in the library now (or the version used, when the entry is
 * gone) checked against the questionnaire the record was filled into, plus the record's own findings.
 */
export function reviewFlags(
  record: FillRecord,
  entry: AnswerEntry | undefined,
  library: { entries: readonly AnswerEntry[]; evidence: readonly EvidenceItem[] },
  today: string = todayIso(),
): Flag[] {
  const own = recordFlags(record);
  if (!entry) return [...own, ...record.flags.filter((f) => !own.some((o) => o.code === f.code))];
  return [
    ...checkBeforeFill({
      entry,
      evidence: library.evidence,
      questionnaire: record.questionnaire,
      question: { text: record.question, controls: record.questionControls },
      libraryEntries: library.entries,
      today,
    }),
    ...own,
  ];
}
