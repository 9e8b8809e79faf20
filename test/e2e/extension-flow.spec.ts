// The whole extension on the demo questionnaire: scan, suggestions with citations, Fill all confident
// through its preview, values on the page, Undo all puts the page back.
import type { Page } from '@playwright/test';
import { serveDirectory, type StaticServer } from '../../lib/cli/static-server';
import { openPanelFor } from '../../lib/cli/toolbar-click';
import { expect, test } from './fixtures';

let data: StaticServer;
test.beforeAll(async () => {
  data = await serveDirectory('data');
});
test.afterAll(async () => {
  await data.close();
});

/** Every form control's state, in document order (what a user would see as "the answers"). */
function formState(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(
      document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select'),
    ).map((el) =>
      el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox') ? String(el.checked) : el.value,
    ),
  );
}

test('demo questionnaire: suggest, preview, fill all confident, undo all', async ({ context, extensionId }) => {
  // Scan, match and 80 fills: well under a minute alone, several when the machine is shared.
  test.setTimeout(240_000);
  const page = await context.newPage();
  await page.goto(`${data.url}/demo-questionnaire.html`);
  const before = await formState(page);
  const { panel } = await openPanelFor(context, page, extensionId);

  const fillAll = panel.getByRole('button', { name: /Fill all confident \(\d+\)/ });
  await expect(fillAll).toBeEnabled({ timeout: 60_000 });
  const summary = panel.getByTestId('summary');
  const detected = Number(await summary.getAttribute('data-detected'));
  expect(detected).toBeGreaterThanOrEqual(60);
  expect(Number(await summary.getAttribute('data-suggested'))).toBeGreaterThan(0);
  await expect(panel.getByTestId('question')).toHaveCount(detected);

  // A suggestion carries its citations: entry + version and controls.
  const first = panel
    .getByTestId('question')
    .filter({ has: panel.getByText('confident', { exact: true }) })
    .first();
  await first.getByRole('button').first().click();
  await first.getByText('Citations').click();
  await expect(first.getByText(/Library entry/)).toBeVisible();
  await expect(first.getByText(/ISO\/IEC 27001:2022|SOC 2/).first()).toBeVisible();

  await fillAll.click();
  const preview = panel.getByTestId('fill-preview');
  await expect(preview).toBeVisible();
  const planned = await preview.locator('li').count();
  expect(planned).toBeGreaterThan(0);
  const textValues = (await preview.locator('.sp-preview__a').allInnerTexts()).filter((v) => v.length > 40);
  await panel
    .getByRole('dialog')
    .getByRole('button', { name: `Fill ${planned} field${planned === 1 ? '' : 's'}` })
    .click();
  await expect(panel.getByTestId('fill-done')).toContainText('Filled', { timeout: 90_000 });
  expect(Number(await summary.getAttribute('data-filled'))).toBeGreaterThan(0);

  // The long free-text answers from the preview are now in the page's fields.
  const after = await formState(page);
  expect(after).not.toEqual(before);
  for (const v of textValues) expect(after.map((s) => s.trim())).toContain(v.trim());

  await panel.getByRole('button', { name: 'Undo all' }).click();
  await expect.poll(() => formState(page)).toEqual(before);
  await expect(summary).toHaveAttribute('data-filled', '0');
});

test('selecting a question highlights its field on the page', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`${data.url}/demo-questionnaire.html`);
  const { panel } = await openPanelFor(context, page, extensionId);
  const q = panel.getByTestId('question').nth(20);
  await expect(q).toBeVisible({ timeout: 30_000 });
  await q.getByRole('button').first().click();
  await expect(q).toHaveClass(/is-selected/);
  // The field scrolled into view: the page is no longer at the top.
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
});
