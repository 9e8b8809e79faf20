// ESLint flat config: type-aware typescript-eslint rules, React hooks, and the import boundaries the
// architecture depends on (the content script stays small and never does matching or validation).
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
/**
 * @param {string} lib how the linted folder reaches lib/, as a regex (`../lib/`, `../`, `../../`)
 * @param {string} pageTypes how it names lib/page/types, as a regex
 */
function contentScriptImports(lib, pageTypes) {
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
  {
    files: ['entrypoints/content.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': contentScriptImports('\\.\\./lib/', '^\\.\\./lib/page/types$'),
    },
  },
  {
    files: ['lib/page/*.ts'],
    ignores: ['lib/page/types.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': contentScriptImports('\\.\\./', '^\\./types$') },
  },
  {
    files: ['lib/page/fill/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': contentScriptImports('\\.\\./\\.\\./', '^\\.\\./types$') },
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
