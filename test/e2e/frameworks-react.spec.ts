// React 19 controlled inputs: a fill only counts if React's onChange saw it (state, not just the DOM).
import { test } from '@playwright/test';
import { REACT_QUESTIONS } from '../fixtures/frameworks/react/questions';
import { defineFrameworkSuite } from './frameworks-harness';

defineFrameworkSuite(test, {
  name: 'react',
  stateName: 'React state',
  questions: REACT_QUESTIONS,
  nonQuestions: /search/i,
  fills: [
    { key: 'ssoProvider', value: 'Okta Workforce Identity Cloud', expected: 'Okta Workforce Identity Cloud' },
    {
      key: 'keyManagement',
      value: 'Keys live in a cloud KMS; only the platform team can use them; rotated yearly.',
      expected: 'Keys live in a cloud KMS; only the platform team can use them; rotated yearly.',
    },
    { key: 'adminMfa', value: 'Yes', expected: 'Yes' },
    { key: 'accessReview', value: 'Quarterly', expected: 'Quarterly' },
    { key: 'dataTypes', value: 'Personal data; Source code', expected: ['Personal data', 'Source code'] },
  ],
});
