// Match results the background already computed for a questionnaire, so asking again costs nothing: a second
// panel on the same tab, a rescan of a page that mostly did not change, switching back to a tab, or a declaration
// ticked and unticked again. A result depends only on the question as the page gave it, the declared context,
// the settings the match ran with, today's date (review dates, evidence expiry) and the index; the index part is
// its generation, which changes whenever an entry or evidence item is added, edited or removed, and a new
// generation drops every stored result.
//
// Scoped to one questionnaire (the page address the context is declared for): the same question on another
// questionnaire is matched again. That keeps the cache small and its effect visible (the panel bench measures
// first opens of a questionnaire, each on its own page address).
import type { MatchResult, QuestionInput } from '../match';
import type { QuestionnaireContext } from '../messaging';

/** What a result depends on besides the question and the index. */
export interface MatchKeyParts {
  questionnaire?: string;
  context?: QuestionnaireContext;
  threshold: number;
  footer?: string;
  limit?: number;
  today: string;
}

/** A 403-question page matched under three declarations, with room to spare; each result is ~20 KB. */
const MAX_RESULTS = 1500;

export class MatchCache {
  private generation: number | undefined;
  private readonly results = new Map<string, MatchResult>();

  constructor(private readonly max = MAX_RESULTS) {}

  /** The key for one question, or undefined when results are not to be kept (no questionnaire named). */
  keyOf(question: QuestionInput, parts: MatchKeyParts): string | undefined {
    if (!parts.questionnaire) return undefined;
    const { id: _id, ...q } = question;
    const c = parts.context;
    return JSON.stringify([
      parts.questionnaire,
      parts.today,
      parts.threshold,
      parts.footer ?? '',
      parts.limit ?? 0,
      c ? [c.recipient, c.nda, c.scope] : null,
      q,
    ]);
  }

  /** The stored result for `key` under this index generation, carrying the asking question's id. */
  get(generation: number, key: string, id: string | undefined): MatchResult | undefined {
    if (generation !== this.generation) return undefined;
    const hit = this.results.get(key);
    if (!hit) return undefined;
    // Least recently used goes first: a hit moves to the end.
    this.results.delete(key);
    this.results.set(key, hit);
    return withId(hit, id);
  }

  set(generation: number, key: string, result: MatchResult): void {
    if (generation !== this.generation) {
      this.results.clear();
      this.generation = generation;
    }
    this.results.delete(key);
    this.results.set(key, withId(result, undefined));
    if (this.results.size > this.max) this.results.delete(this.results.keys().next().value!);
  }

  get size(): number {
    return this.results.size;
  }
}

function withId(result: MatchResult, id: string | undefined): MatchResult {
  const { id: _old, ...rest } = result;
  return id === undefined ? rest : { ...rest, id };
}
