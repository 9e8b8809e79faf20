// A new user's first hour, in the built extension: a team's own library of 160 answers (written by others, in
// the columns a team keeps: ID, Question, Answer, Short answer, Category, Owner, Controls, Last reviewed) goes in
// through the import wizard as it is, approved for customers under NDA, and its answers are suggested on a
// questionnaire of real questions. Every user action from "open the library page" to "suggestions shown" is
// counted: at most 8.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { serveDirectory, type StaticServer } from '../../lib/cli/static-server';
import { openPanelFor } from '../../lib/cli/toolbar-click';
import { sharedPath } from '../shared-data';
import { expect, test } from './fixtures';

const LIBRARY = sharedPath('data/retrieval-dev/tidewater-library.csv');
const QUESTIONS = sharedPath('data/retrieval-dev/tidewater-questions.json');

interface DevQuestion {
  id: string;
  source: string;
  question: string;
  kind: 'answerable' | 'unanswerable';
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A plain questionnaire page of the dev set's questions (the first answerable ones of each source, unedited). */
function questionnaire(): string {
  const all = JSON.parse(readFileSync(QUESTIONS, 'utf8')) as DevQuestion[];
  const picked = ['google-vsaq', 'nist-sp800-171r2', 'g-cloud-13'].flatMap((s) =>
    all.filter((q) => q.source === s && q.kind === 'answerable').slice(0, 5),
  );
  const fields = picked
    .map(
      (q, i) =>
        `<div class="q"><label for="q${i}">${escapeHtml(q.question)}</label><textarea id="q${i}" name="${escapeHtml(q.id)}" rows="3"></textarea></div>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vendor security questionnaire</title></head>
<body><h1>Vendor security questionnaire</h1><form>${fields}</form></body></html>`;
}

let site: StaticServer;
test.beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crosswalk-tidewater-'));
  writeFileSync(path.join(dir, 'questionnaire.html'), questionnaire());
  site = await serveDirectory(dir);
});
test.afterAll(async () => {
  await site.close();
});

test.use({ startLibrary: 'first-run' });
// Importing, indexing 160 answers and matching a page take a while on a busy machine.
test.setTimeout(180_000);

test('Tidewater CSV through the wizard as approved, under NDA: suggestions on a questionnaire in at most 8 actions', async ({
  context,
  extensionId,
}) => {
  const actions: string[] = [];
  const act = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    actions.push(what);
    return fn();
  };

  const options = await context.newPage();
  await act('open the library page', () => options.goto(`chrome-extension://${extensionId}/options.html`));
  await act('start with my answers: choose the file', () =>
    options.getByLabel('Choose a file of your answers').setInputFiles(LIBRARY),
  );
  const review = options.getByTestId('import-review');
  await expect(review.getByTestId('import-preview')).toContainText('160 new');
  await expect(review.getByTestId('import-preview')).toContainText('0 rejected');
  // The file's own ID column is the entry id; nothing asks about columns the file has.
  await expect(review.getByText('“ID” is the entry id')).toBeVisible();
  await expect(review.getByRole('button', { name: 'Import 160 answers' })).toBeDisabled();

  await act('choose "Approved"', () => review.getByLabel('Approved', { exact: true }).check());
  await act('choose "Customers under NDA"', () => review.getByLabel('Customers under NDA').check());
  await expect(review.getByTestId('import-outcome')).toHaveText(
    '160 answers will be suggested, and may be auto-filled, for customers under NDA.',
  );
  await act('import', () => review.getByRole('button', { name: 'Import 160 answers' }).click());
  await expect(options.getByTestId('import-result')).toContainText('160 added');

  const page = await context.newPage();
  await act('open the questionnaire', () => page.goto(`${site.url}/questionnaire.html`));
  const { panel } = await act('press the Crosswalk toolbar button', () => openPanelFor(context, page, extensionId));
  await expectSuggestionsFromTidewater(panel);

  expect(actions.length, `actions: ${actions.join(' → ')}`).toBeLessThanOrEqual(8);

  // The choice is in each entry's history, and the entries are what the user chose.
  await options.getByRole('tab', { name: 'Entries' }).click();
  await options.getByLabel('Search entries').fill('TW-001');
  await options.getByTestId('entry-row').getByRole('button').click();
  const editor = options.getByRole('complementary', { name: 'Edit entry' });
  await expect(editor.getByText('approved', { exact: true })).toBeVisible();
  await expect(editor.getByTestId('history-version').first()).toContainText(
    'Imported from tidewater-library.csv; for rows without these columns: approved on',
  );
  await expect(editor.getByTestId('history-version').first()).toContainText('for customers under NDA');
});

async function expectSuggestionsFromTidewater(panel: Page): Promise<void> {
  const summary = panel.getByTestId('summary');
  await expect(summary).toHaveAttribute('data-suggested', /^[1-9]\d*$/, { timeout: 30_000 });
  // A suggestion cites a Tidewater entry (TW-…), not anything else. Weak matches ("no good match") keep their
  // entries folded away, so the first card with a real suggestion is the one to open.
  const suggested = panel
    .getByTestId('question')
    .filter({ hasNot: panel.getByTestId('abstain') })
    .filter({ hasNot: panel.getByTestId('weak') });
  await suggested.first().getByRole('button').first().click();
  await suggested.first().getByText('Citations').first().click();
  await expect(suggested.first().locator('.cw-citations')).toContainText(/TW-\d{3}/);
}
