import path from 'node:path';
import { test as base, type BrowserContext, type Worker } from '@playwright/test';
import { extensionIdOf, launchWithExtension } from '../../lib/cli/chromium';
import { pickDemoLibrary } from '../../lib/cli/first-run';
import { serveDirectory } from '../../lib/cli/static-server';

type TestFixtures = {
  /** How the library starts: 'demo' (chosen on the first-run screen, the default) or 'first-run' (untouched). */
  startLibrary: 'demo' | 'first-run';
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
};
type WorkerFixtures = { fixturesURL: string };

export const FIXTURES_DIR = path.resolve('test/fixtures');

export const test = base.extend<TestFixtures, WorkerFixtures>({
  // test/fixtures served on 127.0.0.1:<random port>.
  fixturesURL: [
    async ({}, use) => {
      const server = await serveDirectory(FIXTURES_DIR);
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  startLibrary: ['demo', { option: true }],
  // Its own timeout: on a busy machine launching and loading the demo library takes a while, and that time
  // should not eat into the test's.
  context: [
    async ({ startLibrary }, use) => {
      const context = await launchWithExtension({ headless: process.env.HEADED !== '1' });
      if (startLibrary === 'demo') await pickDemoLibrary(context, await extensionIdOf(context));
      await use(context);
      await context.close();
    },
    { scope: 'test', timeout: 90_000 },
  ],
  serviceWorker: async ({ context }, use) => {
    let [sw] = context.serviceWorkers();
    if (!sw) sw = await context.waitForEvent('serviceworker');
    await use(sw);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
});

export const expect = test.expect;

/**
 * The extension API as a page.evaluate callback in an extension page or the service worker sees it (typed only
 * as far as the specs use it; the test process has no `chrome` types).
 */
export type ExtensionGlobal = typeof globalThis & {
  chrome: {
    runtime: {
      sendMessage(message: unknown): Promise<unknown>;
      getManifest(): { permissions?: string[]; host_permissions?: string[]; optional_host_permissions?: string[] };
    };
  };
};
