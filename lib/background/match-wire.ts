// Packing match results for the trip to the panel and back into whole results there (the MatchPage format in
// lib/messaging.ts): each suggestion's citations travel once per asker, keyed by the entry's version, instead of
// once per suggestion. A 403-question page sent ~19 KB per question, most of it the same citations again.
import type { Citations, MatchResult } from '../match';
import type { MatchPage } from '../messaging';
import { BackgroundError } from './errors';

/**
 * Citations are a function of the entry's version and the index's content (an evidence item's edit changes them
 * without a new entry version): keyed by both.
 */
export const citationKey = (generation: number, s: { entryId: string; version: number }): string =>
  `${generation}:${s.entryId}@${s.version}`;

/** `results` (answered by index generation `generation`) as a MatchPage, leaving out citations the asker holds. */
export function packMatches(
  results: readonly MatchResult[],
  generation: number,
  known: ReadonlySet<string> = new Set(),
): MatchPage {
  const citations: MatchPage['citations'] = {};
  const packed = results.map((r) => ({
    ...r,
    suggestions: r.suggestions.map(({ citations: c, ...rest }) => {
      const key = citationKey(generation, rest);
      if (!known.has(key)) citations[key] ??= c;
      return rest;
    }),
  }));
  return { results: packed, citations, generation };
}

/**
 * Whole results from a MatchPage: each suggestion gets its citations from the page or from `held` (what earlier
 * pages brought; the page's are added to it). Results share citation objects: treat them as read-only.
 */
export function unpackMatches(page: MatchPage, held: Map<string, Citations>): MatchResult[] {
  for (const [key, c] of Object.entries(page.citations)) held.set(key, c);
  return page.results.map((r) => ({
    ...r,
    suggestions: r.suggestions.map((s) => {
      const key = citationKey(page.generation, s);
      const citations = held.get(key);
      if (!citations)
        throw new BackgroundError(
          'bad-reply',
          `The background sent a suggestion of ${key} without its citations. Reload the extension and retry.`,
        );
      return { ...s, citations };
    }),
  }));
}
