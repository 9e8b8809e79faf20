// The demo questionnaire's failures named in issue #12, fixed by general rules (not by entry ids): each test
// fixes what a user sees for a question and says which rule decides it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnswerEntry } from '../../../lib/library/schema';
import { buildIndex, matchQuestion } from '../../../lib/match';
import { shapeText } from '../../../lib/match/shape-text';

const raw = JSON.parse(readFileSync(new URL('../../../data/demo-library.json', import.meta.url), 'utf8')) as {
  entries: unknown[];
};
const index = buildIndex(raw.entries.map((e) => AnswerEntry.parse(e)));
const ask = (question: string, kind: 'text' | 'textarea' = 'textarea') =>
  matchQuestion(index, { question, kind }, { today: '2026-12-07' });

describe('demo questionnaire answers (issue #12)', () => {
  it('does not auto-fill a headcount question from an entry that states another number', () => {
    // Answer kind: "How many employees" needs an entry that gives a headcount; a password-length entry shares
    // only "how many" and is at most a weak match.
    const r = ask('How many full-time employees does your organization have?', 'text');
    expect(r.suggestions.some((s) => s.autoFill)).toBe(false);
    expect(r.suggestions[0]?.verdict ?? 'weak').not.toBe('confident');
  });

  it('never auto-fills or suggests a bare Yes/No for a question that commits the company', () => {
    // Commitment rule: breaches suffered are for an expert, whatever the library says.
    const r = ask('Has your organization suffered a breach of customer data in the last 36 months?');
    for (const s of r.suggestions) {
      expect(s.autoFill).toBe(false);
      expect(s.shortAnswer).toBeUndefined();
      expect(s.answer).not.toMatch(/^\s*(?:yes|no)\b/i);
    }
  });

  it('gives a contact question the answer text without a leading "Yes."', () => {
    // Shaping: "Yes." leads a free-text answer only for yes/no questions.
    const top = ask('Contact details for your data protection officer').suggestions[0];
    expect(top?.answer).toMatch(/Data Protection Officer/);
    expect(top?.answer).not.toMatch(/^yes\b/i);
  });

  it('fills RTO and RPO fields with the clause that states each, not the same paragraph', () => {
    // Shaping: the entry states both objectives; each field gets the clause that names what it asks.
    const rto = ask('Recovery time objective (RTO) for the service', 'text').suggestions[0];
    const rpo = ask('Recovery point objective (RPO) for the service', 'text').suggestions[0];
    expect(rto?.entryId).toBe(rpo?.entryId);
    expect(rto?.answer).toMatch(/recovery time objective is 4 hours/i);
    expect(rpo?.answer).toMatch(/recovery point objective is 1 hour/i);
    expect(rto?.answer).not.toEqual(rpo?.answer);
  });
});

describe('shapeText', () => {
  const answer = 'Yes. Elena Fischer is our DPO and can be reached at privacy@example.com.';
  it('keeps "Yes." for yes/no questions and drops it for descriptions and facts', () => {
    expect(shapeText(answer, 'Have you appointed a DPO?').answer).toBe(answer);
    expect(shapeText(answer, 'When handling personal data, do you have a DPO?').answer).toBe(answer);
    expect(shapeText(answer, 'Provide the email address of your DPO.').answer).toMatch(/^Elena/);
    expect(shapeText(answer, 'Describe who oversees data protection.').answer).toMatch(/^Elena/);
  });
  it('keeps the answer as written for a bare topic label', () => {
    expect(shapeText(answer, 'Data protection officer').answer).toBe(answer);
  });
  it('keeps the whole answer when the question asks for two things', () => {
    const cert = 'Yes. Certified since March 2025 by Meridian Ltd. The certificate is valid until March 2028.';
    expect(shapeText(cert, 'Identify the certification body and expiry date.').answer).toBe(cert.slice(5));
  });

  it('gives a question the same confidence on a Yes/No field as in a free-text box or the CLI', () => {
    // The confidence says whether the entry answers the question; the option's support is a separate check.
    // The table page's "Is MFA enforced for all remote access?" showed the right entry as weak (0.62) because
    // an option read from a description of practice used to scale the confidence down.
    const question = 'Is MFA enforced for all remote access?';
    const free = ask(question).suggestions[0]!;
    const radio = matchQuestion(
      index,
      { question, kind: 'radio', options: ['Yes', 'No', 'N/A'] },
      { today: '2026-12-07' },
    ).suggestions[0]!;
    expect(radio.entryId).toBe(free.entryId);
    expect(Math.abs(radio.confidence - free.confidence)).toBeLessThan(0.02);
    expect(radio.verdict).not.toBe('weak');
    // The entry describes the practice without saying "Yes": the pick is shown, with a note, never auto-filled.
    expect(radio.option).toBe('Yes');
    expect(radio.autoFill).toBe(false);
    expect(radio.warnings.map((w) => w.code)).toContain('option-mismatch');
  });

  it('finds the entry a reader would match for everyday rewordings of security terms', () => {
    // Lexicon: "conflicting responsibilities" is segregation of duties; a firm that "tries to break into" the
    // application is a penetration test.
    const sod = ask(
      'Explain how conflicting responsibilities are divided so that no single individual can complete a sensitive transaction alone.',
    ).suggestions[0];
    expect(sod?.matchedQuestion).toMatch(/segregation of duties/i);
    const pentest = ask(
      'Do you engage an independent firm at least once a year to attempt to break into your application and infrastructure?',
    ).suggestions[0];
    expect(pentest?.matchedQuestion).toMatch(/penetration test/i);
  });
});
