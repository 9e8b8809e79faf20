// The library vote: entries close to a question name their controls, and those controls gain weight by
// similarity and approval. Each test says what a reviewer would see and why it must hold.
import { describe, expect, it } from 'vitest';
import { classifyControls } from '../../../lib/match/classify';
import type { ControlSource } from '../../../lib/match/control-source';
import { buildIndex, matchQuestion } from '../../../lib/match';
import { libraryVotes } from '../../../lib/match/library-vote';
import { entry } from './helpers';

const TODAY = '2026-06-01';

describe('libraryVotes', () => {
  const named = (id: string, extra = {}) =>
    entry(id, 'Do you encrypt laptops?', 'Yes, with FileVault.', {
      controls: [{ framework: 'iso27001:2022', id: 'A.8.1' }],
      ...extra,
    });

  it('weighs a vote by similarity: a close entry counts fully, a distant one not at all', () => {
    const votes = libraryVotes(
      [
        { entry: named('close'), sim: 0.9 },
        { entry: named('far'), sim: 0.1 },
      ],
      TODAY,
    );
    expect(votes.map((v) => [v.entryId, v.weight])).toEqual([['close', 1]]);
  });

  it('counts a draft or a stale entry less than an approved, current one', () => {
    const votes = libraryVotes(
      [
        { entry: named('approved'), sim: 0.9 },
        { entry: named('draft', { status: 'draft' }), sim: 0.9 },
        { entry: named('stale', { reviewBy: '2026-01-31' }), sim: 0.9 },
      ],
      TODAY,
    );
    const weight = Object.fromEntries(votes.map((v) => [v.entryId, v.weight]));
    expect(weight.approved).toBe(1);
    expect(weight.draft).toBeLessThan(1);
    expect(weight.stale).toBeLessThan(1);
  });

  it('ignores entries that name no control', () => {
    const votes = libraryVotes([{ entry: entry('bare', 'Do you encrypt laptops?', 'Yes.'), sim: 1 }], TODAY);
    expect(votes).toEqual([]);
  });
});

// Two ISO controls tie on the words of the question; the team's library has decided between them.
const source: ControlSource = {
  controls: [
    {
      framework: 'iso27001:2022',
      id: 'A.5.1',
      kind: 'annex',
      title: 'Policies',
      summary: 'Written rules for the portal.',
      keywords: ['portal rules'],
    },
    {
      framework: 'iso27001:2022',
      id: 'A.8.5',
      kind: 'annex',
      title: 'Authentication',
      summary: 'Written rules for the portal.',
      keywords: ['portal rules'],
    },
  ],
  edges: [],
  domainEdges: [],
};

describe('classifyControls with library votes', () => {
  const question = { question: 'What are the portal rules?' };

  it('lets a close entry decide a tie and names the entry in the explanation', () => {
    const plain = classifyControls(question, { source, frameworks: ['iso27001:2022'] });
    expect(plain.map((m) => m.id)).toEqual(['A.5.1', 'A.8.5']); // tie: id order
    const voted = classifyControls(question, {
      source,
      frameworks: ['iso27001:2022'],
      votes: [{ entryId: 'ans-7', weight: 0.8, controls: [{ framework: 'iso27001:2022', id: 'A.8.5' }] }],
    });
    expect(voted[0]!.id).toBe('A.8.5');
    expect(voted[0]!.why).toContain('entry ans-7 (0.80)');
    expect(voted.find((m) => m.id === 'A.5.1')!.why.some((w) => w.startsWith('entry'))).toBe(false);
  });
});

describe('matchQuestion takes votes from the library it searches', () => {
  it('reports the controls named by the entry that answers the question, with the entry as the reason', () => {
    const index = buildIndex([
      entry('ans-portal', 'What rules apply to the customer portal?', 'Sign-in rules: SSO and MFA.', {
        controls: [{ framework: 'iso27001:2022', id: 'A.8.5' }],
      }),
    ]);
    const res = matchQuestion(index, { question: 'Which portal rules apply?' }, { today: TODAY, source });
    expect(res.suggestions[0]?.entryId).toBe('ans-portal');
    expect(res.controls[0]!.id).toBe('A.8.5'); // without the vote A.5.1 wins the tie on its id
    expect(res.controls[0]!.why.some((w) => w.startsWith('entry ans-portal'))).toBe(true);
  });
});
