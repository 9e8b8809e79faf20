// The panel's match requests: small first pages so the first answers show at once, at most MATCH_PAGE after,
// every question asked once and in order, and the questionnaire named so the background can answer repeats.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MATCH_PAGE, matchInPages, matchPageSizes } from '../../../lib/background/client';
import { packMatches } from '../../../lib/background/match-wire';
import type { MatchResult } from '../../../lib/match';
import { MatchPage } from '../../../lib/messaging';

beforeEach(() => fakeBrowser.reset());

describe('matchInPages', () => {
  it('sizes pages 10, 20, 40, 80, then at most MATCH_PAGE, covering every question once', () => {
    expect(matchPageSizes(403)).toEqual([10, 20, 40, 80, 100, 100, 53]);
    expect(matchPageSizes(7)).toEqual([7]);
    expect(matchPageSizes(0)).toEqual([]);
    const big = matchPageSizes(5000);
    expect(big.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(Math.max(...big)).toBe(MATCH_PAGE);
  });

  it('hands each page on as it arrives, in order, and names the questionnaire in every request', async () => {
    const asked: { size: number; questionnaire?: string }[] = [];
    fakeBrowser.runtime.onMessage.addListener(((msg: {
      questions: { id: string; question: string }[];
      questionnaire?: string;
    }) => {
      asked.push({ size: msg.questions.length, questionnaire: msg.questionnaire });
      return Promise.resolve({
        results: msg.questions.map((q) => ({
          id: q.id,
          question: q.question,
          controls: [],
          suggestions: [],
          reasons: [],
        })),
        citations: {},
        generation: 1,
      });
    }) as never);
    const questions = Array.from({ length: 45 }, (_, i) => ({ id: `f${i}`, question: `Question ${i}?` }));
    const pages: string[][] = [];
    const all = await matchInPages(questions, undefined, {
      onPage: (results) => pages.push(results.map((r) => r.id!)),
      questionnaire: 'https://portal.example/q',
    });
    expect(asked).toEqual([
      { size: 10, questionnaire: 'https://portal.example/q' },
      { size: 20, questionnaire: 'https://portal.example/q' },
      { size: 15, questionnaire: 'https://portal.example/q' },
    ]);
    expect(pages.map((p) => p.length)).toEqual([10, 20, 15]);
    expect(all.map((r) => r.id)).toEqual(questions.map((q) => q.id));
  });

  it('sends each citation once: later pages name what the panel holds, and every suggestion gets its citations', async () => {
    const citations = (entryId: string) => ({
      entryId,
      version: 2,
      owner: 'Security team',
      evidence: [],
      controls: [{ framework: 'iso27001:2022' as const, id: '8.24', title: 'Use of cryptography' }],
    });
    const suggestion = (entryId: string) => ({
      entryId,
      version: 2,
      answer: `Answer of ${entryId}`,
      matchedQuestion: 'Q?',
      confidence: 0.9,
      verdict: 'confident' as const,
      autoFill: true,
      citations: citations(entryId),
      warnings: [],
    });
    const result = (id: string, entries: string[]): MatchResult => ({
      id,
      question: `Question ${id}?`,
      controls: [],
      suggestions: entries.map(suggestion),
      reasons: [],
    });
    // What the background holds: questions 0-9 answered by enc and mfa, 10-29 by enc and logs, the rest by logs.
    const answers = Array.from({ length: 150 }, (_, i) =>
      result(`f${i}`, i < 10 ? ['enc', 'mfa'] : i < 30 ? ['enc', 'logs'] : ['logs']),
    );
    const replies: MatchPage[] = [];
    const knownSent: (string[] | undefined)[] = [];
    fakeBrowser.runtime.onMessage.addListener(((msg: { questions: { id: string }[]; known?: string[] }) => {
      knownSent.push(msg.known);
      const page = packMatches(
        msg.questions.map((q) => answers.find((a) => a.id === q.id)!),
        7,
        new Set(msg.known),
      );
      replies.push(MatchPage.parse(page)); // what travels is a valid MatchPage
      return Promise.resolve(page);
    }) as never);
    const all = await matchInPages(
      answers.map((a) => ({ id: a.id!, question: a.question })),
      undefined,
    );
    // Whole results come out, equal to what the background matched.
    expect(all).toEqual(answers);
    // A page carries each citation once, not once per suggestion, and none travels in a suggestion.
    expect(Object.keys(replies[0]!.citations).sort()).toEqual(['7:enc@2', '7:mfa@2']);
    expect(replies[0]!.results[0]!.suggestions[0]).not.toHaveProperty('citations');
    // Each page is asked for before the one ahead of it lands: the second brings enc again (and logs), the third
    // brings logs again, and the fourth, asked once the panel holds all three, brings nothing.
    expect(knownSent[0]).toBeUndefined();
    expect(Object.keys(replies[1]!.citations).sort()).toEqual(['7:enc@2', '7:logs@2']);
    expect(Object.keys(replies[2]!.citations)).toEqual(['7:logs@2']);
    expect(knownSent[3]).toEqual(expect.arrayContaining(['7:enc@2', '7:mfa@2', '7:logs@2']));
    expect(replies[3]!.citations).toEqual({});
  });
});
