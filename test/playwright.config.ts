import { defineConfig } from '@playwright/test';

// No browser download: the tests launch the system Chromium (CHROME_PATH, or /usr/bin/chromium)
// with the built extension from .output/chrome-mv3 (see test/e2e/fixtures.ts).
export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: '../test-results',
  use: { trace: 'retain-on-failure' },
});
