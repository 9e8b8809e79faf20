// React 19 with react-select (input role=combobox, menu rendered on open) and Radix Select (button
// role=combobox, content portalled to <body>, hidden native <select>), labelled by <label htmlFor>; the
// search box is a react-select too. Model: React state.
import { test } from '@playwright/test';
import { COMBO_QUESTIONS } from '../fixtures/frameworks2/react-select-radix/questions';
import { defineSuite2 } from './frameworks2-harness';

defineSuite2(test, {
  name: 'react-select-radix',
  modelName: 'React state',
  questions: COMBO_QUESTIONS,
  nonQuestions: /search|jump to/i,
  fills: [
    { key: 'standardName', value: 'NIST CSF', expected: 'NIST CSF' },
    {
      key: 'otherDetection',
      value: 'EDR alerts page the on-call engineer.',
      expected: 'EDR alerts page the on-call engineer.',
    },
    { key: 'informCustomers', value: 'N/A', expected: 'na' },
    { key: 'policyReview', value: 'Once per year.', expected: 'once-per-year' },
    { key: 'riskReview', value: 'Less frequently.', expected: 'less-frequently' },
    {
      key: 'policyTopics',
      value: 'Access control; Software development',
      expected: ['access-control', 'software-development'],
    },
  ],
});
