import { defineConfig } from 'wxt';

// Least privilege: no host permissions at install. The content script is injected on demand
// (activeTab + scripting) or on sites the user granted through optional host permissions.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: 'Crosswalk',
    description:
      'Answers security questionnaires from your own evidence library, citing ISO 27001 and SOC 2 controls. Local-only.',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Crosswalk: answer this questionnaire' },
    commands: {
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+Q' },
        description: 'Open Crosswalk on this page',
      },
      'fill-focused': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'Fill the focused field with its top suggestion',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'crosswalk@example.invalid', strict_min_version: '115.0' } } }
      : {}),
  }),
  webExt: { disabled: true },
  zip: {
    excludeSources: ['test/**', 'test-results/**', '.ci/**'],
  },
});
