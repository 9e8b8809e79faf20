// Back to the library: an answer someone corrected on the page becomes a draft for the entry's owner —
// either a new version of the entry it came from or a new entry — marked `source: "page edit"` so the
// library manager can filter for it. Never approved automatically: the owner decides.
import { type EntryDraft, ShortAnswer, type AnswerEntry } from '../library/model';
import { ReviewError, reviewMessages } from './errors';
import type { FillRecord } from './schema';

export const PAGE_EDIT_SOURCE = 'page edit';
export type SaveMode = 'new-version' | 'new-entry';

const CHOICE_KINDS = new Set(['radio', 'select', 'checkbox']);

export function isPageEdit(entry: Pick<AnswerEntry, 'source'>): boolean {
  return entry.source === PAGE_EDIT_SOURCE;
}

/** The edited text on a choice field is an option label; it updates the short answer when it is one. */
function applyValue(
  record: FillRecord,
  value: string,
  base: { answer?: string; shortAnswer?: string },
): { answer: string; shortAnswer?: string } {
  if (CHOICE_KINDS.has(record.fieldKind)) {
    const short = ShortAnswer.safeParse(value.trim());
    if (short.success) return { answer: base.answer ?? value, shortAnswer: short.data };
  }
  return { answer: value, shortAnswer: base.shortAnswer };
}

/**
 * The library draft for saving `record`'s page edit. `entry` is the entry the fill came from (current
 * version), required for 'new-version'; `owner` is required for a new entry with no source entry.
 */
export function pageEditDraft(
  record: FillRecord,
  mode: SaveMode,
  entry: AnswerEntry | undefined,
  owner?: string,
): EntryDraft {
  if (!record.edit?.editedAfterFill) throw new ReviewError('not-edited', reviewMessages.notEdited(record.question));
  const value = record.edit.currentValue;
  if (mode === 'new-version') {
    if (!entry) throw new ReviewError('no-entry', reviewMessages.noEntry(record.entryId ?? '(none)'));
    const { createdAt: _c, updatedAt: _u, version: _v, ...base } = entry;
    return { ...base, ...applyValue(record, value, entry), status: 'draft', source: PAGE_EDIT_SOURCE };
  }
  const who = owner?.trim() || entry?.owner;
  if (!who) throw new ReviewError('no-owner', reviewMessages.noOwner());
  return {
    question: record.question.trim() || entry?.question || '(question not captured)',
    ...applyValue(record, value, { shortAnswer: entry?.shortAnswer, answer: entry?.answer }),
    controls: entry?.controls ?? [],
    evidenceIds: entry?.evidenceIds ?? [],
    owner: who,
    status: 'draft',
    // A new claim is shared with nobody until its owner says otherwise.
    reuse: entry?.reuse ?? { level: 'internal' },
    scope: entry?.scope ?? { services: [], environments: [], regions: [], dataTypes: [] },
    tags: entry?.tags ?? [],
    source: PAGE_EDIT_SOURCE,
  };
}

export function pageEditMessage(record: FillRecord, mode: SaveMode): string {
  const where =
    record.questionnaire.name || record.questionnaire.pageTitle || record.questionnaire.origin || 'a questionnaire';
  return `${mode === 'new-version' ? 'New draft version' : 'New draft entry'} from an edit on "${where}" to "${record.question}". Review and approve it, or retire it.`;
}
