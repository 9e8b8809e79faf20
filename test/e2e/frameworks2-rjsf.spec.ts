// react-jsonschema-form 6: fieldset/legend per nested object, label-for texts, radios and checkbox lists
// whose option values are indexes, a lone boolean checkbox labelled by its own <label>. Login form and a
// search box sit in the page header. Model: rjsf formData.
import { test } from '@playwright/test';
import { RJSF_QUESTIONS } from '../fixtures/frameworks2/rjsf/questions';
import { defineSuite2 } from './frameworks2-harness';

defineSuite2(test, {
  name: 'rjsf',
  modelName: 'rjsf formData',
  questions: RJSF_QUESTIONS,
  nonQuestions: /search|email|password|sign in/i,
  fills: [
    { key: 'securityHeadcount', value: '4', expected: '4' },
    {
      key: 'otherChecks',
      value: 'Right-to-work verification for all hires.',
      expected: 'Right-to-work verification for all hires.',
    },
    { key: 'jobDescriptions', value: 'No', expected: 'no' },
    { key: 'contractorTraining', value: 'N/A', expected: 'na' },
    { key: 'checkKinds', value: 'Reference checks; Credit checks', expected: ['reference-checks', 'credit-checks'] },
    {
      key: 'backgroundChecks',
      value: 'Yes',
      expected: true,
      readBack:
        'Do you perform background checks for personnel who are entrusted with sensitive information or granted access to sensitive systems?',
    },
  ],
});
