import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  // WXT auto-imports, @/ aliases, and `browser` swapped for fakeBrowser.
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node', // DOM tests opt in with: // @vitest-environment happy-dom
    setupFiles: ['fake-indexeddb/auto'],
    restoreMocks: true,
    testTimeout: 30_000,
  },
});
