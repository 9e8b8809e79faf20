// Every error message the matching engine can raise, in one place (cause + fix), after Fuse.js.
import { CrosswalkError } from '../errors';

export type MatchErrorCode =
  'invalid-lexicon' | 'invalid-index' | 'duplicate-entry' | 'unknown-entry' | 'invalid-question';

export class MatchError extends CrosswalkError<MatchErrorCode> {
  override name = 'MatchError';
}

export function lexiconError(problems: string[]): string {
  return `The security lexicon is invalid: ${problems.join('; ')}. Fix data/lexicon.json (see LexiconFile in lib/match/lexicon.ts).`;
}

export function indexFormatError(detail: string): string {
  return `Cannot load the saved search index: ${detail}. Rebuild it with buildIndex(entries, evidence) and save the new serializeIndex() output.`;
}

export function duplicateEntryError(id: string): string {
  return `Entry "${id}" is already in the index. Use updateEntry(index, entry) to replace it, or removeEntry first.`;
}

export function unknownEntryError(id: string): string {
  return `Entry "${id}" is not in the index, so it cannot be updated or removed. Add it with addEntry(index, entry).`;
}

export function invalidQuestionError(detail: string): string {
  return `The question cannot be matched: ${detail}. Pass an object like { question: "Do you encrypt data at rest?" } with non-empty text.`;
}
