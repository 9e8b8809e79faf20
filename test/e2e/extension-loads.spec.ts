import { test, expect } from './fixtures';

test('the built extension loads with no host permission at install', async ({ serviceWorker }) => {
  const manifest = await serviceWorker.evaluate(() => (globalThis as any).chrome.runtime.getManifest());
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting', 'storage']));
  expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
});
