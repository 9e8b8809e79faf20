// The policy table: for every finding and every trigger, whether it blocks the fill, makes it ask first, or
// is only noted. One row per finding in the shared vocabulary (lib/review/vocabulary.ts), so a new finding
// fails to compile until someone decides what it does to each way of filling.
//
// The columns differ by who has seen the answer. "fill" is pressed on a card showing the answer and its
// findings, so only what could mislead even a careful reader asks first. "edit-fill" writes the person's own
// words, so findings about the match step back. "fill-all" and "sheet" write many answers at once: anything
// short of a clean, confident answer is left for a person. "shortcut" and "context-menu" write into one field
// nobody has looked at yet: they may ask (the page shows the answer and the findings), never write blind.
// Answers the recipient may not receive are blocked everywhere but in the person's own edit.
import type { FlagCode } from '../review';
import type { Gate, Trigger } from './types';

type Row = Record<Trigger, Gate>;

const row = (fill: Gate, editFill: Gate, fillAll: Gate, shortcut: Gate, contextMenu: Gate, sheet: Gate): Row => ({
  fill,
  'edit-fill': editFill,
  'fill-all': fillAll,
  shortcut,
  'context-menu': contextMenu,
  sheet,
});

export const GATES: Record<FlagCode, Row> = {
  //                                fill       edit-fill  fill-all  shortcut   ctx-menu   sheet
  'not-cleared-for-reuse': row('block', 'confirm', 'block', 'block', 'block', 'block'),
  'recipient-unknown': row('block', 'confirm', 'block', 'block', 'block', 'block'),
  'evidence-not-shareable': row('note', 'note', 'note', 'note', 'note', 'note'),
  'out-of-scope': row('confirm', 'confirm', 'block', 'confirm', 'confirm', 'block'),
  'entry-not-approved': row('confirm', 'note', 'block', 'confirm', 'confirm', 'block'),
  'entry-stale': row('note', 'note', 'block', 'confirm', 'confirm', 'block'),
  'evidence-expired': row('confirm', 'confirm', 'block', 'confirm', 'confirm', 'block'),
  'soc2-report-old': row('note', 'note', 'block', 'confirm', 'confirm', 'block'),
  'iso-certificate-lapsed': row('confirm', 'confirm', 'block', 'confirm', 'confirm', 'block'),
  'iso-surveillance-overdue': row('note', 'note', 'block', 'confirm', 'confirm', 'block'),
  'framework-mismatch': row('confirm', 'confirm', 'block', 'confirm', 'confirm', 'block'),
  conflict: row('confirm', 'confirm', 'block', 'confirm', 'confirm', 'block'),
  'option-mismatch': row('note', 'note', 'block', 'confirm', 'confirm', 'block'),
  'not-confident': row('note', 'note', 'block', 'confirm', 'confirm', 'block'),
  'weak-match': row('confirm', 'note', 'block', 'block', 'block', 'block'),
  'no-suggestion': row('block', 'block', 'block', 'block', 'block', 'block'),
  // The matcher's gate (lib/match/gate.ts): like not-confident, except that an answer of the wrong kind
  // could mislead even a careful reader, and a question that commits the company is never filled blind.
  'terms-not-covered': row('note', 'note', 'block', 'confirm', 'confirm', 'block'),
  'wrong-answer-kind': row('confirm', 'note', 'block', 'confirm', 'confirm', 'block'),
  'controls-disagree': row('note', 'note', 'block', 'confirm', 'confirm', 'block'),
  'needs-context': row('note', 'note', 'block', 'confirm', 'confirm', 'block'),
  'needs-expert': row('confirm', 'note', 'block', 'block', 'block', 'block'),
  'no-matching-option': row('block', 'block', 'block', 'block', 'block', 'block'),
  'field-disabled': row('block', 'block', 'block', 'block', 'block', 'block'),
  // Crosswalk never uploads: a file input takes no answer from any trigger (its comment box may).
  'file-upload': row('block', 'block', 'block', 'block', 'block', 'block'),
  'field-has-value': row('confirm', 'confirm', 'block', 'confirm', 'confirm', 'block'),
  'already-filled': row('block', 'block', 'block', 'block', 'block', 'block'),
  // Found only after a fill (review); noted if they ever reach the policy.
  'edited-after-fill': row('note', 'note', 'note', 'note', 'note', 'note'),
  'no-source': row('note', 'note', 'note', 'note', 'note', 'note'),
};
