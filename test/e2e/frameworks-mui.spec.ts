// MUI 9: floating-label TextFields, Select as role=combobox with a portal Menu, FormLabel-labelled groups.
import { test } from '@playwright/test';
import { MUI_QUESTIONS } from '../fixtures/frameworks/mui/questions';
import { defineFrameworkSuite } from './frameworks-harness';

defineFrameworkSuite(test, {
  name: 'mui',
  stateName: 'React state behind MUI',
  questions: MUI_QUESTIONS,
  nonQuestions: /search/i,
  fills: [
    { key: 'securityContact', value: 'security@example.com', expected: 'security@example.com' },
    {
      key: 'keyStorage',
      value: 'In a managed HSM-backed key service; two named engineers hold admin rights.',
      expected: 'In a managed HSM-backed key service; two named engineers hold admin rights.',
    },
    { key: 'encryptStored', value: 'N/A', expected: 'N/A' },
    { key: 'trainingCadence', value: 'Yearly', expected: 'Yearly' },
    // Autocomplete: an editable role=combobox input whose listbox is portalled.
    { key: 'cloudProvider', value: 'Google Cloud', expected: 'Google Cloud' },
    { key: 'classification', value: 'Confidential', expected: 'Confidential' },
    { key: 'byod', value: 'Yes', expected: true, readBack: null },
    {
      key: 'mfaMethods',
      value: 'Authenticator app; Hardware token',
      expected: ['Authenticator app', 'Hardware token'],
    },
  ],
});
