// Shared by the frameworks-*.spec.ts files: open a fixture page rendered by a real form library in
// Chromium, inject lib/page, and score what scanPage reports against what the page asks.
import { chromium, type Browser, type Page, type test as playwrightTest } from '@playwright/test';
import { findChromium } from '../../lib/cli/chromium';
import { serveDirectory, type StaticServer } from '../../lib/cli/static-server';
import type { FillResult, QuestionField } from '../../lib/page/types';
import type { FixtureQuestion } from '../fixtures/frameworks/fixture-types';
import { buildFrameworkFixtures, FIXTURE_DIST, type FrameworkFixture } from './build-framework-fixtures';
import { injectPage } from './page-bundle';
import type { Win } from './page-harness';

export interface FrameworkEnv {
  browser: Browser;
  server: StaticServer;
  close(): Promise<void>;
}

/** Build (cached) the fixtures and lib/page, serve dist/ on loopback, launch a network-sealed Chromium. */
export async function startFrameworkEnv(): Promise<FrameworkEnv> {
  await buildFrameworkFixtures();
  const server = await serveDirectory(FIXTURE_DIST);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'],
  });
  return {
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** A fresh page with the fixture rendered and lib/page injected as window.__crosswalkPage. */
export async function openFixture(env: FrameworkEnv, name: FrameworkFixture): Promise<Page> {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.server.url}/${name}.html`);
  await page.waitForFunction(() => !!window.__fixture);
  // Let entrance transitions (MUI ripples, antd motion) settle before measuring visibility.
  await page.waitForTimeout(300);
  if (errors.length)
    throw new Error(`The ${name} fixture threw while rendering: ${errors.join(' | ')}. Rebuild with --force.`);
  await injectPage(page);
  return page;
}

export async function scan(page: Page): Promise<QuestionField[]> {
  return page.evaluate(async () => await (window as unknown as Win).__crosswalkPage.scanPage(document));
}

export async function fill(page: Page, fid: string, value: string): Promise<FillResult> {
  return page.evaluate(([f, v]) => (window as unknown as Win).__crosswalkPage.applyFill(document, f, v), [
    fid,
    value,
  ] as const);
}

export async function frameworkValues(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.__fixture!.values())) as Record<string, unknown>);
}

/** Numbering, required markers and spacing are presentation, not the question. */
export function normQuestion(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(\d+(\.\d+)*[.)]?)\s+/, '')
    .replace(/[\s*:]+$/, '')
    .toLowerCase();
}

// A native <select>'s empty first entry ("Choose one…") is a prompt, not an answer option.
const PROMPT = /^(choose|select|please select|--|—)/i;

/** Shared with the frameworks2 harness: expected options vs reported ones (prompts ignored). */
export function optionsMatch(q: Pick<FixtureQuestion, 'options' | 'combobox'>, f: QuestionField): boolean {
  if (!q.options) return true;
  const got = (f.options ?? []).filter((o) => o.trim() !== '' && !PROMPT.test(o.trim()));
  // Custom comboboxes only have their options in the DOM while open; a closed one may report none.
  if (q.combobox && got.length === 0) return true;
  return JSON.stringify(got) === JSON.stringify(q.options);
}

export interface Score {
  total: number;
  /** Expected questions found with the right question text, kind and options. */
  rightKind: number;
  reported: number;
  /** Reported fields that are one of the page's questions (each question counted once). */
  real: number;
  sectionRight: number;
  byKey: Map<string, QuestionField>;
  problems: string[];
}

export function score(expected: FixtureQuestion[], reported: QuestionField[]): Score {
  const byText = new Map(expected.map((q) => [normQuestion(q.text), q]));
  const byKey = new Map<string, QuestionField>();
  const problems: string[] = [];
  let real = 0;
  for (const f of reported) {
    const q = byText.get(normQuestion(f.question));
    if (!q) {
      problems.push(
        `reported a field that is not a question: ${JSON.stringify({ question: f.question, kind: f.kind, options: f.options })}`,
      );
      continue;
    }
    if (byKey.has(q.key)) {
      problems.push(`reported "${q.text}" twice (second as ${f.kind})`);
      continue;
    }
    byKey.set(q.key, f);
    real++;
  }
  let rightKind = 0;
  let sectionRight = 0;
  for (const q of expected) {
    const f = byKey.get(q.key);
    if (!f) {
      problems.push(`missed ${q.kind} question "${q.text}"`);
      continue;
    }
    if (f.kind !== q.kind) problems.push(`"${q.text}": kind ${f.kind}, expected ${q.kind}`);
    else if (q.comment && !f.comment) problems.push(`"${q.text}": its comment box is not paired (no comment fid)`);
    else if (!optionsMatch(q, f))
      problems.push(`"${q.text}": options ${JSON.stringify(f.options)}, expected ${JSON.stringify(q.options)}`);
    else rightKind++;
    if ((f.section ?? '').trim().toLowerCase() === q.section.toLowerCase()) sectionRight++;
  }
  return { total: expected.length, rightKind, reported: reported.length, real, sectionRight, byKey, problems };
}

const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);

/** One line per framework, grep-able as "[frameworks]". */
export function printScore(name: string, s: Score): void {
  console.log(
    `[frameworks] ${name}: right kind ${s.rightKind}/${s.total} (${pct(s.rightKind, s.total)}), ` +
      `precision ${s.real}/${s.reported} (${pct(s.real, s.reported)}), section ${s.sectionRight}/${s.total}` +
      (s.problems.length ? `\n  - ${s.problems.join('\n  - ')}` : ''),
  );
}

export interface FillCase {
  key: string;
  /** What the user would fill: text, an option label, or option labels joined by "; ". */
  value: string;
  /** The framework's own value for `key` afterwards. */
  expected: unknown;
  /** What a rescan should read back, when it is not `value` (null: not checked). */
  readBack?: string | null;
  /** Fill the question's paired comment box instead of the question. */
  target?: 'comment';
  /** Dotted path of the answer in the framework's values, when it is not `key`. */
  stateKey?: string;
}

function blank(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function at(values: Record<string, unknown>, dotted: string): unknown {
  let cur: unknown = values;
  for (const part of dotted.split('.'))
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined;
  return cur;
}

export interface FrameworkSuite {
  name: FrameworkFixture;
  /** Where the framework keeps the answers, for test titles ("antd getFieldsValue()"). */
  stateName: string;
  questions: FixtureQuestion[];
  /** Matches the text of the page's non-question fields (search boxes). */
  nonQuestions: RegExp;
  fills: FillCase[];
}

/**
 * The checks every framework page gets; each spec file only says what its page asks. Pages are opened
 * once per file (one for reading, one for filling: the fills touch different questions), because a
 * fixture costs seconds to load on a busy machine.
 */
export function defineFrameworkSuite(test: typeof playwrightTest, s: FrameworkSuite): void {
  const expect = test.expect;
  let env: FrameworkEnv;
  let readPage: Page;
  let fillPage: Page | undefined;
  test.beforeAll(async () => {
    // First run builds the bundles (seconds); later runs hit the cache.
    test.setTimeout(120_000);
    env = await startFrameworkEnv();
    readPage = await openFixture(env, s.name);
  });
  test.afterAll(async () => env?.close());

  test(`${s.name}: every question found with its text, kind and options; nothing else reported`, async () => {
    const result = score(s.questions, await scan(readPage));
    printScore(s.name, result);
    expect(result.problems).toEqual([]);
  });

  test(`${s.name}: the search box is not reported as a question`, async () => {
    const reported = await scan(readPage);
    expect(reported.length).toBeGreaterThan(0);
    expect(
      reported.filter((f) => s.nonQuestions.test(f.question) || f.question.trim() === '').map((f) => f.question),
    ).toEqual([]);
  });

  for (const c of s.fills) {
    const q = s.questions.find((x) => x.key === c.key);
    if (!q) throw new Error(`Fill case "${c.key}" names no question of the ${s.name} fixture: fix the key.`);
    const what = c.target === 'comment' ? 'the comment box of' : q.combobox ? 'combobox' : (q.widget ?? q.kind);
    test(`${s.name}: filling ${what} "${c.key}" reaches ${s.stateName}`, async () => {
      fillPage ??= await openFixture(env, s.name);
      const page = fillPage;
      const path = c.stateKey ?? c.key;
      const field = (await scan(page)).find((f) => normQuestion(f.question) === normQuestion(q.text));
      expect(field, `scanPage did not report "${q.text}"`).toBeTruthy();
      const fid = c.target === 'comment' ? field!.comment : field!.fid;
      expect(fid, `"${q.text}" has no paired comment box`).toBeTruthy();
      expect(at(await frameworkValues(page), path)).not.toEqual(c.expected);
      const result = await fill(page, fid!, c.value);
      expect(result.error ?? '').toBe('');
      expect(result.ok).toBe(true);
      await expect.poll(async () => at(await frameworkValues(page), path), { timeout: 3_000 }).toEqual(c.expected);
      // The page shows the answer too: a rescan reads it back.
      if (c.readBack !== null && c.target !== 'comment') {
        const again = (await scan(page)).find((f) => f.fid === fid);
        expect(again?.value).toBe(c.readBack ?? c.value);
      }
    });
  }

  // Undo goes through the same events, so the framework's state returns to what it was.
  const undoable = s.fills.filter((c) => {
    const q = s.questions.find((x) => x.key === c.key)!;
    return !c.target && !q.widget && (q.kind === 'text' || (q.kind === 'checkbox' && q.options));
  });
  if (undoable.length > 0) {
    test(`${s.name}: undo restores ${s.stateName} (${undoable.map((c) => c.key).join(', ')})`, async () => {
      const page = await openFixture(env, s.name);
      const fields = await scan(page);
      const initial = await frameworkValues(page);
      for (const c of undoable) {
        const q = s.questions.find((x) => x.key === c.key)!;
        const field = fields.find((f) => normQuestion(f.question) === normQuestion(q.text))!;
        expect((await fill(page, field.fid, c.value)).ok).toBe(true);
        await expect.poll(async () => at(await frameworkValues(page), c.stateKey ?? c.key)).toEqual(c.expected);
        const undone = await page.evaluate(
          (f) => (window as unknown as Win).__crosswalkPage.undoFill(document, f),
          field.fid,
        );
        expect(undone.error ?? '').toBe('');
        // Frameworks spell "no answer" differently (antd: undefined until touched, then ""): compare emptiness.
        const was = at(initial, c.stateKey ?? c.key);
        await expect
          .poll(async () => {
            const now = at(await frameworkValues(page), c.stateKey ?? c.key);
            return blank(was) ? blank(now) : now;
          })
          .toEqual(blank(was) ? true : was);
      }
      await page.close();
    });
  }
}
