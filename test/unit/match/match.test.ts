import { describe, expect, it } from 'vitest';
import { buildIndex, matchQuestion } from '../../../lib/match';
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
