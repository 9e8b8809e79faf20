// Ant Design 6 Form: values live in antd's form store; Select is a combobox with a portal popup.
import { test } from '@playwright/test';
import { ANTD_QUESTIONS } from '../fixtures/frameworks/antd/questions';
import { defineFrameworkSuite } from './frameworks-harness';

defineFrameworkSuite(test, {
  name: 'antd',
  stateName: 'antd form.getFieldsValue()',
  questions: ANTD_QUESTIONS,
  nonQuestions: /search/i,
  fills: [
    { key: 'companyName', value: 'Northwind Data Ltd', expected: 'Northwind Data Ltd' },
    {
      key: 'offboarding',
      value: 'HR closes the ticket; SSO access is revoked the same day and devices are collected.',
      expected: 'HR closes the ticket; SSO access is revoked the same day and devices are collected.',
    },
    { key: 'mfaRemote', value: 'No', expected: 'No' },
    { key: 'retention', value: '90 days', expected: '90 days' },
    // The last option: outside the window of options antd mirrors into its hidden accessibility listbox.
    { key: 'backupFrequency', value: 'Weekly', expected: 'Weekly' },
    // 22 options in a virtual list that renders about ten: the answer starts out of the DOM.
    { key: 'hqCountry', value: 'Sweden', expected: 'Sweden' },
    { key: 'dataRegion', value: 'EU only', expected: 'EU only' },
    // antd Switch is a <button role="switch">: "Yes" turns it on.
    { key: 'cyberInsurance', value: 'Yes', expected: true, readBack: null },
    {
      key: 'privilegedTools',
      value: 'Password vault; Session recording',
      expected: ['Password vault', 'Session recording'],
    },
  ],
});
