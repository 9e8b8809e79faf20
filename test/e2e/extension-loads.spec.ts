import { test, expect, type ExtensionGlobal } from './fixtures';

test('the built extension loads with no host permission at install', async ({ serviceWorker }) => {
  const manifest = await serviceWorker.evaluate(() => (globalThis as ExtensionGlobal).chrome.runtime.getManifest());
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting', 'storage']));
  expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
});
