import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

// Least privilege: no host permissions at install. The content script is injected on demand
// (activeTab + scripting) or on sites the user granted through optional host permissions.
/** Sites Crosswalk may be granted persistently (Options > Sites): asked for one origin at a time, never at install. */
const OPTIONAL_HOSTS = ['http://*/*', 'https://*/*'];

/**
 * Firefox's add-on id: a fixed GUID rather than an address at a domain we would have to own. It must never change
 * once published (Firefox keys the user's data and granted permissions to it).
 */
export const GECKO_ID = '{5a70efce-810f-47a7-9008-642090557844}';

/** The content script's cut-down `ctx` (lib/page/script-context.ts), used in place of WXT's. */
const LEAN_CONTEXT = fileURLToPath(new URL('./lib/page/script-context.ts', import.meta.url));

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: 'Crosswalk',
    description:
      'Answers security questionnaires from your own evidence library, citing ISO 27001 and SOC 2 controls. Local-only.',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Firefox builds are MV2, which has no optional_host_permissions (WXT drops the key): there, optional
    // origins go in optional_permissions, where permissions.request({ origins }) finds them.
    ...(browser === 'firefox'
      ? { optional_permissions: OPTIONAL_HOSTS }
      : { optional_host_permissions: OPTIONAL_HOSTS }),
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
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 is the first release (and ESR) that shows data_collection_permissions at install.
              strict_min_version: '140.0',
              // Crosswalk sends nothing anywhere (local-first, no network request ever): declared as such.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  webExt: { disabled: true },
  // The content script has a 60 KB budget (test/content-budget.ts): minify its build with terser (a few hundred bytes smaller than
  // Vite's default oxc here). Not `module`/`toplevel`: WXT appends `content;` after the IIFE (the
  // executeScript return value), so the top-level `var content` must keep its name.
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      // WXT's ContentScriptContext (timers, location watcher, postMessage announcement) is ~2 KB the script
      // never uses: resolve it to the cut-down context that keeps the invalidation signal (see that file).
      config.plugins = [
        ...(config.plugins ?? []),
        {
          name: 'crosswalk:lean-content-context',
          enforce: 'pre',
          resolveId: (id) => (id === 'wxt/utils/content-script-context' ? LEAN_CONTEXT : undefined),
        },
      ];
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
