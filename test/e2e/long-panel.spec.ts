// The side panel on a 403-question page built from the demo (the page issue 14 was tried on): compact cards,
// filters with counts, jump to a question number, next unanswered from the keyboard, "N more need 'NDA in place'"
// cleared in one step, and after Fill all the filled value visible on the compact cards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDirectory, type StaticServer } from '../../lib/cli/static-server';
import { openPanelFor } from '../../lib/cli/toolbar-click';
import { buildLongQuestionnaire } from '../bench/panel/long-questionnaire';
import { expect, test } from './fixtures';

let server: StaticServer;
let dir: string;
test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-long-panel-'));
  const long = buildLongQuestionnaire(fs.readFileSync('data/demo-questionnaire.html', 'utf8'), 403);
  fs.writeFileSync(path.join(dir, 'long.html'), long.html);
  server = await serveDirectory(dir);
});
test.afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('403 questions: filters, jump, keyboard, one-step NDA, filled values on compact cards', async ({
  context,
  extensionId,
}) => {
  // Scan, match 404 questions and fill 100: minutes on a shared machine.
  test.setTimeout(480_000);
  const page = await context.newPage();
  await page.goto(`${server.url}/long.html`);
  const { panel } = await openPanelFor(context, page, extensionId);
  const summary = panel.getByTestId('summary');
  await expect(summary).toHaveAttribute('data-phase', 'ready', { timeout: 240_000 });
  const detected = Number(await summary.getAttribute('data-detected'));
  expect(detected).toBeGreaterThanOrEqual(403);

  // A long list opens in compact cards, and the filters count the whole questionnaire.
  await expect(panel.getByTestId('question').first()).toHaveClass(/is-compact/);
  const chip = (k: string) => panel.locator(`[data-filter="${k}"]`);
  await expect(chip('all')).toContainText(String(detected));
  await expect(chip('unanswered')).toContainText(String(detected));

  // Jump to a question of a cloned section, far down the (virtualized) list.
  await panel.getByLabel('Question number').fill('23.4');
  await panel.getByLabel('Question number').press('Enter');
  const target = panel.getByRole('button', { name: /^Question 23\.4:/ });
  await expect(target).toBeVisible();
  await expect(panel.locator('[data-testid=question].is-selected')).toContainText('23.4');

  // The card takes the keyboard; "n" moves to the next unanswered question after it.
  await expect(target).toBeFocused();
  await panel.keyboard.press('n');
  await expect(panel.locator('[data-testid=question].is-selected')).not.toContainText('23.4');
  await expect(panel.locator('[data-testid=question].is-selected')).toHaveAttribute('data-status', 'open');

  // Confident NDA-only answers are held, with the one step that clears them next to Fill all.
  const fillAll = panel.getByRole('button', { name: /^Fill all confident \(\d+\)$/ });
  const count = async () => Number(/\((\d+)\)/.exec((await fillAll.textContent()) ?? '')?.[1] ?? -1);
  const before = await count();
  const held = panel.getByTestId('held').locator('[data-held]').filter({ hasText: "need 'NDA in place'" });
  await expect(held).toContainText(/^\d+ more need 'NDA in place'/);
  const needNda = Number(/^(\d+)/.exec((await held.textContent()) ?? '')?.[1]);
  await held.getByRole('button', { name: 'Set it' }).click();
  await expect.poll(count, { timeout: 120_000 }).toBe(before + needNda);
  // How many are confident follows the matcher's calibration (issue 12), so the count is not fixed here;
  // both groups are real and the bench (npm run bench panel) holds the 80+ figure.
  expect(before).toBeGreaterThan(0);
  expect(needNda).toBeGreaterThan(0);

  await fillAll.click();
  await panel
    .getByRole('dialog')
    .getByRole('button', { name: /^Fill \d+ fields?$/ })
    .click();
  await expect(panel.getByTestId('fill-done')).toContainText(/Filled \d+ fields/, { timeout: 180_000 });
  const filled = Number(await summary.getAttribute('data-filled'));
  expect(filled).toBe(before + needNda);

  // The Filled filter lists them, each compact card showing what was written.
  await chip('filled').click();
  await expect(chip('filled')).toContainText(String(filled));
  const first = panel.getByTestId('question').first();
  await expect(first).toHaveClass(/is-compact/);
  await expect(first).toHaveAttribute('data-status', 'filled');
  await expect(first.getByTestId('field-value')).toContainText(/^Filled: \S/);
});
