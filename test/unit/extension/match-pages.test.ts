// The panel's match requests: small first pages so the first answers show at once, at most MATCH_PAGE after,
// every question asked once and in order, and the questionnaire named so the background can answer repeats.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MATCH_PAGE, matchInPages, matchPageSizes } from '../../../lib/background/client';

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
});
