// A reviewer checks how a question was mapped: the selected question's card lists its controls in every
// framework, each with the reasons the classifier gave (question words and the control field holding them,
// library entries that voted, the crosswalk counterpart).
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

test('a selected question shows its mapped controls and why', async ({ context, extensionId }, testInfo) => {
  test.setTimeout(120_000);
  const page = await context.newPage();
  await page.goto(`${data.url}/demo-questionnaire.html`);
  const { panel } = await openPanelFor(context, page, extensionId);
  const q = panel.getByTestId('question').filter({ hasText: 'encrypted while stored' });
  await expect(q).toBeVisible({ timeout: 60_000 });
  await q.getByRole('button').first().click();
  const mapped = q.getByTestId('question-controls');
  await mapped.getByText(/Mapped controls \(\d+\)/).click();
  for (const name of ['ISO/IEC 27001:2022', 'ISO/IEC 27001:2013', 'SOC 2 (TSC 2017, rev. 2022)'])
    await expect(mapped.getByRole('region', { name })).toBeVisible();
  // Encryption at rest maps to the use of cryptography (A.8.24), for the word "encrypted" (among the words
  // that scored, strongest first: the order follows the fitted field weights); an entry voted.
  const crypto = mapped.getByRole('region', { name: 'ISO/IEC 27001:2022' }).locator('li[data-control="A.8.24"]');
  await expect(crypto).toContainText(/Words:[^]*\bencryption \(title\)/);
  await expect(mapped.getByText(/Library entries:/).first()).toBeVisible();
  // The panel's question styles are in the build (a side-effect-free index once dropped questions.css).
  await expect(crypto.locator('.sp-controls__why > div').first()).toHaveCSS('display', 'flex');
  await q.scrollIntoViewIfNeeded();
  await q.screenshot({ path: testInfo.outputPath('question-controls.png') });
});
