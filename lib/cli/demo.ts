// `npm run demo`: build the extension, serve the demo questionnaire on 127.0.0.1, open it in Chromium with
// Crosswalk loaded, press the toolbar button (grants activeTab) and open the side panel page on that tab.
// `--headless --screenshot out.png` then drives the side panel's real UI (Fill all confident + preview),
// prints one summary line and saves a screenshot of the panel beside the page. `--review-report out.csv`
// (or .html) then exports the review report of that fill from the review page, as a reviewer would.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import Papa from 'papaparse';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { reportFormatFor } from '../review';
import { saveReviewReport } from './report-download';
import { extensionIdOf, launchWithExtension } from './chromium';
import { pickDemoLibrary } from './first-run';
import { serveDirectory, type StaticServer } from './static-server';
import { openPanelFor } from './toolbar-click';
import { errorMessage } from '../errors';

export interface DemoArgs {
  headless: boolean;
  screenshot?: string;
  /** Where to write the review report after the fill (.csv or .html). */
  reviewReport?: string;
  build: boolean;
}

export function parseDemoArgs(argv: readonly string[]): DemoArgs {
  const args: DemoArgs = { headless: false, build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--headless') args.headless = true;
    else if (a === '--no-build') args.build = false;
    else if (a === '--screenshot') {
      const file = argv[++i];
      if (!file || file.startsWith('--')) throw new Error('--screenshot needs a file name, e.g. --screenshot out.png');
      args.screenshot = file;
    } else if (a === '--review-report') {
      const file = argv[++i];
      if (!file || file.startsWith('--'))
        throw new Error('--review-report needs a file name, e.g. --review-report report.csv (or report.html)');
      reportFormatFor(file); // throws a cause-and-fix error for an unsupported extension before anything runs
      args.reviewReport = file;
    } else
      throw new Error(
        `Unknown option ${a}. Use: npm run demo -- [--headless] [--screenshot out.png] [--review-report report.csv|report.html] [--no-build]`,
      );
  }
  return args;
}

function build(): void {
  // Build output goes to stderr so stdout carries only the summary line.
  const res = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', process.stderr, process.stderr] });
  if (res.status !== 0)
    throw new Error('The extension build failed (see the output above). Fix the error, then run the demo again.');
}

/** Drive the side panel like a user: scan if needed, Fill all confident, confirm the preview, wait for the end. */
export async function driveFillAll(
  panel: Page,
): Promise<{ detected: number; suggested: number; filled: number; abstained: number }> {
  const summary = panel.getByTestId('summary');
  const fillAll = panel.getByRole('button', { name: /Fill all confident/ });
  await fillAll
    .or(panel.getByRole('button', { name: /^(Scan|Rescan)$/ }))
    .first()
    .waitFor({ timeout: 30_000 });
  if (!(await fillAll.isVisible())) await panel.getByRole('button', { name: /^(Scan|Rescan)$/ }).click();
  await fillAll.waitFor({ timeout: 30_000 });
  if (await fillAll.isEnabled()) {
    await fillAll.click();
    await panel.getByTestId('fill-preview').waitFor();
    await panel
      .getByRole('dialog')
      .getByRole('button', { name: /^Fill \d+ field/ })
      .click();
    await panel.getByTestId('fill-done').waitFor({ timeout: 60_000 });
  }
  const read = async (k: string) => Number(await summary.getAttribute(`data-${k}`));
  return {
    detected: await read('detected'),
    suggested: await read('suggested'),
    filled: await read('filled'),
    abstained: await read('abstained'),
  };
}

/** One PNG with the side panel on the left and the questionnaire on the right. */
async function sideBySide(context: BrowserContext, panel: Page, page: Page, file: string): Promise<void> {
  const [a, b] = [await panel.screenshot(), await page.screenshot()];
  const sheet = await context.newPage();
  await sheet.setViewportSize({ width: 420 + 1280 + 12, height: 900 });
  await sheet.setContent(
    `<body style="margin:0;display:flex;gap:12px;background:#c9ced6">` +
      `<img src="data:image/png;base64,${a.toString('base64')}" width="420">` +
      `<img src="data:image/png;base64,${b.toString('base64')}" width="1280"></body>`,
  );
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await sheet.screenshot({ path: file });
  await sheet.close();
}

/** Answer rows in a saved report: CSV records after the header, or the HTML table's body rows. */
export function reportRows(text: string, format: 'csv' | 'html'): number {
  if (format === 'html') return (/<tbody>([\s\S]*?)<\/tbody>/.exec(text)?.[1]?.match(/<tr[\s>]/g) ?? []).length;
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.length - 1;
}

/** The demo's questionnaire facts, declared through the panel's own form as a user would. */
export const DEMO_QUESTIONNAIRE = {
  name: 'Harbor Mutual Financial vendor assessment',
  recipient: 'Harbor Mutual Financial',
  nda: true,
};

export async function declareQuestionnaire(
  panel: Page,
  q: { name: string; recipient: string; nda: boolean },
): Promise<void> {
  await panel.getByText('scope and recipient').click();
  await panel.getByLabel('Questionnaire name').fill(q.name);
  await panel.getByLabel('Recipient (customer)').fill(q.recipient);
  await panel.getByLabel('NDA in place with the recipient').setChecked(q.nda);
  await panel.getByRole('button', { name: 'Apply and re-check answers' }).click();
  // Suggestions are re-checked against the new recipient; wait until the counts settle.
  const summary = panel.getByTestId('summary');
  await summary.waitFor({ timeout: 30_000 });
  let last = '';
  for (let stable = 0; stable < 3;) {
    await panel.waitForTimeout(400);
    const now = `${await summary.getAttribute('data-suggested')}|${await summary.getAttribute('data-abstained')}`;
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}

export async function runDemo(args: DemoArgs): Promise<number> {
  if (args.build) build();
  let server: StaticServer | undefined;
  let context: BrowserContext | undefined;
  try {
    server = await serveDirectory('data');
    try {
      context = await launchWithExtension({ headless: args.headless });
    } catch (err) {
      if (!args.headless && /XServer|DISPLAY/i.test(String(err)))
        throw new Error('No display for a headed browser. Run with --headless, or under xvfb-run -a npm run demo.', {
          cause: err,
        });
      throw err;
    }
    const extensionId = await extensionIdOf(context);
    // A new profile's library starts empty: pick the demo library on the first-run screen, as a user would.
    await pickDemoLibrary(context, extensionId);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/demo-questionnaire.html`);
    const { panel } = await openPanelFor(context, page, extensionId, 420);
    if (!args.headless && !args.screenshot && !args.reviewReport) {
      console.log(
        `Crosswalk demo running: questionnaire at ${page.url()}, side panel in the second tab. Close the browser to stop.`,
      );
      await new Promise<void>((resolve) => context!.on('close', () => resolve()));
      return 0;
    }
    await declareQuestionnaire(panel, DEMO_QUESTIONNAIRE);
    console.log(`questionnaire: ${DEMO_QUESTIONNAIRE.name}, for ${DEMO_QUESTIONNAIRE.recipient} (NDA in place)`);
    const s = await driveFillAll(panel);
    console.log(
      `detected ${s.detected} questions, suggested ${s.suggested}, filled ${s.filled}, abstained ${s.abstained}`,
    );
    if (args.screenshot) {
      // Select the first filled question: the panel highlights it and the page scrolls to it.
      const filled = panel.locator('[data-testid=question][data-status=filled]').first();
      if (await filled.count()) {
        await filled.scrollIntoViewIfNeeded();
        await filled.getByRole('button').first().click();
        await page.waitForTimeout(600);
      }
      await sideBySide(context, panel, page, args.screenshot);
    }
    if (args.reviewReport) {
      const text = await saveReviewReport(context, extensionId, args.reviewReport);
      console.log(
        `review report: ${path.resolve(args.reviewReport)} (${reportRows(text, reportFormatFor(args.reviewReport))} rows)`,
      );
    }
    return s.detected > 0 ? 0 : 1;
  } finally {
    await context?.close().catch(() => undefined);
    await server?.close();
  }
}

// Run only when executed as a script (tests import the helpers).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  let code = 1;
  try {
    code = await runDemo(parseDemoArgs(process.argv.slice(2)));
    if (code !== 0)
      console.error(
        'The demo found no questions on the demo questionnaire: check data/demo-questionnaire.html and the content script.',
      );
  } catch (err) {
    console.error(`Demo failed: ${errorMessage(err)}`);
  }
  process.exit(code);
}
