// Bundles the framework fixture pages (test/fixtures/frameworks/<name>/main.tsx) with esbuild into
// test/fixtures/frameworks/dist/<name>.html + .js (+ .css), from the real npm packages (lib/page itself is
// bundled by test/e2e/page-bundle.ts). Called from the framework specs' beforeAll (the shared Playwright config stays
// untouched), so a clean clone builds them during `npm test`; also runnable alone:
//   npx tsx test/e2e/build-framework-fixtures.ts [--force]
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export const FRAMEWORKS = ['react', 'antd', 'mui', 'surveyjs'] as const;
export type FrameworkFixture = (typeof FRAMEWORKS)[number];

const REPO = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../..');
export const FIXTURE_SRC = path.join(REPO, 'test/fixtures/frameworks');
export const FIXTURE_DIST = path.join(FIXTURE_SRC, 'dist');

const TITLES: Record<FrameworkFixture, string> = {
  react: 'Supplier security review (React)',
  antd: 'Vendor risk assessment (Ant Design)',
  mui: 'Security due diligence (MUI)',
  surveyjs: 'Third-party security questionnaire (SurveyJS)',
};

function newestMtime(dir: string, skip: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (full === skip) continue;
    const t = entry.isDirectory() ? newestMtime(full, skip) : fs.statSync(full).mtimeMs;
    newest = Math.max(newest, t);
  }
  return newest;
}

function mtimeOr0(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
}

function html(name: FrameworkFixture, withCss: boolean): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${TITLES[name]}</title>
${withCss ? `<link rel="stylesheet" href="${name}.css">\n` : ''}<style>
  body { font-family: system-ui, sans-serif; margin: 0; }
  .toolbar { display: flex; gap: 16px; align-items: center; padding: 8px 24px; border-bottom: 1px solid #ddd; }
  main, #root > .page { max-width: 860px; margin: 0 auto; padding: 16px 24px 64px; }
  .question { display: block; margin: 16px 0; border: 0; padding: 0; }
  .question label, .question-text { display: block; margin-bottom: 4px; }
  .question label.choice { display: inline-block; margin-right: 16px; }
  .hint { color: #666; font-size: 0.85em; margin: 2px 0; }
  textarea, input[type=text] { width: 100%; box-sizing: border-box; }
</style>
</head>
<body>
<div id="root"></div>
<script type="application/json" id="state"></script>
<script src="${name}.js"></script>
</body>
</html>
`;
}

/** Fixture pages: rebuilt only when a source under test/fixtures/frameworks (or this file) is newer. */
async function buildFixtures(force: boolean): Promise<string[]> {
  const sourcesAt = Math.max(newestMtime(FIXTURE_SRC, FIXTURE_DIST), fs.statSync(new URL(import.meta.url)).mtimeMs);
  const stale = FRAMEWORKS.filter((name) => force || mtimeOr0(path.join(FIXTURE_DIST, `${name}.html`)) <= sourcesAt);
  if (stale.length === 0) return [];
  fs.mkdirSync(FIXTURE_DIST, { recursive: true });
  await build({
    entryPoints: stale.map((name) => ({ in: path.join(FIXTURE_SRC, name, 'main.tsx'), out: name })),
    outdir: FIXTURE_DIST,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    minify: true,
    legalComments: 'none',
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
  }).catch((err: unknown) => {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(
      `Bundling the framework fixtures [${stale.join(', ')}] failed: ${why}\n` +
        'Fix the fixture source under test/fixtures/frameworks/ (or reinstall node_modules if a package is missing), ' +
        'then rerun: npx tsx test/e2e/build-framework-fixtures.ts --force',
    );
  });
  for (const name of stale) {
    // The HTML is written last: its mtime is what the cache check trusts.
    const withCss = fs.existsSync(path.join(FIXTURE_DIST, `${name}.css`));
    fs.writeFileSync(path.join(FIXTURE_DIST, `${name}.html`), html(name, withCss));
  }
  return stale;
}

export async function buildFrameworkFixtures(opts: { force?: boolean } = {}): Promise<{ rebuilt: string[] }> {
  return { rebuilt: await buildFixtures(opts.force ?? false) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const started = Date.now();
  buildFrameworkFixtures({ force: process.argv.includes('--force') }).then(
    ({ rebuilt }) =>
      console.log(
        `framework fixtures: rebuilt [${rebuilt.join(', ')}] in ${Date.now() - started} ms -> ${FIXTURE_DIST}`,
      ),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
