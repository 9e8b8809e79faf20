// Vue 3 + Element Plus: el-form-item labels, el-input, el-radio-group, el-select whose dropdown is
// teleported to <body> only once opened, el-checkbox-group. Model: the reactive object bound to el-form.
import { test } from '@playwright/test';
import { ELEMENT_QUESTIONS } from '../fixtures/frameworks2/element-plus/questions';
import { defineSuite2 } from './frameworks2-harness';

defineSuite2(test, {
  name: 'element-plus',
  modelName: 'the el-form model',
  questions: ELEMENT_QUESTIONS,
  nonQuestions: /search/i,
  fills: [
    { key: 'auditLimits', value: 'Only the EU region is in scope.', expected: 'Only the EU region is in scope.' },
    {
      key: 'areaSeparation',
      value: 'Badge-controlled doors separate our floor from shared areas.',
      expected: 'Badge-controlled doors separate our floor from shared areas.',
    },
    { key: 'officePolicy', value: 'Yes', expected: 'yes' },
    { key: 'entryLogReview', value: 'Once per month', expected: 'once-per-month' },
    { key: 'officeControls', value: 'Alarms; CCTV', expected: ['alarms', 'cctv'] },
  ],
});
