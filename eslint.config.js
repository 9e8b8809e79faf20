// ESLint flat config: type-aware typescript-eslint rules, React hooks, and the import boundaries the
// architecture depends on (the content script stays small and never does matching or validation).
import fs from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The content script is injected into every frame of a questionnaire page and budgeted at 60 KB minified
// (test/e2e/content-budget.spec.ts fails past the budget, test/content-budget.ts). It snapshots fields and applies fill plans:
// no validation library, no matching, no database, no UI. Type-only imports cost nothing and stay allowed.
const CONTENT_PACKAGES = [
  'zod',
  'dexie',
  'dexie-react-hooks',
  'react',
  'react-dom',
  '@e965/xlsx',
  'papaparse',
  'fuse.js',
];
const CONTENT_MESSAGE =
  'The content script stays small (60 KB budget) and does no matching, validation or storage: use `import type`, or do this in the background.';
// Module boundaries: code outside a folder (lib/<x>/, components/<x>/) imports it through its index.ts, never a
// file inside it, so a folder's internals can move without touching its callers. Specifiers are relative, so
// which ones reach into another folder depends on how deep the importing file sits: one config block per folder
// and depth. test/ is left out on purpose (a unit test exercises a module, not the folder's surface). Two
// documented exceptions: entrypoints/content.ts imports lib/page's DOM modules directly (the index re-exports the
// zod schemas, which must stay out of the 60 KB content bundle), and lib/library has a second entry, model.ts
// (the data model lib/match and lib/review are built on; see its header).
const BOUNDARY_MESSAGE =
  "Import another folder through its index.ts (e.g. '../library', not '../library/schema'); export what you need from that index. See eslint.config.js, Module boundaries.";
const MODEL_MESSAGE =
  'lib/match and lib/review import lib/library/model (the data model), not lib/library: its index re-exports the review ledger store, which imports lib/review, so the folders would import each other.';
const FOLDERS = ['lib', 'components'].flatMap((top) =>
  fs
    .readdirSync(new URL(`./${top}/`, import.meta.url), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ top, name: d.name })),
);
const MAX_DEPTH = 5;
/**
 * Deep-import patterns for a file `depth` folders below the project root, inside folder `own` of `top` (if any).
 * @param {number} depth
 * @param {string | undefined} top
 * @param {string | undefined} own
 * @param {string} [allow] extra folder (regex) whose internals this file may import (the content script's page)
 */
function boundaryPatterns(depth, top, own, allow) {
  const up = (n) => (n === 0 ? '\\./' : `(\\.\\./){${n}}`);
  const skip = ['library/model$', ...(allow ? [allow] : [])].join('|');
  const patterns = [
    // up to the project root, then into lib/<x>/<file> or components/<x>/<file>
    { regex: `^${up(depth)}(lib|components)/(?!${skip})[^/]+/.+`, message: BOUNDARY_MESSAGE },
  ];
  if (top) {
    // up to lib/ (or components/), then into a sibling folder's file
    const self = own ? `${own}/|` : '';
    patterns.push({ regex: `^${up(depth - 1)}(?!${self}${skip})[^./][^/]*/.+`, message: BOUNDARY_MESSAGE });
  }
  if (top === 'lib' && (own === 'match' || own === 'review')) {
    patterns.push({ regex: `^(\\.\\./)+library(/index)?$`, message: MODEL_MESSAGE });
  }
  return patterns;
}
/** One config block per (folder, depth): `lib/review/rules/*.ts` is depth 3 in lib/review. */
function boundaryBlocks() {
  const blocks = [];
  for (const { top, name } of FOLDERS) {
    for (let depth = 2; depth <= MAX_DEPTH; depth++) {
      blocks.push({
        files: [`${top}/${name}/${'*/'.repeat(depth - 2)}*.{ts,tsx}`],
        rules: {
          '@typescript-eslint/no-restricted-imports': ['error', { patterns: boundaryPatterns(depth, top, name) }],
        },
      });
    }
  }
  for (const top of ['lib', 'components']) {
    blocks.push({
      files: [`${top}/*.{ts,tsx}`],
      rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: boundaryPatterns(1, top) }] },
    });
  }
  for (let depth = 1; depth <= MAX_DEPTH; depth++) {
    blocks.push({
      files: [`entrypoints/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
      rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: boundaryPatterns(depth) }] },
    });
  }
  return blocks;
}

/**
 * @param {string} lib how the linted folder reaches lib/, as a regex (`../lib/`, `../`, `../../`)
 * @param {string} pageTypes how it names lib/page/types, as a regex
 * @param {{ regex: string, message: string }[]} boundaries the module-boundary patterns of these files (this
 *   block replaces the boundary block's options for them)
 */
function contentScriptImports(lib, pageTypes, boundaries) {
  return [
    'error',
    {
      paths: CONTENT_PACKAGES.map((name) => ({ name, allowTypeImports: true, message: CONTENT_MESSAGE })),
      patterns: [
        // Every other lib/ folder (matching, library, controls, review, background, policy, sheet, CLI, ...) and the
        // zod protocol (lib/messaging), new folders included; lib/errors is dependency-free and shared on purpose.
        {
          regex: `^${lib}(?!page(/|$)|errors(/|$))[^/]+(/|$)`,
          allowTypeImports: true,
          message: CONTENT_MESSAGE,
        },
        // lib/page/types.ts holds the zod schemas of QuestionField and FillResult (one value import: +85 KB).
        { regex: pageTypes, allowTypeImports: true, message: CONTENT_MESSAGE },
        ...boundaries,
      ],
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.output/',
      '.wxt/',
      'test-results/',
      'playwright-report/',
      'test/fixtures/**/dist/',
      'test/fixtures/**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'lib/cli/bin.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Tells React Compiler users that a library (TanStack Virtual) opts a component out of auto-memoization;
      // nothing here is built with React Compiler, so there is nothing to opt out of.
      'react-hooks/incompatible-library': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  ...boundaryBlocks(),
  {
    files: ['entrypoints/content.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': contentScriptImports(
        '\\.\\./lib/',
        '^\\.\\./lib/page/types$',
        boundaryPatterns(1, undefined, undefined, 'page/'),
      ),
    },
  },
  {
    files: ['lib/page/*.ts'],
    // types.ts is the zod schemas themselves; index.ts re-exports them for every other folder and is never
    // imported by the content script (which takes lib/page's DOM modules directly).
    ignores: ['lib/page/types.ts', 'lib/page/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': contentScriptImports(
        '\\.\\./',
        '^\\./types$',
        boundaryPatterns(2, 'lib', 'page'),
      ),
    },
  },
  {
    files: ['lib/page/fill/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': contentScriptImports(
        '\\.\\./\\.\\./',
        '^\\.\\./types$',
        boundaryPatterns(3, 'lib', 'page'),
      ),
    },
  },
  {
    // Playwright fixtures: `use` is Playwright's fixture callback, not React's `use` hook, and Playwright reads
    // the first parameter's destructuring to learn a fixture's dependencies, so `async ({}, use)` is required.
    files: ['test/e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off', 'no-empty-pattern': 'off' },
  },
  {
    // Test fakes stand in for async interfaces (storage, repositories, handlers) with plain bodies; `async`
    // there is the interface's shape, not a missing await.
    // vitest types its asymmetric matchers (expect.any, expect.stringContaining) as `any`, so every
    // `toEqual({ error: expect.stringContaining(...) })` would read as an unsafe assignment.
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/require-await': 'off', '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
);
