// Which option a library answer picks, by what the options mean: frequencies, durations, counts, named
// frameworks, Yes/No variants, and the cases where no option is supported and nothing may be picked.
import { describe, expect, it } from 'vitest';
import { optionConcept, shapeAnswer } from '../../../lib/match/shape';
import type { ShortAnswer } from '../../../lib/library/schema';

interface Case {
  why: string;
  question: string;
  answer: string;
  shortAnswer?: ShortAnswer;
  kind?: 'select' | 'radio' | 'checkbox';
  options: string[];
  /** The option label(s) expected, or null when no option may be picked. */
  expect: string | null;
  /** Evidence bounds: strong picks can auto-fill, weak ones must not. */
  strong?: boolean;
}

const POLICY_FREQ = ['Every 6 months', 'Annually', 'Every 2 years', 'Only when something changes', 'Never'];

const cases: Case[] = [
  // Frequencies
  {
    why: '"every 12 months" is annual; the out-of-cycle trigger does not make it "only when something changes", and nothing says "never"',
    question: 'How frequently are your security policies re-examined and re-approved?',
    answer:
      'Every security policy is reviewed at least once every 12 months by its owner and re-approved by the CISO. Out-of-cycle reviews are triggered by major incidents or regulatory changes.',
    options: POLICY_FREQ,
    expect: 'Annually',
    strong: true,
  },
  {
    why: '"at least once a year" is annual',
    question: 'How often are policies reviewed?',
    answer: 'Policies are reviewed at least once a year.',
    options: POLICY_FREQ,
    expect: 'Annually',
    strong: true,
  },
  {
    why: '"twice a year" is semi-annual',
    question: 'How often are access rights re-certified?',
    answer: 'Managers re-certify access rights twice a year.',
    options: ['Monthly', 'Quarterly', 'Semi-annually', 'Annually', 'Not performed'],
    expect: 'Semi-annually',
    strong: true,
  },
  {
    why: '"every three months" is quarterly',
    question: 'How often are access rights re-certified?',
    answer: 'Access rights are re-certified every three months by system owners.',
    options: ['Monthly', 'Quarterly', 'Semi-annually', 'Annually', 'Not performed'],
    expect: 'Quarterly',
    strong: true,
  },
  {
    why: 'an option naming a range ("Every 2–3 years") holds "every two years"',
    question: 'How often is the BIA refreshed?',
    answer: 'The business impact analysis is refreshed every two years.',
    options: ['Quarterly', 'At least annually', 'Every 2–3 years', 'Never'],
    expect: 'Every 2–3 years',
    strong: true,
  },
  {
    why: 'onboarding plus "each year" is "at hire and annually", and rules out "at hire only"',
    question: 'How often must personnel complete security awareness training?',
    answer:
      'Yes. Every workforce member completes security awareness training within 14 days of starting and again each year.',
    shortAnswer: 'Yes',
    options: ['At hire only', 'At hire and annually', 'Every two years', 'Not required'],
    expect: 'At hire and annually',
    strong: true,
  },
  {
    why: 'a Yes short answer does not pick a frequency: "only when something changes" is the one the text states',
    question: 'How often are policies reviewed?',
    answer: 'Yes. Policies are reviewed only when something changes in the business.',
    shortAnswer: 'Yes',
    options: POLICY_FREQ,
    expect: 'Only when something changes',
    strong: true,
  },
  {
    why: 'an explicit No picks the option that says the practice is absent',
    question: 'How often is failover tested?',
    answer: 'No. We have not yet run a failover test.',
    shortAnswer: 'No',
    options: ['Quarterly', 'Annually', 'Every 2 years', 'Never tested'],
    expect: 'Never tested',
  },
  // Durations and counts
  {
    why: 'of several targets, the one in the clause about "critical" answers a question about critical vulnerabilities',
    question: 'Target timeframe for remediating critical-severity vulnerabilities',
    answer: 'Targets are based on CVSS score: critical within 7 days, high within 30 days, medium within 90 days.',
    options: ['Within 24 hours', 'Within 7 days', 'Within 30 days', 'Within 90 days', 'No defined target'],
    expect: 'Within 7 days',
    strong: true,
  },
  {
    why: '48 hours is not "< 24 hours" but is within 72 hours',
    question: 'How quickly do you notify customers of a breach?',
    answer: 'We notify affected customers within 48 hours of confirming a breach.',
    options: ['< 24 hours', 'Within 72 hours', '30 days'],
    expect: 'Within 72 hours',
  },
  {
    why: '"retained for 12 months" falls in the "6 to 12 months" range, not "more than 12 months"',
    question: 'How long are security logs retained?',
    answer: 'Security logs are retained for 12 months.',
    options: ['Less than 90 days', '90 days to 6 months', '6 to 12 months', 'More than 12 months'],
    expect: '6 to 12 months',
    strong: true,
  },
  {
    why: 'a 4-hour objective falls in "1-4 hours"',
    question: 'What is your recovery time objective for the platform?',
    answer: 'The platform recovery time objective is 4 hours.',
    options: ['< 1 hour', '1-4 hours', '4-24 hours', 'More than 24 hours'],
    expect: '1-4 hours',
    strong: true,
  },
  {
    why: 'a count next to the noun the question asks about picks its range',
    question: 'How many employees does your company have?',
    answer: 'We have about 180 employees across two offices, founded in 2019.',
    options: ['1-50', '51-200', '201-1000', '1000+'],
    expect: '51-200',
    strong: true,
  },
  // Named choices
  {
    why: 'multi-select: tick what the answer asserts ("Type II" reads as "Type 2"), not what it does not mention or denies',
    question: 'Which certifications do you hold?',
    kind: 'checkbox',
    answer:
      'We are certified to ISO/IEC 27001:2022 and hold a SOC 2 Type 2 report. We do not hold PCI DSS certification.',
    options: ['ISO/IEC 27001', 'SOC 2 Type II', 'SOC 1 Type II', 'PCI DSS', 'FedRAMP', 'None of the above'],
    expect: 'ISO/IEC 27001; SOC 2 Type II',
  },
  {
    why: 'cloud provider named by its acronym',
    question: 'Which cloud provider hosts the service?',
    answer: 'The service is hosted entirely on AWS in us-east-1 and eu-west-1.',
    options: ['Amazon Web Services', 'Microsoft Azure', 'Google Cloud Platform', 'On-premises'],
    expect: 'Amazon Web Services',
    strong: true,
  },
  // Yes/No variants
  {
    why: "the field's own wording of Yes",
    question: 'Do you encrypt data at rest?',
    answer: 'Yes. All data is encrypted at rest.',
    shortAnswer: 'Yes',
    kind: 'radio',
    options: ['Yes, we do', 'No, we do not', 'Not applicable'],
    expect: 'Yes, we do',
    strong: true,
  },
  {
    why: 'N/A is "Not applicable", not "No"',
    question: 'Do you process card data?',
    answer: 'We do not store or process payment card data.',
    shortAnswer: 'N/A',
    kind: 'radio',
    options: ['Yes', 'No', 'Not applicable'],
    expect: 'Not applicable',
    strong: true,
  },
  {
    why: 'a leading "Yes." counts as the short answer',
    question: 'Is MFA enforced?',
    answer: 'Yes. MFA is enforced through Okta.',
    kind: 'radio',
    options: ['Yes', 'No', 'N/A'],
    expect: 'Yes',
    strong: true,
  },
  {
    why: '"No one holds ..." is not a No',
    question: 'Is administrative access restricted?',
    answer: 'No one holds standing administrative access to production.',
    kind: 'radio',
    options: ['Yes', 'No', 'N/A'],
    expect: null,
  },
  // Abstain
  {
    why: 'the reported bug: a frequency field with an annual answer must not get "Never" nor anything else when the text names no frequency',
    question: 'How frequently are your security policies re-examined?',
    answer: 'Policies are owned by the CISO and published on the intranet.',
    options: POLICY_FREQ,
    expect: null,
  },
  {
    why: 'a Yes short answer picks nothing among frequencies when the text names none',
    question: 'How often is a risk assessment carried out?',
    answer: 'Yes. We follow a documented risk methodology aligned with ISO/IEC 27005.',
    shortAnswer: 'Yes',
    options: ['Quarterly', 'At least annually', 'Every 2–3 years', 'Never'],
    expect: null,
  },
  {
    why: 'a frequency that no option offers',
    question: 'How often are vulnerability scans run?',
    answer: 'Scans run weekly.',
    options: ['Monthly', 'Quarterly', 'Annually'],
    expect: null,
  },
  {
    why: 'a duration outside every option',
    question: 'How quickly do you notify customers of a breach?',
    answer: 'We notify customers within 10 days.',
    options: ['< 24 hours', 'Within 72 hours'],
    expect: null,
  },
  {
    why: 'a named option the answer denies is not picked',
    question: 'Which payment standard do you comply with?',
    answer: 'We are not PCI DSS compliant because we never handle card data.',
    options: ['PCI DSS', 'None'],
    expect: null,
  },
  {
    why: 'Partial has no option among Yes/No',
    question: 'Is DLP deployed?',
    answer: 'Partly.',
    shortAnswer: 'Partial',
    kind: 'radio',
    options: ['Yes', 'No'],
    expect: null,
  },
];

describe('shapeAnswer picks options by meaning', () => {
  it.each(cases)('$why', (c) => {
    const r = shapeAnswer(
      { answer: c.answer, ...(c.shortAnswer ? { shortAnswer: c.shortAnswer } : {}) },
      { kind: c.kind ?? 'select', options: c.options, question: c.question },
    );
    if (c.expect === null) {
      expect(r).toMatchObject({ fits: false, evidence: 0 });
      expect(r.option).toBeUndefined();
      expect(r.note).toMatch(/option|by hand/i);
      return;
    }
    expect(r.option).toBe(c.expect);
    expect(r.fits).toBe(true);
    if (c.strong) expect(r.evidence).toBe(1);
    else expect(r.evidence).toBeLessThan(1);
    // The library's own words travel with the label, for the reader and the comment box.
    expect(r.narrative).toBe(c.answer);
  });
});

describe('weak picks', () => {
  it('an answer that names two frequencies equally picks one only weakly and says so', () => {
    const r = shapeAnswer(
      { answer: 'We run a full regional failover test at least annually and component failover tests every quarter.' },
      {
        kind: 'select',
        options: ['Quarterly', 'Annually', 'Every 2 years', 'Never tested'],
        question: 'How often is failover to your secondary site exercised?',
      },
    );
    expect(r.evidence).toBeLessThanOrEqual(0.5);
    expect(r.note).toMatch(/Annually.*Quarterly|Quarterly.*Annually/);
  });

  it('a declarative answer reads as Yes in a Yes/No field, but too weakly to auto-fill', () => {
    const r = shapeAnswer(
      { answer: 'Every production change is peer reviewed and tested in CI.' },
      { kind: 'select', options: ['Yes', 'No', 'Partially', 'Not applicable'], question: 'Are changes reviewed?' },
    );
    expect(r.option).toBe('Yes');
    expect(r.evidence).toBeLessThan(0.78);
  });

  it('a lone confirmation box is ticked only on an explicit Yes, and never strongly', () => {
    const label = 'We confirm that shared user IDs are not used.';
    expect(
      shapeAnswer({ answer: 'Accounts are unique per person.' }, { kind: 'checkbox', options: [label] }).fits,
    ).toBe(false);
    const yes = shapeAnswer(
      { answer: 'Yes. Every account belongs to one named person.', shortAnswer: 'Yes' },
      { kind: 'checkbox', options: [label] },
    );
    expect(yes.option).toBe(label);
    expect(yes.evidence).toBeLessThan(0.78);
  });
});

describe('optionConcept', () => {
  it.each([
    ['Never', 'none'],
    ['Not performed', 'none'],
    ['No defined target', 'none'],
    ['None of the above', 'none'],
    ['Annually', 'freq'],
    ['At hire and annually', 'freq'],
    ['Every 2–3 years', 'freq'],
    ['< 24 hours', 'amount'],
    ['90 days to 6 months', 'amount'],
    ['1,000+', 'amount'],
    ['SOC 2 Type II', 'named'],
    ['Yes, we do', 'short'],
    ['Not applicable', 'short'],
    ['No', 'short'],
  ])('%s is a %s option', (label, type) => {
    expect(optionConcept(label).type).toBe(type);
  });
});
