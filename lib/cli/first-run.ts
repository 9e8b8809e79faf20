// Node-only: choose how a fresh browser profile's library starts, through the library page's first-run screen,
// as a user would. `npm run demo` and the e2e fixture pick the demo library this way (the extension never
// seeds it on its own).
import type { BrowserContext } from '@playwright/test';

export async function pickDemoLibrary(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.getByRole('button', { name: 'Try the demo library' }).click({ timeout: 20_000 });
    // The entries table shows once the demo is written.
    await page
      .getByTestId('entry-count')
      .filter({ hasText: /^[1-9]\d* of / })
      .waitFor({ timeout: 30_000 });
  } finally {
    await page.close();
  }
}
