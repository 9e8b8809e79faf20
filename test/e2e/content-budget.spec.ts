// The built content script stays within its size budget. Typecheck and unit tests cannot see this: one value
// import of lib/page/types.ts (zod) once took the script from 40 KB to 125 KB with everything else green.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BUILT_CONTENT_SCRIPT, CONTENT_SCRIPT_BUDGET_KB } from '../content-budget';

test('the built content script is within its size budget', () => {
  const built = path.resolve(BUILT_CONTENT_SCRIPT);
  expect(fs.existsSync(built), `${BUILT_CONTENT_SCRIPT} is missing: run \`npx wxt build\` first.`).toBe(true);
  const kb = fs.statSync(built).size / 1000;
  expect(
    kb,
    `The content script is ${kb.toFixed(2)} KB minified, over its ${CONTENT_SCRIPT_BUDGET_KB} KB budget. Look for a value ` +
      `import that pulls in a library or another lib/ folder (\`npx eslint entrypoints/content.ts lib/page\` names the ` +
      `forbidden ones; \`import type\` costs nothing), or move the work to the background.`,
  ).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_KB);
});
