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
  // The content script has a 40 KB budget: minify its build with terser (a few hundred bytes smaller than
  // Vite's default oxc here). Not `module`/`toplevel`: WXT appends `content;` after the IIFE (the
  // executeScript return value), so the top-level `var content` must keep its name.
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      config.build = {
        ...config.build,
        minify: 'terser',
        terserOptions: {
          ecma: 2020,
          compress: { passes: 3, unsafe_arrows: true },
          mangle: true,
          format: { comments: false },
        },
      };
    },
  },
  zip: {
    excludeSources: ['test/**', 'test-results/**', '.ci/**'],
  },
});
