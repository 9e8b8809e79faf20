// Node-only (demo, e2e): get the review report out of a running extension. The ledger lives in the
// extension's IndexedDB, so the report is exported the way a user does it: open the review page, press
// "Export CSV" (or the printable HTML report) and keep the download. Same code path, nothing duplicated.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { buildReviewReport, reportFormatFor, type FillRecord, type ReportOptions } from '../review';

const BUTTON = { csv: 'Export CSV', html: 'Export printable report' } as const;

/**
 * Export the review report of `questionnaireId` (default: the one filled last) from the extension running in
 * `context` into `outPath`; the format follows the extension (.csv or .html). Returns the file's text.
 */
export async function saveReviewReport(
  context: BrowserContext,
  extensionId: string,
  outPath: string,
  questionnaireId?: string,
): Promise<string> {
  const format = reportFormatFor(outPath);
  const page = await context.newPage();
  try {
    await page.goto(
      `chrome-extension://${extensionId}/review.html${questionnaireId ? `?q=${encodeURIComponent(questionnaireId)}` : ''}`,
    );
    const button = page.getByRole('button', { name: new RegExp(`^${BUTTON[format]}`) });
    await button.waitFor({ timeout: 15_000 });
    await page.locator('article[data-record], .cw-empty').first().waitFor({ timeout: 15_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    fs.mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true });
    await download.saveAs(outPath);
    return fs.readFileSync(outPath, 'utf8');
  } finally {
    await page.close();
  }
}

/** When the records are already in hand (tests, scripts): write the report file, format from the extension. */
export function writeReviewReport(
  records: readonly FillRecord[],
  outPath: string,
  opts: Omit<ReportOptions, 'format'> = {},
): void {
  const text = buildReviewReport(records, { ...opts, format: reportFormatFor(outPath) });
  fs.mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true });
  fs.writeFileSync(outPath, text);
}
