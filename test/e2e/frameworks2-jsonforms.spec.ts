// JSON Forms 3 (vanilla renderers): groups as fieldset/legend, label-for texts, radios whose ids are the
// option values (so every Yes/No/N/A group repeats id="yes": label-for alone is ambiguous), selects whose
// options carry their text in the label attribute, and lone boolean checkboxes. Model: JSON Forms data.
import { test } from '@playwright/test';
import { JSONFORMS_QUESTIONS } from '../fixtures/frameworks2/jsonforms/questions';
import { defineSuite2 } from './frameworks2-harness';

defineSuite2(test, {
  name: 'jsonforms',
  modelName: 'JSON Forms data',
  questions: JSONFORMS_QUESTIONS,
  nonQuestions: /find a question|search/i,
  fills: [
    { key: 'dcCountries', value: 'Ireland, Germany', expected: 'Ireland, Germany' },
    {
      key: 'equipmentSeparation',
      value: 'Locked cages with badge readers; shared rooms are not used.',
      expected: 'Locked cages with badge readers; shared rooms are not used.',
    },
    { key: 'controlsTested', value: 'No', expected: 'no' },
    { key: 'logReview', value: 'Once per month', expected: 'once-per-month' },
    {
      key: 'accessProcess',
      value: 'Yes',
      expected: true,
      readBack: 'Do you have an auditable process in place for granting and revoking physical access to data centers?',
    },
  ],
});
