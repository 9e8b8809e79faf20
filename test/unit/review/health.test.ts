// Library health over a small library and ledger: stale, unused, most reused, conflicts/duplicates, coverage.
import { describe, expect, it } from 'vitest';
import { jaccard, questionTokens } from '../../../lib/library/near-duplicates';
import { computeHealth } from '../../../lib/review/health';
import { similarPairs } from '../../../lib/review/similar-pairs';
import { entry, evidence, record } from './builders';

const today = '2025-06-15';
const enc = entry({ id: 'ans-enc', controls: [{ framework: 'iso27001:2022', id: 'A.8.24' }] });
const encNo = entry({
  id: 'ans-enc-2',
  question: 'Is customer data at rest encrypted?',
  shortAnswer: 'No',
  answer: 'No.',
  controls: [],
});
const mfa = entry({
  id: 'ans-mfa',
  question: 'Do you enforce MFA for administrators?',
  answer: 'Yes, hardware keys.',
  reviewBy: '2025-01-01',
  controls: [{ framework: 'soc2:2017', id: 'CC6.1' }],
});
const bgc = entry({
  id: 'ans-bgc',
  question: 'Do you run background checks on new staff?',
  answer: 'Yes, before start.',
  evidenceIds: ['evd-old'],
  controls: [{ framework: 'iso27001:2022', id: 'A.6.1' }],
});
const bgcDup = entry({
  id: 'ans-bgc-2',
  question: 'Do you run background checks on new staff?',
  answer: 'Yes, before start.',
  status: 'draft',
});
const retired = entry({
  id: 'ans-ret',
  status: 'retired',
  question: 'Do you encrypt customer data at rest?',
  shortAnswer: 'No',
});
const oldEvidence = evidence({ id: 'evd-old', title: 'HR screening procedure', validUntil: '2025-02-01' });

const records = [
  record({ id: 'r1', entryId: 'ans-enc' }),
  record({ id: 'r2', entryId: 'ans-enc', questionnaire: { ...record().questionnaire, id: 'q2' } }),
  record({ id: 'r3', entryId: 'ans-mfa' }),
  record({ id: 'r4', entryId: undefined, entryVersion: undefined }),
];

describe('computeHealth', () => {
  const h = computeHealth({
    entries: [enc, encNo, mfa, bgc, bgcDup, retired],
    evidence: [oldEvidence],
    records,
    today,
  });

  it('lists stale approved entries with the reason in words', () => {
    expect(h.stale.map((s) => [s.entry.id, s.reasons])).toEqual([
      ['ans-mfa', ['review was due 2025-01-01']],
      ['ans-bgc', ['evidence "HR screening procedure" expired 2025-02-01']],
    ]);
  });

  it('finds approved entries never used and ranks the most reused', () => {
    expect(h.neverUsed.map((e) => e.id)).toEqual(['ans-enc-2', 'ans-bgc']);
    expect(h.mostReused.map((m) => [m.entry.id, m.uses, m.questionnaires])).toEqual([
      ['ans-enc', 2, 2],
      ['ans-mfa', 1, 1],
    ]);
  });

  it('reports conflicts before duplicates and ignores retired entries', () => {
    expect(h.pairs.map((p) => [p.kind, p.a.id, p.b.id])).toEqual([
      ['conflict', 'ans-enc', 'ans-enc-2'],
      ['duplicate', 'ans-bgc', 'ans-bgc-2'],
    ]);
  });

  it('colours each control by coverage and freshness, in full catalog grids', () => {
    const iso = h.coverage['iso27001:2022'];
    expect(iso.length).toBe(93);
    expect(new Set(iso.map((c) => c.group))).toEqual(
      new Set(['Organizational', 'People', 'Physical', 'Technological']),
    );
    expect(h.coverage['soc2:2017'].length).toBe(61);
    expect(h.coverage['iso27001:2013'].length).toBe(114);
    const cell = (fw: keyof typeof h.coverage, id: string) => h.coverage[fw].find((c) => c.id === id)!;
    expect(cell('iso27001:2022', 'A.8.24')).toMatchObject({
      coverage: 'fresh',
      entryIds: ['ans-enc'],
      group: 'Technological',
    });
    expect(cell('iso27001:2022', 'A.6.1').coverage).toBe('stale');
    expect(cell('soc2:2017', 'CC6.1').coverage).toBe('stale');
    expect(cell('iso27001:2022', 'A.7.4').coverage).toBe('none');
  });

  it('names the gaps in words', () => {
    expect(h.gaps).toContain('ISO/IEC 27001:2022 A.7.4: no approved answer');
    expect(h.gaps.some((g) => g.startsWith('ISO/IEC 27001:2022 A.8.24:'))).toBe(false);
  });

  it('marks a control answered only through a mapped control as crosswalk', () => {
    const cw = Object.values(h.coverage)
      .flat()
      .filter((c) => c.coverage === 'crosswalk');
    expect(cw.length).toBeGreaterThan(0);
    for (const c of cw) expect(c.entryIds).toEqual([]);
  });
});

describe('similarPairs', () => {
  it('finds each pair once, also through alternatives, and scales past pairwise comparison', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      entry({ id: `e${i}`, question: `Question number ${i} about topic ${i * 7} and area ${i * 13}` }),
    );
    const alt = entry({
      id: 'alt',
      question: 'Unrelated',
      alternatives: ['Question number 5 about topic 35 and area 65'],
      shortAnswer: 'No',
    });
    const pairs = similarPairs([...many, alt]);
    expect(pairs.map((p) => [p.a.id, p.b.id, p.kind])).toEqual([['e5', 'alt', 'conflict']]);
  });
});

describe('similarPairs exactness', () => {
  it('finds exactly the pairs a brute-force comparison finds', () => {
    const vocab = 'access backup encrypt vendor incident log password network firewall audit training policy'.split(
      ' ',
    );
    // A deterministic pseudo-random library: short questions from a small vocabulary give many near pairs.
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const lib = Array.from({ length: 400 }, (_, i) => {
      const len = 3 + Math.floor(rnd() * 5);
      const words = Array.from({ length: len }, () => vocab[Math.floor(rnd() * vocab.length)]);
      return entry({ id: `r${i}`, question: words.join(' '), shortAnswer: rnd() < 0.5 ? 'Yes' : 'No' });
    });
    const brute = new Set<string>();
    for (let i = 0; i < lib.length; i++)
      for (let j = i + 1; j < lib.length; j++)
        if (jaccard(questionTokens(lib[i]!.question), questionTokens(lib[j]!.question)) >= 0.8)
          brute.add(`${lib[i]!.id}|${lib[j]!.id}`);
    const found = new Set(similarPairs(lib).map((p) => `${p.a.id}|${p.b.id}`));
    expect(brute.size).toBeGreaterThan(50);
    expect(found).toEqual(brute);
  });
});
