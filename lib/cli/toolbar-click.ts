// Press the extension's toolbar button on a tab, as a user would: Chromium then grants activeTab on that
// tab (and opens the side panel). Headless browsers have no toolbar, so this goes through CDP's
// Extensions.triggerAction, which needs --enable-unsafe-extension-debugging (launchWithExtension sets it).
import type { BrowserContext, Page, Worker } from '@playwright/test';

export async function clickToolbarButton(context: BrowserContext, page: Page, extensionId: string): Promise<void> {
  const browser = context.browser();
  if (!browser)
    throw new Error(
      'No browser handle for this context: launch it with launchWithExtension() from lib/cli/chromium.ts.',
    );
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const url = page.url();
    const tab = targetInfos.filter((t) => t.type === 'tab' && t.url === url).at(-1);
    if (!tab)
      throw new Error(
        `No browser tab shows ${url}. Open the page with context.newPage() and wait for it to load first.`,
      );
    await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The browser's id for a page's tab (what chrome.tabs calls tab.id), read in an extension context. */
export async function tabIdOf(
  extension: Pick<Page, 'evaluate'> | Pick<Worker, 'evaluate'>,
  url: string,
  timeoutMs = 5000,
): Promise<number> {
  // The activeTab grant lands a moment after the click; until then the tab's URL is hidden from us.
  let id: number | null = null;
  for (let attempt = 0; attempt < timeoutMs / 100 && id === null; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 100));
    // A string, not a function: test runners and tsx may rewrite a function's source before it is sent.
    id = await (extension as Pick<Page, 'evaluate'>).evaluate<number | null>(
      `chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(url)})?.id ?? null)`,
    );
  }
  if (id === null)
    throw new Error(
      `Could not find the tab for ${url}: press the toolbar button on it first (clickToolbarButton) so Crosswalk may see it.`,
    );
  return id;
}

/**
 * Open the side panel page as a tab aimed at `page` (sidePanel.open needs a real gesture, so tests and the
 * demo use `sidepanel.html?tab=<id>`), after pressing the toolbar button on `page` to grant activeTab.
 */
export async function openPanelFor(
  context: BrowserContext,
  page: Page,
  extensionId: string,
  width = 400,
): Promise<{ panel: Page; tabId: number }> {
  let [sw] = context.serviceWorkers();
  sw ??= await context.waitForEvent('serviceworker');
  // A click that lands while the browser is still settling the new tab is sometimes dropped (about 1 in 5 in
  // headless Chromium 156): click again, as a user would, when no grant follows.
  let tabId: number | undefined;
  for (let attempt = 1; tabId === undefined; attempt++) {
    await clickToolbarButton(context, page, extensionId);
    try {
      tabId = await tabIdOf(sw, page.url(), attempt < 3 ? 1500 : 5000);
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
  const panel = await context.newPage();
  await panel.setViewportSize({ width, height: 900 });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  return { panel, tabId };
}
