// The review page in the built extension: a questionnaire's answers with an edit made on the page and a
// stale entry, the "needs attention" filter, a decision, sign-off, and the CSV / HTML report downloads.
// The ledger is seeded through IndexedDB in the extension's origin with records built by lib/review itself
// (the side panel writes the same records when it fills; see review-flow notes in the review report).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { AnswerEntry, type AnswerEntryInput } from '../../lib/library/schema';
import { checkEdit } from '../../lib/review/edit-check';
import { saveReviewReport } from '../../lib/cli/report-download';
import { FillRecord, questionnaireKey, type FillRecordInput } from '../../lib/review/schema';
import { expect, test } from './fixtures';

const T = '2025-01-01T00:00:00.000Z';
const url = 'http://127.0.0.1:9/vendor-form.html';
const qid = questionnaireKey(url, 'E2E vendor review');

function entry(over: Partial<AnswerEntryInput>): AnswerEntry & { controlKeys: string[] } {
  const e = AnswerEntry.parse({
    owner: 'Dana (Security)',
    status: 'approved',
    reuse: { level: 'public' },
    createdAt: T,
    updatedAt: T,
    version: 1,
    answer: 'x',
    question: 'x',
    ...over,
  });
  return { ...e, controlKeys: e.controls.map((c) => `${c.framework}|${c.id}`) };
}

function fill(over: Partial<FillRecordInput>): FillRecord {
  return FillRecord.parse({
    questionnaire: {
      id: qid,
      origin: 'http://127.0.0.1:9',
      url,
      pageTitle: 'Vendor form',
      name: 'E2E vendor review',
      recipient: 'Acme Corp',
    },
    fieldKind: 'textarea',
    action: 'fill',
    confidence: 0.9,
    owner: 'Dana (Security)',
    ...over,
  });
}

const staleEntry = entry({
  id: 'e2e-stale',
  question: 'How often are encryption keys rotated?',
  answer: 'Keys rotate every 90 days.',
  reviewBy: '2020-01-01',
  controls: [{ framework: 'iso27001:2022', id: 'A.8.24' }],
});
const okEntry = entry({
  id: 'e2e-ok',
  question: 'Do you run background checks on new staff?',
  answer: 'Yes, before their start date.',
  shortAnswer: 'Yes',
});
const records = [
  fill({
    id: 'fill-e2e-1',
    fid: 'f1',
    question: 'How often do you rotate encryption keys?',
    entryId: 'e2e-stale',
    entryVersion: 1,
    value: 'Keys rotate every 90 days.',
    controls: [{ framework: 'iso27001:2022', id: 'A.8.24', title: 'Use of cryptography' }],
    at: '2025-06-15T10:00:00.000Z',
    edit: checkEdit('Keys rotate every 90 days.', 'Keys rotate every 30 days.'),
  }),
  fill({
    id: 'fill-e2e-2',
    fid: 'f2',
    question: 'Background checks?',
    entryId: 'e2e-ok',
    entryVersion: 1,
    value: 'Yes, before their start date.',
    at: '2025-06-15T10:01:00.000Z',
  }),
];

test('review page shows the edit and the stale entry, records decisions and exports the report', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/review.html`);
  await page.getByRole('button', { name: 'Export CSV' }).waitFor();
  // Seed in the extension origin: the page has opened (and so created/upgraded) the library database.
  await page.evaluate(
    async ({ entries, records }) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('crosswalk');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error ?? new Error('indexedDB.open failed'));
      });
      const tx = db.transaction(['entries', 'entryVersions', 'reviewLedger'], 'readwrite');
      for (const e of entries) {
        tx.objectStore('entries').put(e);
        const { controlKeys: _k, ...record } = e;
        tx.objectStore('entryVersions').put({ id: e.id, version: 1, savedAt: e.updatedAt, reason: 'create', record });
      }
      for (const r of records) tx.objectStore('reviewLedger').put(r);
      await new Promise((res, rej) => {
        tx.oncomplete = res;
        tx.onerror = () => rej(tx.error ?? new Error('the seeding transaction failed'));
      });
      db.close();
    },
    { entries: [staleEntry, okEntry], records },
  );
  await page.goto(`chrome-extension://${extensionId}/review.html?q=${encodeURIComponent(qid)}`);

  const stale = page.locator('article[data-record="fill-e2e-1"]');
  await expect(stale).toBeVisible();
  await expect(stale.getByTestId('edited')).toContainText('Keys rotate every');
  await expect(stale.locator('del')).toHaveText(/90/);
  await expect(stale.locator('ins')).toHaveText(/30/);
  await expect(stale.locator('[data-flag="entry-stale"]')).toContainText('due for review on 2020-01-01');
  await expect(stale.locator('[data-flag="edited-after-fill"]')).toBeVisible();

  await page.getByLabel('Reviewer').fill('Sam Reviewer');
  const ok = page.locator('article[data-record="fill-e2e-2"]');
  await ok.getByRole('button', { name: 'Approve' }).click();
  await expect(ok).toContainText('Approved by Sam Reviewer');
  await page.getByLabel(/Needs attention/).check();
  await expect(page.locator('article[data-record]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Sign off questionnaire' }).click();
  await expect(page.getByText(/Signed off by Sam Reviewer/).first()).toBeVisible();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-review-'));
  const csv = await saveReviewReport(context, extensionId, path.join(dir, 'report.csv'), qid);
  const rows = Papa.parse<Record<string, string>>(csv.replace(/^\ufeff/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
  expect(
    rows.map((r) => [r['Question'], r['Source entry'], r['Entry version'], r['Edited after fill'], r['Decision']]),
  ).toEqual([
    ['How often do you rotate encryption keys?', 'e2e-stale', '1', 'yes', 'pending'],
    ['Background checks?', 'e2e-ok', '1', 'not checked', 'approved'],
  ]);
  expect(rows[0]!['Flags']).toMatch(/past review date/);
  expect(rows[0]!['Current value on page']).toBe('Keys rotate every 30 days.');
  expect(rows[0]!['ISO/IEC 27001:2022 controls']).toBe('A.8.24 Use of cryptography');

  const html = await saveReviewReport(context, extensionId, path.join(dir, 'report.html'), qid);
  expect(html).toContain('Signed off by Sam Reviewer');
  expect(html).toContain('How often do you rotate encryption keys?');
  fs.rmSync(dir, { recursive: true, force: true });
});
