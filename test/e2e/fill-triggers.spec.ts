// Every way of filling goes through the one fill policy and writes one ledger record per fill: the keyboard
// shortcut and the context menu (asked the questionnaire once in the page, confirm before replacing an
// answer, a notice when nothing is filled), and the panel's Edit then fill. Key presses do not reach the
// browser's command accelerators in headless Chromium, and a context menu cannot be opened there, so the
// spec runs the registered chrome.commands / chrome.contextMenus handlers in the worker with the same
// arguments a press or a click passes (the tab).
import type { Page, Worker } from '@playwright/test';
import { serveDirectory, type StaticServer } from '../../lib/cli/static-server';
import { clickToolbarButton, openPanelFor } from '../../lib/cli/toolbar-click';
import { expect, test } from './fixtures';

let data: StaticServer;
test.beforeAll(async () => {
  data = await serveDirectory('data');
});
test.afterAll(async () => {
  await data.close();
});

/** What pressing Alt+Shift+F (or choosing the context menu item) on `page` runs in the worker. */
async function trigger(sw: Worker, page: Page, how: 'shortcut' | 'context-menu'): Promise<void> {
  const url = JSON.stringify(page.url());
  await sw.evaluate(
    `chrome.tabs.query({}).then((tabs) => {
      const tab = tabs.find((t) => t.url === ${url});
      ${
        how === 'shortcut'
          ? "chrome.commands.onCommand.dispatch('fill-focused', tab);"
          : "chrome.contextMenus.onClicked.dispatch({ menuItemId: 'crosswalk-fill-field', editable: true }, tab);"
      }
    })`,
  );
}

const ledger = (panel: Page) =>
  panel.evaluate(
    () =>
      new Promise<Array<{ fid: string; trigger?: string; value: string; previous?: string }>>((resolve, reject) => {
        const open = indexedDB.open('crosswalk');
        open.onerror = () => reject(open.error ?? new Error('crosswalk database did not open'));
        open.onsuccess = () => {
          const req = open.result.transaction('reviewLedger').objectStore('reviewLedger').getAll();
          req.onsuccess = () => resolve(req.result as never);
          req.onerror = () => reject(req.error ?? new Error('reviewLedger read failed'));
        };
      }),
  );

test('shortcut and context menu: ask the questionnaire once, fill, confirm before replacing, record once', async ({
  context,
  extensionId,
  serviceWorker: sw,
}) => {
  test.setTimeout(360_000);
  const page = await context.newPage();
  await page.goto(`${data.url}/demo-questionnaire.html`);
  await clickToolbarButton(context, page, extensionId);
  const dialog = page.locator('crosswalk-dialog');

  // First press on a page with no declared questionnaire: Crosswalk asks, once, in the page.
  await page.locator('#q1_3').focus();
  await trigger(sw, page, 'shortcut');
  await expect(dialog.getByRole('dialog', { name: /who receives this questionnaire/ })).toBeVisible({
    timeout: 60_000,
  });
  await dialog.getByLabel('Questionnaire name').fill('Harbor shortcut test');
  await dialog.getByLabel('Recipient (customer)').fill('Harbor Mutual Financial');
  await dialog.getByLabel('NDA in place with the recipient').check();
  await dialog.getByRole('button', { name: 'Use for this page' }).click();
  // A clean confident answer fills at once; one the matcher only suggests is shown first, with why, and
  // fills when the person says so (a blind trigger never writes an answer short of clean unasked).
  const confirm = dialog.getByRole('dialog', { name: 'Crosswalk: fill this answer?' });
  await expect(confirm.or(page.locator('#q1_3 option:checked', { hasText: 'Annually' }))).toBeVisible({
    timeout: 30_000,
  });
  if (await confirm.isVisible()) {
    await expect(confirm.getByRole('listitem').first()).toBeVisible();
    await confirm.getByRole('button', { name: 'Fill' }).click();
  }
  await expect(page.locator('#q1_3')).toHaveValue('Annually', { timeout: 30_000 });
  await expect(dialog).toHaveCount(0);

  // Again on the same field: it already holds this answer, so nothing is written and the page says why.
  await page.locator('#q1_3').focus();
  await trigger(sw, page, 'shortcut');
  await expect(dialog.getByRole('dialog')).toContainText('already holds this answer', { timeout: 30_000 });
  await dialog.getByRole('button', { name: 'OK' }).click();

  // A field that already has the person's own answer: the policy asks before replacing it.
  await page.locator('#q1_3').selectOption('Every 2 years');
  await page.locator('#q1_3').focus();
  await trigger(sw, page, 'context-menu');
  await expect(confirm).toContainText('already holds "Every 2 years"', { timeout: 30_000 });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('#q1_3')).toHaveValue('Every 2 years');
  await trigger(sw, page, 'context-menu');
  await confirm.getByRole('button', { name: 'Replace the answer' }).click();
  await expect(page.locator('#q1_3')).toHaveValue('Annually', { timeout: 30_000 });

  // The panel opens on the same declared questionnaire and the ledger has one record per fill.
  const { panel } = await openPanelFor(context, page, extensionId);
  await expect(panel.getByText('Harbor shortcut test')).toBeVisible({ timeout: 90_000 });
  const records = await ledger(panel);
  expect(records.map((r) => r.trigger).sort()).toEqual(['context-menu', 'shortcut']);
  expect(records.find((r) => r.trigger === 'context-menu')?.previous).toBe('Every 2 years');
});

test('Edit then fill writes the edited text and records it once, even from two panels', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(360_000);
  const page = await context.newPage();
  await page.goto(`${data.url}/demo-questionnaire.html`);
  const { panel } = await openPanelFor(context, page, extensionId);
  const fillAll = panel.getByRole('button', { name: /Fill all confident \(\d+\)/ });
  await expect(fillAll).toBeEnabled({ timeout: 60_000 });
  await panel.getByTestId('held').getByRole('button', { name: 'Set it' }).click();

  // An open text question the policy would fill; pinned by its field id, since filling changes its status.
  const fid = await panel
    .locator('[data-testid=question][data-status=open]')
    .filter({ has: panel.locator('.sp-suggestion[data-verdict=fill]') })
    .filter({ hasText: 'textarea' })
    .first()
    .getAttribute('data-fid');
  const card = panel.locator(`[data-testid=question][data-fid="${fid}"]`);
  await card.getByRole('button', { name: 'Edit then fill' }).click();
  const box = card.getByLabel('Edit before filling');
  const edited = `${await box.inputValue()} Reviewed quarterly by the CISO.`;
  await box.fill(edited);
  await card.getByRole('button', { name: /^Fill edited/ }).click();
  const confirmBox = card.getByRole('alertdialog');
  if (await confirmBox.isVisible().catch(() => false))
    await confirmBox.getByRole('button', { name: 'Fill anyway' }).click();
  await expect(card).toHaveAttribute('data-status', 'filled', { timeout: 30_000 });
  await expect(card.getByTestId('field-value')).toContainText('Reviewed quarterly by the CISO.');

  // A second panel on the same tab fills everything confident; the first panel does the same: no duplicates.
  const second = await openPanelFor(context, page, extensionId);
  const fillAll2 = second.panel.getByRole('button', { name: /Fill all confident \(\d+\)/ });
  await expect(fillAll2).toBeEnabled({ timeout: 60_000 });
  for (const p of [second.panel, panel]) {
    await p.getByRole('button', { name: /Fill all confident \(\d+\)/ }).click();
    await p
      .getByRole('dialog')
      .getByRole('button', { name: /^Fill \d+ field/ })
      .click();
    await expect(p.getByTestId('fill-done')).toContainText('Filled', { timeout: 90_000 });
  }
  await expect
    .poll(async () => {
      const all = await ledger(panel);
      return all.length === new Set(all.map((r) => `${r.fid}|${r.value}`)).size && all.length > 1;
    })
    .toBe(true);
  const all = await ledger(panel);
  expect(all.filter((r) => r.trigger === 'edit-fill').map((r) => r.value)).toEqual([edited]);
});
