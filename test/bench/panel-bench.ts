// Side panel on a long questionnaire, the whole product in Chromium (issue 14's targets): a 403-question page built
// from the demo questionnaire (test/bench/panel/long-questionnaire.ts) is served on 127.0.0.1 and opened with the
// built extension and the demo library. Each run opens a fresh copy of the page (its own path, so its own
// questionnaire: nothing declared, nothing in the ledger) and measures, in the panel's own clock:
// - shown: from the panel page starting to load until every question has its answer or its "no good match"
//   (the summary's phase is ready), i.e. scan + match + render as the user waits for them;
// - fill: from pressing "Fill N fields" in the preview until "Filled N fields" shows, after "Set it" on the
//   "N more need 'NDA in place'" line (as a user would to fill the NDA-only answers too), for 80+ fields.
// Targets are on the medians of the wall times (the "<= 1.5 s" and "<= 2 s" are what a user waits); the
// CPU time Chromium's processes spent is printed beside them because wall time on a shared machine mostly measures
// the queue for a core. The first run also opens a second panel on the same tab and fills everything from both
// (the case that once wrote every record twice); the ledger is then read and every (questionnaire, field, value)
// counted: a duplicate record or a fill with no record misses a target.
// Run alone: npx tsx test/bench/run.ts panel   (or npx tsx test/bench/panel-bench.ts)
import fs from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { extensionIdOf, launchWithExtension } from '../../lib/cli/chromium';
import { pickDemoLibrary } from '../../lib/cli/first-run';
import { serveDirectory } from '../../lib/cli/static-server';
import { openPanelFor } from '../../lib/cli/toolbar-click';
import { cpuByKind, diff, ensureBuild, sum } from './extension-run';
import { buildLongQuestionnaire, type LibraryQuestion } from './panel/long-questionnaire';
import { runBench, target } from './targets';

const QUESTIONS = 403;
/** Runs for the medians (PANEL_BENCH_RUNS overrides, e.g. 1 while profiling). */
const RUNS = Number(process.env.PANEL_BENCH_RUNS ?? 5);
/** Issue 14: all suggestions shown within 1.5 s of the panel opening, on the 403-question page. */
const TARGET_SHOWN_MS = 1500;
/** Issue 14: "Fill all" of 80+ fields within 2 s. */
const TARGET_FILL_MS = 2000;
const MIN_FILLED = 80;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

// Expressions, not functions, for page.evaluate: tsx may rewrite a function's source before it is sent.
/** performance.now() once the panel's summary says every question has been matched, else false. */
const SHOWN = `(() => {
  const s = document.querySelector('[data-testid=summary]');
  return !!s && s.dataset.phase === 'ready' && Number(s.dataset.detected) > 0 && performance.now();
})()`;
/** The number on "Fill all confident (N)", or -1 before the button shows. */
const FILL_ALL_COUNT = `(() => {
  const b = [...document.querySelectorAll('button')].find((b) => /^Fill all confident \\(\\d+\\)$/.test(b.textContent.trim()));
  return b ? Number(/\\((\\d+)\\)/.exec(b.textContent)[1]) : -1;
})()`;
/** Press "Fill N fields" in the preview; the panel's clock when pressed. */
const PRESS_FILL = `(() => {
  const b = [...document.querySelectorAll('[role=dialog] button')].find((b) => /^Fill \\d+ fields?$/.test(b.textContent.trim()));
  if (!b) throw new Error('The Fill all preview shows no "Fill N fields" button.');
  const t0 = performance.now();
  b.click();
  return t0;
})()`;
const FILL_DONE = `(() => {
  const d = document.querySelector('[data-testid=fill-done]');
  return !!d && [performance.now(), d.textContent];
})()`;
const LEDGER = `new Promise((resolve, reject) => {
  const open = indexedDB.open('crosswalk');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const req = open.result.transaction('reviewLedger').objectStore('reviewLedger').getAll();
    req.onsuccess = () => resolve(req.result.map((r) => ({ q: r.questionnaire.id, fid: r.fid, value: r.value, trigger: r.trigger })));
    req.onerror = () => reject(req.error);
  };
})`;

interface LedgerRow {
  q: string;
  fid: string;
  value: string;
  trigger?: string;
}

/**
 * The value of `expr` (evaluated in the panel) the first time it is not false, checked on every DOM change, so a
 * time it reads is when the panel changed, not when a poll came round.
 */
async function waitFor<T>(panel: Page, expr: string, what: string, timeoutMs = 180_000): Promise<T> {
  const watch = `new Promise((resolve, reject) => {
    const check = () => {
      try {
        const v = ${expr};
        if (v === false) return false;
        observer.disconnect();
        resolve(v);
        return true;
      } catch (err) {
        observer.disconnect();
        reject(err);
        return true;
      }
    };
    const observer = new MutationObserver(check);
    if (!check()) observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  })`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`The panel did not get to "${what}" within ${timeoutMs / 1000} s.`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([panel.evaluate<T>(watch), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Wait until "Fill all confident (N)" has held one number for `quietMs`; that number. */
async function settledFillCount(panel: Page, quietMs = 1500): Promise<number> {
  let last = -1;
  let since = Date.now();
  for (const end = Date.now() + 120_000; Date.now() < end; await panel.waitForTimeout(100)) {
    const n = await panel.evaluate<number>(FILL_ALL_COUNT);
    if (n !== last) [last, since] = [n, Date.now()];
    else if (n >= 0 && Date.now() - since >= quietMs) return n;
  }
  throw new Error('"Fill all confident (N)" kept changing for two minutes.');
}

/** Open the panel on `page`; ms from the panel starting to load until every question is matched and shown. */
async function openAndWait(context: BrowserContext, page: Page, extensionId: string) {
  const { panel } = await openPanelFor(context, page, extensionId);
  const shownMs = await waitFor<number>(panel, SHOWN, 'every question matched');
  const detected = Number(await panel.getByTestId('summary').getAttribute('data-detected'));
  return { panel, shownMs, detected };
}

/** Wait until Chromium's processes have spent under 0.15 s of CPU in a second (a re-match has finished). */
async function quiet(): Promise<void> {
  for (let last = sum(cpuByKind()), end = Date.now() + 120_000; Date.now() < end;) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = sum(cpuByKind());
    if (now - last < 0.15) return;
    last = now;
  }
  throw new Error('Chromium kept working for two minutes after the panel showed every answer.');
}

/**
 * "Set it" on the "N more need 'NDA in place'" line when it shows, then wait for the re-match it starts to end,
 * so the fill that follows is timed alone.
 */
async function declareNda(panel: Page): Promise<number> {
  const setIt = panel.getByTestId('held').getByRole('button', { name: 'Set it' });
  if (await setIt.count()) await setIt.click();
  const n = await settledFillCount(panel);
  await quiet();
  return n;
}

/** Press Fill all, then "Fill N fields"; ms until "Filled N fields" shows, and N. */
async function fillAll(panel: Page): Promise<{ fillMs: number; filled: number }> {
  await panel.getByRole('button', { name: /^Fill all confident \(\d+\)$/ }).click();
  await panel.getByTestId('fill-preview').waitFor();
  const t0 = await panel.evaluate<number>(PRESS_FILL);
  const [t1, text] = await waitFor<[number, string]>(panel, FILL_DONE, 'Filled N fields');
  const filled = Number(/Filled (\d+) field/.exec(text)?.[1] ?? NaN);
  return { fillMs: t1 - t0, filled };
}

/**
 * Questions the demo library answers in its own words: every second approved entry (file order), asked in its
 * first recorded alternative phrasing, as a Yes / No / N/A choice when its short answer is one of those. Since
 * issue 12's refit the demo questionnaire's own questions give ~9 confident answers per 77 (a wrong answer is
 * worse than none), so 403 questions cloned from it held ~48, short of the "Fill all of 80+ fields" this bench
 * is about; these sections bring the page to ~100 without lowering that bar or touching the matcher. Every entry
 * of the rule is asked, confident or not.
 */
function libraryQuestions(): LibraryQuestion[] {
  const file = JSON.parse(fs.readFileSync(path.resolve('data/demo-library.json'), 'utf8')) as {
    entries: { question: string; alternatives?: string[]; shortAnswer?: string; status: string }[];
  };
  return file.entries
    .filter((e) => e.status === 'approved')
    .filter((_, i) => i % 2 === 0)
    .map((e) => ({
      question: e.alternatives?.[0] ?? e.question,
      choice: ['Yes', 'No', 'N/A'].includes(e.shortAnswer ?? ''),
    }));
}

export async function run(): Promise<void> {
  ensureBuild();
  const demo = fs.readFileSync(path.resolve('data/demo-questionnaire.html'), 'utf8');
  const long = buildLongQuestionnaire(demo, QUESTIONS, libraryQuestions());
  const dir = fs.mkdtempSync(path.join(tmpdir(), 'crosswalk-panel-bench-'));
  // One copy per run: a questionnaire is its page's path, so each run starts with nothing declared or recorded.
  for (let i = 1; i <= RUNS; i++) fs.writeFileSync(path.join(dir, `long-${i}.html`), long.html);
  const server = await serveDirectory(dir);
  const context = await launchWithExtension();
  const shown: number[] = [];
  const fills: number[] = [];
  const filledCounts: number[] = [];
  const cpuShown: number[] = [];
  const cpuFill: number[] = [];
  let detected = 0;
  let ledger: LedgerRow[] = [];
  let okFills = 0;
  try {
    const extensionId = await extensionIdOf(context);
    await pickDemoLibrary(context, extensionId);
    for (let i = 1; i <= RUNS; i++) {
      const page = await context.newPage();
      await page.goto(`${server.url}/long-${i}.html`);
      await page.waitForTimeout(1000); // let the worker and the page settle: the figure is the panel's
      const c0 = cpuByKind();
      const split = (d: ReturnType<typeof cpuByKind>) =>
        `page ${d.page.toFixed(2)} s, extension ${d.extension.toFixed(2)} s, browser ${d.browser.toFixed(2)} s`;
      const a = await openAndWait(context, page, extensionId);
      const dShown = diff(cpuByKind(), c0);
      cpuShown.push(sum(dShown));
      shown.push(a.shownMs);
      detected = a.detected;
      await declareNda(a.panel);
      // First run: a second panel on the same tab, opened before either fills, as in the report.
      const b = i === 1 ? await openAndWait(context, page, extensionId) : undefined;
      if (b) await declareNda(b.panel);
      const c1 = cpuByKind();
      const { fillMs, filled } = await fillAll(a.panel);
      const dFill = diff(cpuByKind(), c1);
      cpuFill.push(sum(dFill));
      fills.push(fillMs);
      filledCounts.push(filled);
      okFills += filled;
      if (b) await fillAll(b.panel);
      console.log(
        `run ${i}: shown ${a.shownMs.toFixed(0)} ms, Fill all of ${filled} fields ${fillMs.toFixed(0)} ms${b ? ' (and a second panel filled the same)' : ''}; CPU shown: ${split(dShown)}; CPU fill: ${split(dFill)}`,
      );
      // Records are written as each batch lands; wait until the ledger stops growing.
      let before = -1;
      for (let tries = 0; tries < 40; tries++) {
        ledger = await a.panel.evaluate<LedgerRow[]>(LEDGER);
        if (ledger.length === before) break;
        before = ledger.length;
        await a.panel.waitForTimeout(500);
      }
      await b?.panel.close();
      await a.panel.close();
      await page.close();
    }
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const [load] = loadavg();
  console.log(
    `long questionnaire: ${long.questions} questions in ${long.sections} sections (the demo's cloned, then ${long.library} in the library's own words), ${detected} in the panel; ${RUNS} runs; load average ${load!.toFixed(1)}`,
  );
  const cpu = (xs: number[]) => `(median CPU, all Chromium processes: ${median(xs).toFixed(2)} s)`;
  target(
    `all suggestions shown after the panel opens, ${QUESTIONS} questions`,
    median(shown),
    { atMost: TARGET_SHOWN_MS, unit: 'ms' },
    `${cpu(cpuShown)} runs: ${shown.map((x) => x.toFixed(0)).join(', ')}`,
  );
  target('fields in each Fill all (fewest of the runs)', Math.min(...filledCounts), {
    atLeast: MIN_FILLED,
    unit: 'fields',
  });
  target(
    `Fill all of ${median(filledCounts)} fields`,
    median(fills),
    { atMost: TARGET_FILL_MS, unit: 'ms' },
    `${cpu(cpuFill)} runs: ${fills.map((x) => x.toFixed(0)).join(', ')}`,
  );
  const fillAllRecords = ledger.filter((r) => r.trigger === 'fill-all');
  const distinct = new Set(ledger.map((r) => `${r.q}\u0000${r.fid}\u0000${r.value}`)).size;
  target(
    'duplicate ledger records (same questionnaire, field and value)',
    ledger.length - distinct,
    {
      atMost: 0,
      unit: 'records',
    },
    `(${ledger.length} records for ${okFills} fields filled by the first panels)`,
  );
  target('fills with no ledger record', okFills - fillAllRecords.length, { atMost: 0, unit: 'fills' });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('test/bench/panel-bench.ts')) await runBench(run);
