// Restoring a backup in "replace" mode, as a user does it in Options > Export & backup: the preview names the
// edit made after the backup, the restore keeps an automatic backup of the library as it was, and a backup
// whose answer was edited in the file is refused with the reason.
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

test('replace preview names later edits, keeps a restore point, and refuses an edited backup', async ({
  context,
  extensionId,
}, testInfo) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('tab', { name: 'Export & backup' }).click();
  const downloaded = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Download backup' }).click();
  const backupPath = testInfo.outputPath('backup.json');
  await (await downloaded).saveAs(backupPath);
  const backup = JSON.parse(await readFile(backupPath, 'utf8')) as {
    entries: { id: string; answer: string }[];
    entryVersions: { id: string; version: number; record: { answer: string } }[];
  };

  // An edit made after the backup.
  await options.getByRole('tab', { name: 'Entries' }).click();
  await options.getByTestId('entry-row').first().getByRole('button').click();
  const answer = options.getByRole('textbox', { name: /^Answer/ });
  await answer.fill(`${await answer.inputValue()} Edited after the backup.`);
  // The demo's answers are approved, so changing the words saves a draft until someone re-approves it.
  await options.getByRole('button', { name: /^Save (new version|as draft)$/ }).click();
  await expect(options.getByText(/^Saved.*: now version \d+/)).toBeVisible();

  await options.getByRole('tab', { name: 'Export & backup' }).click();
  await options.getByLabel('Restore: replace this library').setInputFiles(backupPath);
  const preview = options.getByTestId('restore-preview');
  await expect(preview).toContainText('Replace preview');
  await expect(preview).toContainText(/Entries: 0 added, 1 replaced by the backup's copy, 0 deleted, \d+ kept/);
  await expect(preview).toContainText('Changed in this library after the backup was made');
  await expect(preview).toContainText('Saved versions of entries: 1 deleted');
  await expect(options.getByTestId('restore-point-note')).toBeVisible();
  await options.screenshot({ path: testInfo.outputPath('restore-preview.png'), fullPage: true });
  await preview.getByRole('button', { name: 'Restore now' }).click();
  await expect(
    options.getByText(/Restored: 0 entries added, 1 replaced, 0 deleted\. The library as it was/),
  ).toBeVisible();
  await expect(options.getByTestId('restore-points')).toContainText('Before restoring the backup made');

  // The same backup with one answer edited in both places it appears: refused by its content hash.
  const target = backup.entries[0]!;
  target.answer = 'No.';
  const row = backup.entryVersions.find((v) => v.id === target.id && v.record.answer !== 'No.');
  for (const v of backup.entryVersions) if (v.id === target.id) v.record.answer = 'No.';
  expect(row).toBeDefined();
  await options.getByLabel('Restore: replace this library').setInputFiles({
    name: 'edited.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  });
  await expect(preview).toContainText('This backup cannot be restored');
  await expect(preview).toContainText(`"${target.id}" version`);
  await expect(preview).toContainText('does not match its content hash');
  await expect(preview.getByRole('button', { name: 'Restore now' })).toHaveCount(0);
  await options.screenshot({ path: testInfo.outputPath('restore-refused.png'), fullPage: true });
});
