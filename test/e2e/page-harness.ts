// Shared Playwright setup for the page-understanding specs: a plain Chromium (no extension needed to test
// DOM logic), the fixtures served on loopback, and lib/page injected as window.__crosswalkPage.
import { test as base, chromium, type Browser, type Page } from '@playwright/test';
import path from 'node:path';
import { findChromium } from '../../lib/cli/chromium';
import { serveDirectory } from '../../lib/cli/static-server';
import { injectPage } from './page-bundle';
import type * as PageModule from '../../lib/page/index';

type Workers = { pwBrowser: Browser; fixturesBase: string; dataBase: string };

/** A worker fixture serving `dir` on loopback; its value is the base URL. */
const served =
  (dir: string) =>
  async ({}, use: (url: string) => Promise<void>): Promise<void> => {
    const server = await serveDirectory(path.resolve(dir));
    await use(server.url);
    await server.close();
  };

export const test = base.extend<{ open: (name: string) => Promise<Page> }, Workers>({
  pwBrowser: [
    async ({}, use) => {
      const b = await chromium.launch({
        executablePath: findChromium(),
        args: ['--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'],
      });
      await use(b);
      await b.close();
    },
    { scope: 'worker' },
  ],
  fixturesBase: [served('test/fixtures'), { scope: 'worker' }],
  // data/ (the demo questionnaire), served only for the specs that ask for it.
  dataBase: [served('data'), { scope: 'worker' }],
  open: async ({ pwBrowser, fixturesBase }, use) => {
    const pages: Page[] = [];
    await use(async (name: string) => {
      const page = await pwBrowser.newPage();
      pages.push(page);
      await page.goto(`${fixturesBase}/${name}`);
      await injectPage(page);
      return page;
    });
    for (const p of pages) await p.close();
  },
});

export const expect = test.expect;

/** Types of the injected API, for page.evaluate callbacks. */
export type PageApi = typeof PageModule;
export type Win = Window & {
  __crosswalkPage: PageApi;
  __log: { type: string; id: string }[];
  __committed: Record<string, string>;
} & Record<string, unknown>;
