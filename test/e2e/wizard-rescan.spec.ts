// Wizards (react-hook-form in an MUI Stepper, one step in the DOM at a time): when the person moves to the next
// step, the side panel notices the new questions and rescans by itself; nobody presses Rescan, and Crosswalk
// never presses Next or Submit itself (the step changes only when the test clicks, as a person would).
import { serveDirectory, type StaticServer } from '../../lib/cli/static-server';
import { openPanelFor } from '../../lib/cli/toolbar-click';
import { buildShapeFixtures, SHAPES_DIST } from './build-shape-fixtures';
import { expect, test } from './fixtures';

let server: StaticServer;
test.beforeAll(async () => {
  await buildShapeFixtures();
  server = await serveDirectory(SHAPES_DIST);
});
test.afterAll(async () => {
  await server.close();
});

test('the panel follows a wizard to its next step without a manual rescan', async ({ context, extensionId }) => {
  test.setTimeout(300_000);
  const page = await context.newPage();
  await page.goto(`${server.url}/dev/wizard.html`);
  await page.waitForFunction(() => !!(window as { __shape?: unknown }).__shape);
  const { panel } = await openPanelFor(context, page, extensionId);
  await expect(panel.getByTestId('summary')).toHaveAttribute('data-phase', 'ready', { timeout: 120_000 });
  const questions = () => panel.getByTestId('question').locator('.sp-question__text').allInnerTexts();
  const step1 = await questions();
  expect(step1.length).toBeGreaterThan(2);

  // The person moves on; the panel is left alone.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect
    .poll(async () => (await questions()).filter((q) => !step1.includes(q)).length, { timeout: 30_000 })
    .toBeGreaterThan(1);
  const step2 = await questions();
  // Step 1 left the DOM, so its questions left the panel; the new step's questions are matched (suggestions shown).
  expect(step2.filter((q) => step1.includes(q))).toEqual([]);
  await expect(panel.getByTestId('summary')).toHaveAttribute('data-phase', 'ready');
  // Still on step 2 of 3: the last step would show Submit instead of Next, had anything pressed Next again.
  await expect(page.getByRole('button', { name: 'Next' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back' })).toBeEnabled();
});
