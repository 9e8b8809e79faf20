// SurveyJS (survey-core + survey-react-ui): answers live in survey.data; text commits on blur.
import { test } from '@playwright/test';
import { SURVEY_QUESTIONS } from '../fixtures/frameworks/surveyjs/questions';
import { defineFrameworkSuite } from './frameworks-harness';

defineFrameworkSuite(test, {
  name: 'surveyjs',
  stateName: 'SurveyJS survey.data',
  questions: SURVEY_QUESTIONS,
  nonQuestions: /find a question|search/i,
  fills: [
    { key: 'pentest_date', value: '2026-03-14', expected: '2026-03-14' },
    {
      key: 'joiner_leaver',
      value: 'Accounts come from the HR system; changes and leavers are synced within an hour.',
      expected: 'Accounts come from the HR system; changes and leavers are synced within an hour.',
    },
    { key: 'encryption_rest', value: 'Yes', expected: 'Yes' },
    { key: 'incident_sla', value: 'Within 48 hours', expected: 'Within 48 hours' },
    // A boolean switch: one checkbox; "Yes" turns it on. Its read-back label is the owner's call.
    { key: 'has_isms', value: 'Yes', expected: true, readBack: null },
    // A matrix row is its own radio question; the answer lands in survey.data.practices.laptop_fde.
    { key: 'practices.laptop_fde', value: 'No', expected: 'No' },
    {
      key: 'background_checks',
      target: 'comment',
      value: 'Criminal record checks where the law allows.',
      expected: 'Criminal record checks where the law allows.',
      stateKey: 'background_checks-Comment',
    },
    { key: 'data_location', value: 'European Union; United Kingdom', expected: ['European Union', 'United Kingdom'] },
  ],
});
