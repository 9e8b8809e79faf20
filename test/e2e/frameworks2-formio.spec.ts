// form.io (@formio/js 5) renders everything from a JSON schema: bootstrap markup, aria-labelledby labels,
// Choices.js dropdowns with a hidden <select> and an invisible autofill input. Model: form.submission.data.
import { test } from '@playwright/test';
import { FORMIO_QUESTIONS } from '../fixtures/frameworks2/formio/questions';
import { defineSuite2 } from './frameworks2-harness';

defineSuite2(test, {
  name: 'formio',
  modelName: 'form.submission.data',
  questions: FORMIO_QUESTIONS,
  nonQuestions: /search|autocomplete/i,
  fills: [
    { key: 'standardName', value: 'ISO/IEC 27001:2022', expected: 'ISO/IEC 27001:2022' },
    {
      key: 'auditorSelection',
      value: 'We rotate audit firms every three years; the last three were A, B and C.',
      expected: 'We rotate audit firms every three years; the last three were A, B and C.',
    },
    { key: 'internalAuditFrequency', value: 'At least annually.', expected: 'at-least-annually' },
    { key: 'riskReview', value: 'Once per year.', expected: 'once-per-year' },
    {
      key: 'detectionControls',
      value:
        'We regularly review log files for signs of intrusion.; We have other methods in place to detect security and privacy incidents.',
      expected: { 'we-have-signature-and': false, 'we-regularly-review-log': true, 'we-have-other-methods': true },
    },
    { key: 'irDocumented', value: 'Yes', expected: true, readBack: 'Are incident response procedures documented?' },
  ],
});
