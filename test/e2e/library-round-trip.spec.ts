// #13 as a user does it in the library page of the built extension: export the 175 demo entries as CSV, XLSX and
// JSON and import each file back unchanged (nothing to import, no new version anywhere); a row that nearly repeats
// an entry is held back and decided in the wizard's report; and a bulk approval of a filtered selection.
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

async function exportFile(options: Page, format: 'CSV' | 'XLSX' | 'JSON') {
  await options.getByRole('tab', { name: 'Export & backup' }).click();
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: `Export ${format}` }).click(),
  ]);
  // Saved under its own name: the wizard reads the format from the file name, as it does for a user's file.
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

test('an unchanged export imports as a no-op, in CSV, XLSX and JSON', async ({ context, extensionId }) => {
  test.setTimeout(240_000); // three exports and three imports of 175 entries on a busy machine
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('entry-row').first()).toBeVisible();
  for (const format of ['CSV', 'XLSX', 'JSON'] as const) {
    const file = await exportFile(options, format);
    await options.getByRole('tab', { name: 'Import' }).click();
    await options.getByLabel('Library file').setInputFiles(file);
    const preview = options.getByTestId('import-preview');
    await expect(preview).toBeVisible();
    await expect(preview.getByText('175 unchanged')).toBeVisible();
    for (const none of ['0 new', '0 changed', '0 held back', '0 rejected'])
      await expect(preview.getByText(none, { exact: true })).toBeVisible();
    await expect(
      options.getByRole('button', { name: 'Nothing to import: the library already has every row' }),
    ).toBeDisabled();
    await options.screenshot({
      path: test.info().outputPath(`round-trip-${format.toLowerCase()}.png`),
      fullPage: true,
    });
    await options.goto(`chrome-extension://${extensionId}/options.html`);
  }
  // Still the 175 demo entries, none added.
  await expect(options.getByTestId('entry-count')).toHaveText('175 of 175 entries');
});

test('a near-repeat is held back, listed in the report and accepted there', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#import`);
  const csv = [
    'Question,Answer,Owner',
    '"Is customer data encrypted at rest?","Yes. Customer data is encrypted at rest with AES-256.",Security Team',
    '"Do you run a bug bounty programme for the held-back e2e?","Yes, through a public platform.",Security Team',
  ].join('\n');
  await options
    .getByLabel('Library file')
    .setInputFiles({ name: 'near-repeat.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const preview = options.getByTestId('import-preview');
  await expect(preview.getByText('1 held back')).toBeVisible();
  const review = options.getByTestId('import-review');
  await review.getByLabel('Drafts: suggested, never filled, until someone approves them').check();
  await review.getByLabel('Internal use only').check();
  await options.getByRole('button', { name: /^Import 1 answer$/ }).click();
  const report = options.getByTestId('import-report');
  await expect(report.getByTestId('held-row')).toHaveCount(1);
  await expect(report.getByTestId('held-row')).toContainText('near-repeat.csv row 2');
  await options.screenshot({ path: test.info().outputPath('held-back-report.png'), fullPage: true });
  await report.getByTestId('held-row').getByRole('button', { name: 'Accept' }).click();
  await expect(report.getByText('1 added as new entries.')).toBeVisible();
  await expect(report.getByTestId('held-row')).toHaveCount(0);
});

test('bulk approve of a filtered selection: a new version each, one undo', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Status').selectOption('draft');
  const rows = options.getByTestId('entry-row');
  await expect(rows.first()).toBeVisible();
  const drafts = await rows.count();
  expect(drafts).toBeGreaterThan(0);
  await options.getByLabel(/^Select all \d+ shown$/).check();
  await options.getByRole('button', { name: 'Approve…' }).click();
  await options.getByLabel('Approved by').fill('Dana Reviewer');
  await options.getByLabel('Approved on').fill('2026-03-01');
  await options.screenshot({ path: test.info().outputPath('bulk-approve-form.png'), fullPage: true });
  await options.getByRole('button', { name: `Approve ${drafts}` }).click();
  await expect(
    options.getByText(new RegExp(`Approved ${drafts} (entry|entries) \\(by Dana Reviewer, 2026-03-01\\)`)),
  ).toBeVisible();
  await expect(rows).toHaveCount(0); // none left in the Draft filter
  await options.screenshot({ path: test.info().outputPath('bulk-approve-done.png'), fullPage: true });
  await options.getByRole('button', { name: /^Undo/ }).click();
  await expect(rows).toHaveCount(drafts);
});
