import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extensionIdOf, launchWithExtension } from '../../lib/cli/chromium';
import { pickDemoLibrary } from '../../lib/cli/first-run';
import { serveDirectory } from '../../lib/cli/static-server';
import { clickToolbarButton, openPanelFor } from '../../lib/cli/toolbar-click';
import { buildLongQuestionnaire } from './panel/long-questionnaire';

const out = '/tmp/h14shots';
const long = buildLongQuestionnaire(fs.readFileSync('data/demo-questionnaire.html', 'utf8'), 403);
const dir = fs.mkdtempSync(path.join(tmpdir(), 'h14shots-'));
fs.writeFileSync(path.join(dir, 'long.html'), long.html);
fs.copyFileSync('data/demo-questionnaire.html', path.join(dir, 'demo.html'));
const server = await serveDirectory(dir);
const context = await launchWithExtension();
const id = await extensionIdOf(context);
await pickDemoLibrary(context, id);
const [sw] = context.serviceWorkers();
// 1. panel on the long page: held line, compact cards
const page = await context.newPage();
await page.goto(`${server.url}/long.html`);
const { panel } = await openPanelFor(context, page, id);
await panel.getByRole('button', { name: /Fill all confident \(\d+\)/ }).waitFor({ timeout: 120000 });
await panel.waitForTimeout(1500);
await panel.screenshot({ path: `${out}/1-held.png` });
await panel.getByTestId('held').getByRole('button', { name: 'Set it' }).click();
await panel.waitForTimeout(4000);
await panel.screenshot({ path: `${out}/2-after-set.png` });
await panel.getByRole('button', { name: /Fill all confident \(\d+\)/ }).click();
await panel.getByRole('dialog').getByRole('button', { name: /^Fill \d+ field/ }).click();
await panel.getByTestId('fill-done').waitFor({ timeout: 120000 });
await panel.waitForTimeout(1000);
await panel.screenshot({ path: `${out}/3-filled.png` });
// filter: filled
const filledFilter = panel.getByRole('button', { name: /^Filled/ }).or(panel.getByRole('radio', { name: /^Filled/ }));
if (await filledFilter.count()) { await filledFilter.first().click(); await panel.waitForTimeout(800); }
await panel.screenshot({ path: `${out}/4-filled-filter.png` });
// 2. page dialog on the demo page
const demo = await context.newPage();
await demo.setViewportSize({ width: 1100, height: 800 });
await demo.goto(`${server.url}/demo.html`);
await clickToolbarButton(context, demo, id);
await demo.locator('#q1_3').focus();
const fire = (how: string) => sw!.evaluate(`chrome.tabs.query({}).then((tabs) => { const tab = tabs.find((t) => t.url === ${JSON.stringify(demo.url())});
  ${how === 'shortcut' ? "chrome.commands.onCommand.dispatch('fill-focused', tab);" : "chrome.contextMenus.onClicked.dispatch({ menuItemId: 'crosswalk-fill-field', editable: true }, tab);"} })`);
await fire('shortcut');
const dialog = demo.locator('crosswalk-dialog');
await dialog.getByRole('dialog').waitFor({ timeout: 60000 });
await demo.waitForTimeout(500);
await demo.screenshot({ path: `${out}/5-ask-context.png` });
await dialog.getByLabel('Questionnaire name').fill('Harbor review');
await dialog.getByLabel('Recipient (customer)').fill('Harbor Mutual Financial');
await dialog.getByRole('button', { name: 'Use for this page' }).click();
await demo.waitForTimeout(4000);
await demo.screenshot({ path: `${out}/6-after-shortcut.png` });
if (await dialog.getByRole('dialog').count()) { await dialog.getByRole('button').last().click().catch(() => {}); }
await demo.locator('#q1_3').selectOption('Every 2 years');
await demo.locator('#q1_3').focus();
await fire('context-menu');
await dialog.getByRole('dialog').waitFor({ timeout: 60000 });
await demo.waitForTimeout(500);
await demo.screenshot({ path: `${out}/7-confirm-replace.png` });
await context.close();
await server.close();
