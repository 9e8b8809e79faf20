// Node-only helpers shared by the demo command, the e2e fixture and the page benchmark:
// find the system Chromium and launch it with the built extension, sealed off from the network.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';

export const EXTENSION_DIR = path.resolve(process.env.EXTENSION_PATH ?? '.output/chrome-mv3');

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/lib/chromium/chromium',
];

/** CHROME_PATH wins; otherwise the first Chromium found on the system. */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv))
      throw new Error(`CHROME_PATH points to ${fromEnv}, which does not exist. Fix the path or unset it.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => fs.existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found. Install it (Debian: apt-get install -y chromium) or set CHROME_PATH to its executable.',
    );
  }
  return found;
}

export interface LaunchOptions {
  headless?: boolean;
  extensionDir?: string;
  /** Keep the extension out (for measuring a page alone). */
  withoutExtension?: boolean;
}

export async function launchWithExtension(opts: LaunchOptions = {}): Promise<BrowserContext> {
  const dir = opts.extensionDir ?? EXTENSION_DIR;
  if (!opts.withoutExtension && !fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No extension build at ${dir}. Run "npm run build" first.`);
  }
  const extensionArgs = opts.withoutExtension ? [] : [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
  return chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: opts.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      ...extensionArgs,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Lets tests and the demo press the toolbar button through CDP (Extensions.triggerAction), which grants
      // activeTab exactly as a user's click does; no host permission is ever pre-granted.
      '--enable-unsafe-extension-debugging',
      // Local-first, also in tests: every host name fails to resolve except the loopback we serve on.
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
    ],
  });
}

/** The extension's id, read from its service worker (unpacked ids depend on the path). */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  return new URL(sw.url()).host;
}
