// Bundle lib/page into one IIFE (window.__crosswalkPage) for Playwright tests and the page benchmark.
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from '@playwright/test';

let cached: Promise<string> | undefined;

export function pageBundle(): Promise<string> {
  cached ??= build({
    entryPoints: [path.resolve('lib/page/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__crosswalkPage',
    platform: 'browser',
    target: 'chrome110',
    write: false,
    minify: false,
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return cached;
}

/** Inject the bundle into the page (and, when given, into a frame). */
export async function injectPage(page: Page): Promise<void> {
  await page.addScriptTag({ content: await pageBundle() });
}

/** Minified size of a bundle of `entry` (bytes), for the size budget. */
export async function minifiedSize(entry: string, define: Record<string, string> = {}): Promise<number> {
  const r = await build({
    entryPoints: [path.resolve(entry)],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    logLevel: 'silent',
    platform: 'browser',
    define,
  });
  return r.outputFiles[0]!.contents.byteLength;
}
