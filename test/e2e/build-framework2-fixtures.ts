// Bundles the frameworks2 pages (test/fixtures/frameworks2/<page>/main.ts[x]) with esbuild from the real npm
// packages into test/fixtures/frameworks2/dist/<page>.html + .js (+ .css, fonts), and lib/page into an IIFE
// (window.__crosswalkPage) the specs inject. Called from the frameworks2 specs' beforeAll and the page-eval
// bench, so a clean clone builds them on first use; pages are rebuilt only when a source is newer.
//   npx tsx test/e2e/build-framework2-fixtures.ts [--force]
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export const PAGES2 = ['formio', 'rjsf', 'jsonforms', 'element-plus', 'react-select-radix'] as const;
export type Page2 = (typeof PAGES2)[number];

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const SRC2 = path.join(REPO, 'test/fixtures/frameworks2');
export const DIST2 = path.join(SRC2, 'dist');
export const PAGE_BUNDLE2 = path.join(DIST2, 'crosswalk-page.js');

const TITLES: Record<Page2, string> = {
  formio: 'Security program review (form.io)',
  rjsf: 'Personnel security questionnaire (react-jsonschema-form)',
  jsonforms: 'Data centre questionnaire (JSON Forms)',
  'element-plus': 'Office and partner security (Element Plus)',
  'react-select-radix': 'Assurance questionnaire (react-select + Radix)',
};

function newestMtime(dir: string, skip: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (full === skip) continue;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full, skip) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const mtimeOr0 = (f: string): number => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0);

function entryOf(page: Page2): string {
  for (const ext of ['tsx', 'ts']) {
    const f = path.join(SRC2, page, `main.${ext}`);
    if (fs.existsSync(f)) return f;
  }
  throw new Error(`test/fixtures/frameworks2/${page}/main.ts(x) is missing: restore it or drop "${page}" from PAGES2.`);
}

function html(page: Page2, withCss: boolean): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${TITLES[page]}</title>
${withCss ? `<link rel="stylesheet" href="${page}.css">\n` : ''}<style>
  body { font-family: system-ui, sans-serif; margin: 0; }
  .toolbar { display: flex; gap: 16px; align-items: center; padding: 8px 24px; border-bottom: 1px solid #ddd; }
  main { max-width: 900px; margin: 0 auto; padding: 16px 24px 64px; }
</style>
</head>
<body>
<div id="root"></div>
<script src="${page}.js"></script>
</body>
</html>
`;
}

async function buildPages(force: boolean): Promise<Page2[]> {
  const sourcesAt = Math.max(newestMtime(SRC2, DIST2), fs.statSync(new URL(import.meta.url)).mtimeMs);
  const stale = PAGES2.filter((p) => force || mtimeOr0(path.join(DIST2, `${p}.html`)) <= sourcesAt);
  if (stale.length === 0) return [];
  fs.mkdirSync(DIST2, { recursive: true });
  await build({
    entryPoints: stale.map((p) => ({ in: entryOf(p), out: p })),
    outdir: DIST2,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    minify: true,
    legalComments: 'none',
    logLevel: 'error',
    loader: {
      '.woff': 'file',
      '.woff2': 'file',
      '.ttf': 'file',
      '.eot': 'file',
      '.svg': 'file',
      '.png': 'file',
      '.gif': 'file',
    },
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      global: 'globalThis',
    },
  });
  for (const p of stale) {
    // Written last: its mtime is what the cache check trusts.
    fs.writeFileSync(path.join(DIST2, `${p}.html`), html(p, fs.existsSync(path.join(DIST2, `${p}.css`))));
  }
  return stale;
}

/** lib/page as injected by the specs: rebuilt whenever any lib/page file (or anything lib/page imports
 * from lib/) is newer than the bundle, so edits to lib/page are always what the specs test. */
async function buildPageBundle(): Promise<void> {
  fs.mkdirSync(DIST2, { recursive: true });
  const entry = path.join(REPO, 'lib/page/index.ts');
  if (mtimeOr0(PAGE_BUNDLE2) > newestMtime(path.join(REPO, 'lib'), '')) return;
  await build({
    stdin: {
      contents: `import * as page from ${JSON.stringify(entry)};\n(window as any).__crosswalkPage = page;\n`,
      loader: 'ts',
      resolveDir: REPO,
      sourcefile: 'crosswalk-page-entry.ts',
    },
    outfile: PAGE_BUNDLE2,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'error',
  });
}

export async function buildFramework2Fixtures(opts: { force?: boolean } = {}): Promise<{ rebuilt: Page2[] }> {
  const rebuilt = await buildPages(opts.force ?? false);
  await buildPageBundle();
  return { rebuilt };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const started = Date.now();
  buildFramework2Fixtures({ force: process.argv.includes('--force') }).then(
    ({ rebuilt }) =>
      console.log(`frameworks2 pages: rebuilt [${rebuilt.join(', ')}] in ${Date.now() - started} ms -> ${DIST2}`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
