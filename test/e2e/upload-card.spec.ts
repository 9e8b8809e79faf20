// Upload questions in the side panel, on the react-dropzone shape page (test/fixtures/shapes/dev/upload): the
// card names the evidence document to attach (title, version, location), Fill writes the answer into the
// question's comment box, the review ledger records that fill, and nothing is ever uploaded (every file input
// stays empty; the fill policy blocks the file input itself).
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { serveDirectory, type StaticServer } from '../../lib/cli/static-server';
import { openPanelFor } from '../../lib/cli/toolbar-click';
import { buildShapeFixtures, SHAPES_DIST } from './build-shape-fixtures';
import { expect, test } from './fixtures';

let server: StaticServer;
test.beforeAll(async () => {
  await buildShapeFixtures();
  server = await serveDirectory(SHAPES_DIST);
});
test.afterAll(async () => {
  await server.close();
});

const ledger = (panel: Page) =>
  panel.evaluate(
    () =>
      new Promise<Array<{ fid: string; trigger?: string; value: string; question: string }>>((resolve, reject) => {
        const open = indexedDB.open('crosswalk');
        open.onerror = () => reject(open.error ?? new Error('crosswalk database did not open'));
        open.onsuccess = () => {
          const req = open.result.transaction('reviewLedger').objectStore('reviewLedger').getAll();
          req.onsuccess = () => resolve(req.result as never);
          req.onerror = () => reject(req.error ?? new Error('reviewLedger read failed'));
        };
      }),
  );

/** Files chosen in any file input of the page (a drop zone keeps its own hidden one). */
const filesChosen = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLInputElement>('input[type=file]')).reduce(
      (n, el) => n + (el.files?.length ?? 0),
      0,
    ),
  );

test('upload question: the card names the document, Fill writes the comment box, nothing is uploaded', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(300_000);
  const page = await context.newPage();
  await page.goto(`${server.url}/dev/upload.html`);
  await page.waitForFunction(() => !!(window as { __shape?: unknown }).__shape);
  const { panel } = await openPanelFor(context, page, extensionId);
  const summary = panel.getByTestId('summary');
  await expect(summary).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  // The demo library's answers are cleared for NDA recipients: declare the NDA so the policy lets them go.
  const setIt = panel.getByTestId('held').getByRole('button', { name: 'Set it' });
  if (await setIt.count()) await setIt.first().click();

  const card = panel.getByTestId('question').filter({ hasText: 'Upload your most recent SOC 2 Type II report.' });
  await expect(card).toHaveCount(1);
  await expect(card.locator('.sp-question__meta')).toContainText('file');
  // The document to attach: its title, version and where it lives; and where Fill writes.
  const attach = card.getByTestId('attach-evidence');
  await expect(attach).toContainText('Attach this file yourself');
  const doc = attach.getByRole('list', { name: 'Evidence to attach' }).getByRole('listitem').first();
  await expect(doc).toContainText(/SOC 2 Type II Report/);
  await expect(doc).toContainText(/\(version \d+\)/);
  await expect(attach.getByTestId('attach-where')).toHaveText(
    'Fill writes the answer into the comment box under the upload.',
  );
  await card.screenshot({ path: test.info().outputPath('upload-card.png') });
  if (process.env.CROSSWALK_SHOTS)
    fs.copyFileSync(test.info().outputPath('upload-card.png'), process.env.CROSSWALK_SHOTS);

  // Fill: the answer lands in the comment box, the row counts as filled, the file input stays empty.
  const fid = await card.getAttribute('data-fid');
  const pinned = panel.locator(`[data-testid=question][data-fid="${fid}"]`);
  await pinned
    .getByRole('button', { name: /^Fill(…)?$/ })
    .first()
    .click();
  const confirmBox = pinned.getByRole('alertdialog');
  if (await confirmBox.isVisible().catch(() => false))
    await confirmBox.getByRole('button', { name: 'Fill anyway' }).click();
  await expect(pinned).toHaveAttribute('data-status', 'filled', { timeout: 30_000 });
  const comment = await page.locator('#soc2-c').inputValue();
  expect(comment.length).toBeGreaterThan(20);
  await expect(pinned.getByTestId('field-value')).toContainText(comment.slice(0, 30));
  expect(await filesChosen(page)).toBe(0);

  // The ledger has the fill, on the comment box, under the upload question.
  await expect
    .poll(async () => (await ledger(panel)).filter((r) => r.value === comment).length, { timeout: 10_000 })
    .toBe(1);
  const [record] = (await ledger(panel)).filter((r) => r.value === comment);
  expect(record!.question).toContain('Upload your most recent SOC 2 Type II report.');
  expect(record!.trigger).toBe('fill');

  // Fill all confident writes comment boxes only: every file input stays empty.
  const fillAll = panel.getByRole('button', { name: /Fill all confident \(\d+\)/ });
  if (await fillAll.isEnabled()) {
    await fillAll.click();
    await panel
      .getByRole('dialog')
      .getByRole('button', { name: /^Fill \d+ fields?$/ })
      .click();
    await expect(panel.getByTestId('fill-done')).toContainText('Filled', { timeout: 60_000 });
    // Every question of this page is an upload: each fill-all record is a comment box, with text in it.
    await expect
      .poll(async () => (await ledger(panel)).filter((r) => r.trigger === 'fill-all').length)
      .toBeGreaterThan(0);
    const bulk = (await ledger(panel)).filter((r) => r.trigger === 'fill-all');
    expect(bulk.map((r) => r.question).filter((q) => !q.endsWith('(comment)'))).toEqual([]);
    expect(bulk.every((r) => r.value.trim().length > 0)).toBe(true);
    console.log(`[upload-card] Fill all confident wrote ${bulk.length} comment box(es)`);
  }
  expect(await filesChosen(page)).toBe(0);
});
