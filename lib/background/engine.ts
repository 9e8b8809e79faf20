// Binds the background's MatchEngine interface to lib/match. The only file in the background that knows
// how lib/match's index is shaped.
import {
  buildIndex,
  loadIndex,
  matchQuestion,
  putEvidence,
  removeEntry,
  serializeIndex,
  updateEntry,
  addEntry,
  type AnswerIndex,
  type Audience,
} from '../match';
import type { QuestionnaireContext } from '../messaging';
import type { MatchEngine, MatchOptions } from './index-service';

/** Who receives the answers, exactly as the user declared it (no context: the matcher's default audience). */
export function recipientOf(ctx: QuestionnaireContext | undefined): Audience | undefined {
  return ctx ? { recipient: ctx.recipient.trim(), nda: ctx.nda } : undefined;
}

export function scopeOf(ctx: QuestionnaireContext | undefined): QuestionnaireContext['scope'] | undefined {
  if (!ctx) return undefined;
  const s = ctx.scope;
  return s.services.length || s.environments.length || s.regions.length || s.dataTypes.length ? s : undefined;
}

export const matchEngine: MatchEngine<AnswerIndex> = {
  build: (entries, evidence) => buildIndex(entries, evidence),
  putEntry(index, id, entry) {
    if (entry) {
      if (index.entries.has(id)) updateEntry(index, entry);
      else addEntry(index, entry);
    } else if (index.entries.has(id)) {
      removeEntry(index, id);
    }
  },
  putEvidence(index, id, item) {
    if (item) putEvidence(index, item);
    else index.evidence.delete(id);
  },
  counts: (index) => ({ entries: index.entries.size, evidence: index.evidence.size }),
  matchAll(index, questions, options: MatchOptions) {
    // The matcher's options are the same for every question of the page: built once.
    const recipient = recipientOf(options.context);
    const scope = scopeOf(options.context);
    const opts = {
      threshold: options.threshold,
      ...(options.today ? { today: options.today } : {}),
      ...(recipient ? { recipient } : {}),
      ...(scope ? { scope } : {}),
      ...(options.footer ? { footer: { format: options.footer } } : {}),
      ...(options.limit ? { limit: options.limit } : {}),
    };
    return questions.map((q) => matchQuestion(index, q, opts));
  },
  serialize: (index) => serializeIndex(index),
  load: (data) => loadIndex(data),
};
