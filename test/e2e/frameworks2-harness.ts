// Shared by frameworks2-*.spec.ts and test/bench/page-eval.ts: open a page rendered by a real form library
// (form.io, rjsf, JSON Forms, Element Plus, react-select + Radix) in a network-sealed Chromium, inject
// lib/page, and score what scanPage reports against exactly what the page asks.
import fs from 'node:fs';
import { chromium, type Browser, type Page, type test as playwrightTest } from '@playwright/test';
import { findChromium } from '../../lib/cli/chromium';
import { serveDirectory, type StaticServer } from '../../lib/cli/static-server';
import type { FillResult, QuestionField } from '../../lib/page/types';
import type { PageQuestion } from '../fixtures/frameworks2/fixture-types';
import { normQuestion, optionsMatch } from './frameworks-harness';
import type { Win } from './page-harness';
import { buildFramework2Fixtures, DIST2, PAGE_BUNDLE2, type Page2 } from './build-framework2-fixtures';

export interface Env2 {
  browser: Browser;
  server: StaticServer;
  close(): Promise<void>;
}

export async function startEnv2(): Promise<Env2> {
  await buildFramework2Fixtures();
  const server = await serveDirectory(DIST2);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'],
  });
  return { browser, server, close: async () => (await browser.close(), await server.close()) };
}

/** A fresh tab with the page rendered and lib/page injected as window.__crosswalkPage. */
export async function openPage2(env: Env2, name: Page2): Promise<Page> {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.server.url}/${name}.html`);
  await page.waitForFunction(() => !!window.__fixture, undefined, { timeout: 5_000 });
  // Entrance transitions (Element Plus, Choices.js) settle before visibility is measured.
  await page.waitForTimeout(250);
  if (errors.length)
    throw new Error(`The ${name} page threw while rendering: ${errors.join(' | ')}. Rebuild with --force.`);
  await page.addScriptTag({ content: fs.readFileSync(PAGE_BUNDLE2, 'utf8') });
  return page;
}

export const scan2 = (page: Page): Promise<QuestionField[]> =>
  page.evaluate(async () => await (window as unknown as Win).__crosswalkPage.scanPage(document));

export const fill2 = (page: Page, fid: string, value: string): Promise<FillResult> =>
  page.evaluate(([f, v]) => (window as unknown as Win).__crosswalkPage.applyFill(document, f, v), [
    fid,
    value,
  ] as const);

export const model2 = (page: Page): Promise<Record<string, unknown>> =>
  page.evaluate(() => JSON.parse(JSON.stringify(window.__fixture!.values())) as Record<string, unknown>);

// Question normalisation and option matching are the frameworks harness's, so both suites judge alike.
export const norm = normQuestion;

export interface Score2 {
  total: number;
  /** Expected questions found with the right text, kind and options. */
  rightKind: number;
  reported: number;
  /** Reported fields that are one of the page's questions (each counted once). */
  real: number;
  sectionRight: number;
  /** Every deviation, one line each: what the spec asserts is empty. */
  problems: string[];
  sectionProblems: string[];
}

export function score2(expected: PageQuestion[], reported: QuestionField[]): Score2 {
  const byText = new Map(expected.map((q) => [norm(q.text), q]));
  const found = new Map<string, QuestionField>();
  const problems: string[] = [];
  const sectionProblems: string[] = [];
  let real = 0;
  for (const f of reported) {
    const q = byText.get(norm(f.question));
    if (!q) {
      problems.push(
        `not a question: ${JSON.stringify({ question: f.question.slice(0, 90), kind: f.kind, options: f.options?.slice(0, 4) })}`,
      );
      continue;
    }
    if (found.has(q.key)) {
      problems.push(`reported twice: "${q.text.slice(0, 60)}" (again as ${f.kind})`);
      continue;
    }
    found.set(q.key, f);
    real++;
  }
  let rightKind = 0;
  let sectionRight = 0;
  for (const q of expected) {
    const f = found.get(q.key);
    if (!f) {
      problems.push(`missed ${q.kind}: "${q.text.slice(0, 90)}"`);
      continue;
    }
    if (f.kind !== q.kind) problems.push(`${q.key}: kind ${f.kind}, expected ${q.kind}`);
    else if (!optionsMatch(q, f))
      problems.push(`${q.key}: options ${JSON.stringify(f.options)}, expected ${JSON.stringify(q.options)}`);
    else rightKind++;
    if (norm(f.section ?? '') === norm(q.section)) sectionRight++;
    else
      sectionProblems.push(
        `${q.key}: section ${JSON.stringify(f.section ?? '')}, expected ${JSON.stringify(q.section)}`,
      );
  }
  return {
    total: expected.length,
    rightKind,
    reported: reported.length,
    real,
    sectionRight,
    problems,
    sectionProblems,
  };
}

const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);

/** One grep-able line per page ("[frameworks2]"), then the problems. */
export function formatScore2(name: string, s: Score2): string {
  return (
    `[frameworks2] ${name}: found-right-kind ${s.rightKind}/${s.total} (${pct(s.rightKind, s.total)}), ` +
    `precision ${s.real}/${s.reported} (${pct(s.real, s.reported)}), section ${s.sectionRight}/${s.total}` +
    [...s.problems, ...s.sectionProblems].map((p) => `\n  - ${p}`).join('')
  );
}

export interface FillCase2 {
  key: string;
  /** What the user fills: text, an option label, option labels joined by "; ", or "Yes" for a lone checkbox. */
  value: string;
  /** The library's own model value for `key` afterwards. */
  expected: unknown;
  /** What a rescan reads back when it differs from `value` (a lone checkbox reads back its label). */
  readBack?: string;
}

export interface Suite2 {
  name: Page2;
  /** Where the library keeps the answers, for test titles. */
  modelName: string;
  questions: PageQuestion[];
  /** Question text of the page's non-question fields (search box, login), none of which may be reported. */
  nonQuestions: RegExp;
  fills: FillCase2[];
}

/**
 * Every frameworks2 page gets the same checks; each spec file only says what its page asks and stores.
 * One tab per spec: the scan runs first on the pristine page, then each fill targets its own question.
 * (A failed test restarts the worker, and beforeAll opens a fresh tab for the tests after it.)
 */
export function defineSuite2(test: typeof playwrightTest, s: Suite2): void {
  const expect = test.expect;
  let env: Env2;
  let page: Page;
  // Traces of a tab full of framework code cost seconds per test; failures print the problems instead.
  test.use({ trace: 'off' });
  test.beforeAll(async () => {
    // The first run bundles the pages from node_modules (~10 s); later runs hit the mtime cache.
    test.setTimeout(120_000);
    env = await startEnv2();
    page = await openPage2(env, s.name);
  });
  test.afterAll(async () => env?.close());

  test(`${s.name}: every question found with its text, kind and options; nothing else reported`, async () => {
    const reported = await scan2(page);
    const result = score2(s.questions, reported);
    console.log(formatScore2(s.name, result));
    expect(
      reported.filter((f) => s.nonQuestions.test(f.question) || f.question.trim() === '').map((f) => f.question),
    ).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  for (const c of s.fills) {
    const q = s.questions.find((x) => x.key === c.key);
    if (!q) throw new Error(`Fill case "${c.key}" names no question of the ${s.name} page: fix the key.`);
    const what = q.combobox ? 'custom dropdown' : q.kind === 'checkbox' && !q.options ? 'lone checkbox' : q.kind;
    test(`${s.name}: filling a ${what} (${c.key}) reaches ${s.modelName}`, async () => {
      const field = (await scan2(page)).find((f) => norm(f.question) === norm(q.text));
      expect(field, `scanPage did not report "${q.text}"`).toBeTruthy();
      expect((await model2(page))[c.key]).not.toEqual(c.expected);
      const result = await fill2(page, field!.fid, c.value);
      expect(result.error ?? '').toBe('');
      expect(result.ok).toBe(true);
      await expect.poll(async () => (await model2(page))[c.key], { timeout: 3_000 }).toEqual(c.expected);
      // The page shows the answer too: a rescan reads it back.
      const again = (await scan2(page)).find((f) => f.fid === field!.fid);
      expect(again?.value).toBe(c.readBack ?? c.value);
    });
  }
}
