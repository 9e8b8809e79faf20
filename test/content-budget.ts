// The content script's size budget, in one place: test/e2e/content-budget.spec.ts fails past it and
// `npm run bench page` prints the built size against it. It is injected into every frame of a questionnaire
// page, so it carries the scan and the fill code only (eslint.config.js keeps zod, matching and storage out).
// KB here is 1,000 bytes, as the figures in issues and notes are written.

/** Minified size limit of the built content script (.output/chrome-mv3/content-scripts/content.js). */
export const CONTENT_SCRIPT_BUDGET_KB = 60;

/** Where `wxt build` writes the content script. */
export const BUILT_CONTENT_SCRIPT = '.output/chrome-mv3/content-scripts/content.js';
