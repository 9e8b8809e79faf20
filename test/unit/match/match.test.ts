import { describe, expect, it } from 'vitest';
import {
  buildIndex,
  DEFAULT_MODEL,
  defaultControlSource,
  matchQuestion,
  RANK_FEATURES,
  rankCandidates,
  type Candidate,
} from '../../../lib/match';
import { MatchResult } from '../../../lib/match/types';
import { entry, evidence, smallLibrary, TODAY } from './helpers';

const codes = (r: { reasons: Array<{ code: string }> }) => r.reasons.map((x) => x.code);

describe('matchQuestion ranking', () => {
  const index = buildIndex(smallLibrary(), [evidence('ev-access', 'Access Control Policy')]);

  it.each([
    // Lexicon: "2FA" and "staff" meet "multi-factor" and "employees".
    ['Is 2FA mandatory for all staff?', 'mfa'],
    // Paraphrase with acronyms on both sides: "AES" and "stored" vs "encrypted at rest".
    ['Do you encrypt data at rest?', 'rest'],
    ['How often do external pen testers assess your product?', 'pentest'],
    // Typo tolerance: "continuty" is corrected against the candidates' own words.
    ['Is there a business continuty plan?', 'bcp'],
  ])('answers %j with entry %s first', (question, id) => {
    const r = matchQuestion(index, { question }, { today: TODAY });
    expect(MatchResult.safeParse(r).success).toBe(true);
    expect(r.suggestions[0]?.entryId).toBe(id);
  });

  it('auto-fills a close paraphrase of an approved, current, uncontested entry', () => {
    const [s] = matchQuestion(index, { question: 'Do you enforce MFA for employees?' }, { today: TODAY }).suggestions;
    expect(s?.autoFill).toBe(true);
    expect(s?.confidence).toBeGreaterThan(0.78);
  });

  it('cites the entry version, its evidence, and counterparts in the other frameworks with the edge source', () => {
    const [s] = matchQuestion(index, { question: 'Do you enforce MFA for employees?' }, { today: TODAY }).suggestions;
    expect(s?.citations).toMatchObject({ entryId: 'mfa', version: 1, owner: 'security@example.com' });
    expect(s?.citations.evidence[0]).toMatchObject({
      title: 'Access Control Policy',
      section: '§4',
      location: 'policies/security.pdf',
    });
    const soc2 = s?.citations.controls.find((c) => c.framework === 'soc2:2017');
    expect(soc2?.via).toMatchObject({ from: { framework: 'iso27001:2022', id: 'A.8.5' } });
    expect(soc2?.via?.source).toMatch(/aicpa|ciso/);
    expect(s?.citations.controls.some((c) => c.framework === 'iso27001:2013')).toBe(true);
  });
});

describe('abstention', () => {
  it('says no-match when nothing in the library is about the question', () => {
    const r = matchQuestion(
      buildIndex(smallLibrary()),
      { question: 'Which payment currencies do you accept for invoices?' },
      { today: TODAY },
    );
    expect(r.suggestions.every((s) => !s.autoFill)).toBe(true);
    if (r.suggestions.length === 0) expect(codes(r)).toEqual(['no-match']);
    else expect(codes(r)).toContain('below-threshold');
  });

  it('flags only-stale and never auto-fills a stale entry', () => {
    const index = buildIndex([
      entry('old', 'Do you have a business continuity plan?', 'Yes.', { shortAnswer: 'Yes', reviewBy: '2025-01-01' }),
    ]);
    const r = matchQuestion(index, { question: 'Do you have a business continuity plan?' }, { today: TODAY });
    expect(codes(r)).toContain('only-stale');
    expect(r.suggestions[0]?.autoFill).toBe(false);
    expect(r.suggestions[0]?.warnings.map((w) => w.code)).toContain('stale');
  });

  it('holds back an entry scoped to another region, with out-of-scope', () => {
    const index = buildIndex([
      entry('eu', 'Is customer data stored only in the EU?', 'Yes, in Frankfurt.', {
        scope: { services: [], environments: [], regions: ['EU'], dataTypes: [] },
      }),
    ]);
    const r = matchQuestion(
      index,
      { question: 'Is customer data stored only in the EU?' },
      { today: TODAY, scope: { regions: ['US'] } },
    );
    expect(r.suggestions).toEqual([]);
    expect(codes(r)).toEqual(['out-of-scope']);
    expect(r.reasons[0]?.message).toMatch(/regions EU/);
  });

  it('keeps an entry covering part of the declared scope, warned, for the fill policy to hold (EU on EU + US)', () => {
    const index = buildIndex([
      entry('eu', 'Is customer data stored only in the EU?', 'Yes, in Frankfurt.', {
        scope: { services: [], environments: [], regions: ['EU'], dataTypes: [] },
      }),
    ]);
    const r = matchQuestion(
      index,
      { question: 'Is customer data stored only in the EU?' },
      { today: TODAY, scope: { regions: ['EU', 'US'] } },
    );
    expect(r.suggestions[0]?.entryId).toBe('eu');
    expect(r.suggestions[0]?.warnings).toContainEqual({
      code: 'out-of-scope',
      message: 'Holds for regions EU only, not US.',
    });
  });

  it('suggests an NDA answer to a named customer with no NDA declared, warned (the same rule as review)', () => {
    const index = buildIndex([
      entry('nda', 'Do you have an insider threat program?', 'Yes.', { reuse: { level: 'nda' } }),
    ]);
    const r = matchQuestion(
      index,
      { question: 'Do you have an insider threat program?' },
      { today: TODAY, recipient: { recipient: 'Contoso', nda: false } },
    );
    expect(r.suggestions[0]?.warnings.map((w) => w.code)).toEqual(['not-cleared-for-reuse']);
    expect(r.suggestions[0]?.warnings[0]?.message).toMatch(/NDA only/);
  });

  it('holds back answers not cleared for the recipient (internal, or another customer)', () => {
    const index = buildIndex([
      entry('int', 'Do you have an insider threat program?', 'Yes.', { reuse: { level: 'internal' } }),
      entry('cust', 'Will you notify us within 24 hours of an incident?', 'Yes.', {
        reuse: { level: 'customer', customer: 'Contoso' },
      }),
    ]);
    const insider = matchQuestion(
      index,
      { question: 'Do you have an insider threat program?' },
      { today: TODAY, recipient: { recipient: '', nda: true } },
    );
    expect(codes(insider)).toEqual(['not-cleared-for-reuse']);
    const other = matchQuestion(
      index,
      { question: 'Will you notify us within 24 hours of an incident?' },
      { today: TODAY, recipient: { recipient: 'Fabrikam', nda: true } },
    );
    expect(codes(other)).toEqual(['not-cleared-for-reuse']);
    const same = matchQuestion(
      index,
      { question: 'Will you notify us within 24 hours of an incident?' },
      { today: TODAY, recipient: { recipient: 'contoso', nda: false } },
    );
    expect(same.suggestions[0]?.entryId).toBe('cust');
  });

  it('reports conflicting-entries when two approved entries ask the same thing and answer differently', () => {
    const index = buildIndex([
      ...smallLibrary(),
      entry('logs12', 'How long are security logs retained?', 'Security logs are kept for 12 months.'),
      entry('logs24', 'For how long do you keep audit trail records?', 'Audit records are kept for 24 months.', {
        alternatives: ['What is your audit log retention period?'],
      }),
    ]);
    const r = matchQuestion(index, { question: 'What is your security log retention period?' }, { today: TODAY });
    expect(codes(r)).toContain('conflicting-entries');
    const pair = r.suggestions.slice(0, 2);
    expect(pair.map((s) => s.entryId).sort()).toEqual(['logs12', 'logs24']);
    expect(pair.every((s) => !s.autoFill && s.warnings.some((w) => w.code === 'conflict'))).toBe(true);
    // Anything else is only related: weak, and never auto-filled.
    expect(r.suggestions.slice(2).every((s) => s.verdict === 'weak' && !s.autoFill)).toBe(true);
  });

  it('never auto-fills a draft entry', () => {
    const index = buildIndex([
      entry('d', 'Do you support single sign-on?', 'Yes, SAML 2.0.', { status: 'draft', shortAnswer: 'Yes' }),
    ]);
    const [s] = matchQuestion(index, { question: 'Do you support single sign-on?' }, { today: TODAY }).suggestions;
    expect(s?.autoFill).toBe(false);
    expect(s?.warnings.map((w) => w.code)).toContain('draft');
  });

  it('rejects an empty question with the cause and the fix', () => {
    expect(() => matchQuestion(buildIndex([]), { question: '' })).toThrow(/cannot be matched.*Pass an object like/);
  });
});

describe('ranking features', () => {
  const feature = (c: Candidate | undefined, name: (typeof RANK_FEATURES)[number]) =>
    c?.features[RANK_FEATURES.indexOf(name)];
  const iso = (id: string) => ({ framework: 'iso27001:2022' as const, id });
  const soc = (id: string) => ({ framework: 'soc2:2017' as const, id });
  const classified = (framework: 'iso27001:2022' | 'soc2:2017', id: string, score: number) => ({
    framework,
    id,
    title: id,
    score,
    why: [],
  });

  it('titleRev: an entry whose whole title the question mentions, not a topic title sharing one word', () => {
    // "Physical security of data centers" shares only "physical" with the question; the transit entry's
    // title is all in it. Ranking by title score alone put the data-centre entry first on NIST 3.13.8.
    const index = buildIndex([
      entry('transit', 'Data encryption in transit', 'TLS 1.2 or later protects every connection.'),
      entry('dc', 'Physical security of data centers', 'Badges, cameras and guards at every site.'),
    ]);
    const q = { question: 'Is data encryption in transit used unless the link has physical safeguards?' };
    const r = rankCandidates(index, q, [], defaultControlSource(), DEFAULT_MODEL, TODAY);
    const by = (id: string) => r.candidates.find((c) => c.ie.entry.id === id);
    expect(feature(by('transit'), 'titleRev')).toBeCloseTo(1, 5);
    expect(feature(by('dc'), 'titleRev')).toBeLessThan(0.5);
  });

  it('controlsFw: agreement in every framework the classifier answered in counts more than one high score', () => {
    // The classifier is sure of A.8.24 and CC6.7. One entry cites both; the other cites only a weaker ISO
    // control (half the best ISO score) and nothing the SOC 2 side found: (0.5 + 0) / 2 frameworks.
    const index = buildIndex([
      entry('both', 'Do you encrypt data?', 'Yes, with AES-256.', { controls: [iso('A.8.24'), soc('CC6.7')] }),
      entry('one', 'Do you have policies for data?', 'Yes, reviewed yearly.', { controls: [iso('A.5.1')] }),
    ]);
    const controls = [
      classified('iso27001:2022', 'A.8.24', 0.9),
      classified('iso27001:2022', 'A.5.1', 0.45),
      classified('soc2:2017', 'CC6.7', 0.8),
    ];
    const r = rankCandidates(
      index,
      { question: 'Is data encrypted?' },
      controls,
      defaultControlSource(),
      DEFAULT_MODEL,
      TODAY,
    );
    const by = (id: string) => r.candidates.find((c) => c.ie.entry.id === id);
    expect(feature(by('both'), 'controlsFw')).toBeCloseTo(1, 5);
    expect(feature(by('one'), 'controlsFw')).toBeCloseTo(0.25, 5);
    expect(feature(by('one'), 'controls')).toBeCloseTo(0.45, 5);
  });
});
