// "Answer a spreadsheet" in the built extension: drop a HECVAT-style workbook (a protected question sheet, hidden
// helper columns, Yes/No/N/A lists), check the sheets and columns found, correct a column, fill answers in the
// side panel's cards, download the answered copy (only the filled cells differ, part by part), and find the fills
// in the review page with the workbook as the questionnaire. A file that is not a workbook gets a clear error.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import * as XLSX from '@e965/xlsx';
import { compareParts } from '../fixtures/sheets/compare-parts';
import { hecvat } from '../fixtures/sheets/layouts';
import { expect, test } from './fixtures';

async function openPage(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/spreadsheet.html`);
  await expect(page.getByRole('heading', { name: 'Answer a spreadsheet' })).toBeVisible();
}

test('a workbook answered in place: detect, correct, fill, download, review', async ({
  context,
  extensionId,
}, testInfo) => {
  test.setTimeout(180_000);
  const layout = hecvat();
  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await openPage(page, extensionId);
  await page.getByTestId('workbook-input').setInputFiles({
    name: layout.fileName,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(layout.bytes),
  });

  // Sheets as detected: the question sheet with its count, protected; the instructions sheet without questions.
  const full = page.locator('[data-testid="sheet"][data-sheet="HECVAT Full"]');
  await expect(full).toHaveAttribute('data-status', 'questions');
  await expect(full.getByText('protected', { exact: true })).toBeVisible();
  const fullCount = layout.expected.filter((e) => e.sheet === 'HECVAT Full').length;
  await expect(full.getByTestId('sheet-count')).toHaveText(`${fullCount} questions`);
  await expect(full.locator('dd[data-role="question"]')).toHaveText('B');
  await expect(full.locator('dd[data-role="answer"]')).toHaveText('C');
  await expect(full.locator('dd[data-role="comment"]')).toHaveText('D');
  const summary = page.getByTestId('summary');
  await expect(summary).toHaveAttribute('data-detected', String(layout.expected.length));
  await expect(summary).toHaveAttribute('data-phase', 'ready', { timeout: 60_000 });
  await page.screenshot({ path: testInfo.outputPath('spreadsheet-detected.png'), fullPage: false });

  // A correction: column D is not a comment column after all. Detection runs again; then undo the correction.
  await full.getByRole('button', { name: 'Correct' }).click();
  await full.getByLabel('Role of column D').selectOption('ignore');
  await page.screenshot({ path: testInfo.outputPath('spreadsheet-correct.png'), fullPage: false });
  await full.getByRole('button', { name: 'Apply' }).click();
  await expect(full.getByText('corrected', { exact: true })).toBeVisible();
  await expect(full.locator('dd[data-role="comment"]')).toHaveCount(0);
  await full.getByRole('button', { name: 'Correct' }).click();
  await full.getByRole('button', { name: 'Undo corrections' }).click();
  await expect(full.locator('dd[data-role="comment"]')).toHaveText('D');
  await expect(summary).toHaveAttribute('data-phase', 'ready', { timeout: 60_000 });

  // Fill: every confident answer the policy lets through, else the first suggestion by hand.
  const fillAll = page.getByRole('button', { name: /Fill all confident \(\d+\)/ });
  const planned = Number(/\((\d+)\)/.exec((await fillAll.textContent()) ?? '')?.[1] ?? 0);
  if (planned > 0) {
    await fillAll.click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^Fill \d+ field/ })
      .click();
    await expect(page.getByTestId('fill-done')).toContainText('download the answered workbook');
  }
  // A card whose Fill the policy allows without asking (its button reads exactly "Fill" and is enabled).
  await page.locator('[data-testid="question"][data-status="open"] button:text-is("Fill"):enabled').first().click();
  await expect.poll(async () => Number(await summary.getAttribute('data-filled'))).toBeGreaterThan(planned > 0 ? 1 : 0);
  const filled = Number(await summary.getAttribute('data-filled'));
  await page.screenshot({ path: testInfo.outputPath('spreadsheet-filled.png'), fullPage: false });

  // Download: the answered copy differs from the original only in the cells written.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download answered workbook' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(layout.fileName.replace(/\.xlsx$/, ' (answered).xlsx'));
  const out = new Uint8Array(fs.readFileSync(await download.path()));
  const diff = compareParts(layout.bytes, out);
  expect(diff.added).toEqual([]);
  expect(diff.removed).toEqual([]);
  expect(diff.otherChanges).toEqual([]);
  const changed = [...diff.cells.values()].flatMap((m) => [...m.keys()]);
  const message = (await page.getByTestId('downloaded').textContent()) ?? '';
  expect(message).toContain(`${changed.length} cell`);
  expect(changed.length).toBeGreaterThanOrEqual(filled);
  // Every changed cell is an answer or comment cell (columns C and D) of a question row; the rest is as it was.
  for (const ref of changed) expect(ref).toMatch(/^[CD]\d+$/);
  // Read back by another reader (SheetJS): a choice cell holds one of its list's options, a text cell the answer.
  const wb = XLSX.read(out, { type: 'array' });
  for (const ref of changed.filter((r) => r.startsWith('C'))) {
    const value = String((wb.Sheets['HECVAT Full']![ref] as XLSX.CellObject).v);
    const expected = layout.expected.find((e) => e.sheet === 'HECVAT Full' && e.answerCell === ref)!;
    if (expected.kind === 'choice') expect(['Yes', 'No']).toContain(value);
    else expect(value.length).toBeGreaterThan(20);
  }

  // The fills are in the review ledger with the workbook as the questionnaire.
  const [review] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('link', { name: 'Review the answers' }).click(),
  ]);
  await expect(review.locator('.cw-review-item').first()).toBeVisible({ timeout: 30_000 });
  await expect(review.locator(`option[value="${layout.fileName}|${layout.fileName}"]`)).toBeAttached();
  expect(await review.locator('.cw-review-item').count()).toBeGreaterThanOrEqual(filled);
  await review.screenshot({ path: testInfo.outputPath('spreadsheet-review.png'), fullPage: false });
});

test('a file that is not a workbook gets a clear error and nothing else', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openPage(page, extensionId);
  await page.getByTestId('workbook-input').setInputFiles({
    name: 'questionnaire.xlsx',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'),
  });
  await expect(page.getByTestId('workbook-error')).toContainText(/not a|cannot|damaged|zip/i);
  await expect(page.getByTestId('sheet')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Download answered workbook' })).toHaveCount(0);
});
