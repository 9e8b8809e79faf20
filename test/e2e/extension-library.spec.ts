// The options page and the side panel share the library: an edit in one shows in the other; a CSV import
// goes through the wizard (mapping, row errors, commit) and lands in the table.
import { openPanelFor } from '../../lib/cli/toolbar-click';
import { expect, test } from './fixtures';

test('an answer edited in the options page shows in the side panel suggestion', async ({
  context,
  extensionId,
  fixturesURL,
}) => {
  const page = await context.newPage();
  await page.goto(`${fixturesURL}/plain-form.html`);
  const { panel } = await openPanelFor(context, page, extensionId);
  // A free-text question, so the suggestion shows the answer's full text.
  const candidate = panel
    .getByTestId('question')
    .filter({ has: panel.locator('.sp-question__meta', { hasText: /^(text|textarea)\b/ }) })
    .filter({ has: panel.getByText('confident', { exact: true }) })
    .first();
  // Pin the question by its field id: once edited, the answer is a draft and no longer "confident".
  const fid = await candidate.getAttribute('data-fid');
  const question = panel.locator(`[data-testid=question][data-fid="${fid}"]`);
  await question.getByRole('button').first().click();
  await question.getByText('Citations').first().click();
  const entryId = (await question.locator('.cw-citations .cw-mono').first().innerText()).trim();
  expect(entryId).not.toBe('');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Search entries').fill(entryId);
  await expect(options.getByTestId('entry-row')).toHaveCount(1);
  await options.getByTestId('entry-row').getByRole('button').click();
  const answer = options.getByRole('textbox', { name: /^Answer/ });
  await answer.fill(`${await answer.inputValue()} Reviewed in the e2e edit test.`);
  // The entry was approved: the editor says the changed words make it a draft until approved again.
  await expect(options.getByText('Saving these changes makes it a draft')).toBeVisible();
  await options.getByRole('button', { name: 'Save as draft' }).click();
  await expect(options.getByText(/Saved as a draft \(the approved words changed\): now version \d+/)).toBeVisible();
  await expect(
    options.getByRole('complementary', { name: 'Edit entry' }).getByText('draft', { exact: true }),
  ).toBeVisible();
  await expect(options.getByRole('complementary', { name: 'Edit entry' }).getByText(/^v2$/)).toBeVisible();

  // No reload: the panel follows the library and re-checks its answers; the suggestion now cites version 2.
  await expect(question.locator('.cw-citations')).toContainText(`${entryId} v2`, { timeout: 15_000 });
  await expect(question).toContainText('Reviewed in the e2e edit test.');
});

test('CSV import through the wizard: row errors reported, valid rows committed', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#import`);
  const csv = [
    'Question,Answer,Owner',
    '"Do you rotate the e2e wizard signing keys yearly?","Yes. Signing keys are rotated every year by the platform team.",Platform Team',
    '"Is the e2e wizard backup encrypted?",,Platform Team',
    '"Do you test the e2e wizard restore quarterly?","Yes. Restores are rehearsed every quarter.",Platform Team',
  ].join('\n');
  await options
    .getByLabel('Library file')
    .setInputFiles({ name: 'answers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const review = options.getByTestId('import-review');
  await expect(review).toBeVisible();
  await expect(review.getByText('1 rejected')).toBeVisible();
  await expect(review.getByRole('table', { name: 'Rejected rows' })).toContainText('3');
  // The file does not say who may receive the answers: the wizard asks before anything can be imported.
  await review.getByLabel('Drafts: suggested, never filled, until someone approves them').check();
  await review.getByLabel('Internal use only').check();
  // All-or-nothing by default: with a rejected row the plain import is not offered.
  await expect(review.getByRole('button', { name: /^Import 2 answers$/ })).toBeDisabled();
  await review.getByRole('button', { name: 'Import only the 2 valid records' }).click();
  await expect(options.getByTestId('import-result')).toBeVisible();

  await options.getByRole('tab', { name: 'Entries' }).click();
  await options.getByLabel('Search entries').fill('e2e wizard');
  await expect(options.getByTestId('entry-row')).toHaveCount(2);
});
