import { describe, expect, it } from 'vitest';
import { buildIndex, matchQuestion } from '../../../lib/match';
import { optionMeaning, shapeAnswer } from '../../../lib/match/shape';
import { smallLibrary, TODAY } from './helpers';

describe('shapeAnswer', () => {
  it('maps N/A onto the field\'s own wording ("Not applicable"), not onto "No"', () => {
    const r = shapeAnswer(
      { answer: 'We do not process health data.', shortAnswer: 'N/A' },
      { kind: 'radio', options: ['Yes', 'No', 'Not applicable'] },
    );
    expect(r).toMatchObject({
      answer: 'Not applicable',
      option: 'Not applicable',
      fits: true,
      evidence: 1,
      narrative: 'We do not process health data.',
    });
  });

  it('picks among several "Yes, ..." options the one whose words echo the answer', () => {
    const options = ['Yes, for some systems', 'Yes, for all customer data', 'No'];
    const r = shapeAnswer(
      { answer: 'Yes. All customer data is encrypted with AES-256.', shortAnswer: 'Yes' },
      { kind: 'select', options },
    );
    expect(r.option).toBe('Yes, for all customer data');
  });

  it('reads option meanings the way questionnaires write them', () => {
    expect(
      ['N/A', 'n/a', 'Does not apply', 'No, our program is limited', 'Yes, we do', 'Partially', 'Other (explain)'].map(
        optionMeaning,
      ),
    ).toEqual(['N/A', 'N/A', 'N/A', 'No', 'Yes', 'Partial', 'Other']);
  });

  it('says it does not fit when no option means what the entry says', () => {
    expect(
      shapeAnswer({ answer: 'Partly.', shortAnswer: 'Partial' }, { kind: 'radio', options: ['Yes', 'No'] }).fits,
    ).toBe(false);
  });

  it('writes the full text and the configured footer into free-text fields', () => {
    const r = shapeAnswer({ answer: 'Yes, yearly.', shortAnswer: 'Yes' }, { kind: 'textarea' }, '[Source: pentest v1]');
    expect(r.answer).toBe('Yes, yearly.\n\n[Source: pentest v1]');
  });
});

describe('matchQuestion shapes for the field', () => {
  const index = buildIndex(smallLibrary());
  it('fills a radio group with the option label and keeps the short answer', () => {
    const [s] = matchQuestion(
      index,
      { question: 'Are you subject to HIPAA?', kind: 'radio', options: ['Yes', 'No', 'N/A'] },
      { today: TODAY },
    ).suggestions;
    expect(s).toMatchObject({ entryId: 'hipaa', answer: 'N/A', option: 'N/A', shortAnswer: 'N/A' });
  });

  it('renders the footer format with entry and control placeholders', () => {
    const [s] = matchQuestion(
      index,
      { question: 'Do you commission independent penetration tests?', kind: 'textarea' },
      { today: TODAY, footer: { format: '({entryId} v{version}: {controls})' } },
    ).suggestions;
    expect(s?.answer.endsWith('(pentest v1: A.8.8)')).toBe(true);
  });
});
