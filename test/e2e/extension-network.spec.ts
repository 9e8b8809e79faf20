// Local-first: loading, scanning, matching and filling make no request beyond the page's own server and
// the extension's own files.
import { serveDirectory } from '../../lib/cli/static-server';
import { openPanelFor } from '../../lib/cli/toolbar-click';
import { expect, test } from './fixtures';

test('no network requests during load, scan, match and fill', async ({ context, extensionId }) => {
  const data = await serveDirectory('data');
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  try {
    const page = await context.newPage();
    await page.goto(`${data.url}/demo-questionnaire.html`);
    const { panel } = await openPanelFor(context, page, extensionId);
    const fillAll = panel.getByRole('button', { name: /Fill all confident \(\d+\)/ });
    await expect(fillAll).toBeEnabled({ timeout: 30_000 });
    await fillAll.click();
    await panel
      .getByRole('dialog')
      .getByRole('button', { name: /^Fill \d+ field/ })
      .click();
    await expect(panel.getByTestId('fill-done')).toBeVisible();
    await panel.getByRole('searchbox', { name: 'Search the library' }).fill('encryption at rest');
    await panel.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(panel.getByTestId('search-results')).toBeVisible();

    const foreign = urls.filter(
      (u) => !u.startsWith(`${data.url}/`) && !u.startsWith(`chrome-extension://${extensionId}/`),
    );
    expect(foreign).toEqual([]);
    expect(urls.some((u) => u.startsWith(data.url))).toBe(true);
  } finally {
    await context.close();
    await data.close();
  }
});
