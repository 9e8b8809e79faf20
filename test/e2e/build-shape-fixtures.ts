// Bundles the shape pages (test/fixtures/shapes/<set>/<page>/main.ts[x], plus frame*.ts[x] for pages that
// embed frames) with esbuild from the real npm packages into test/fixtures/shapes/dist/<set>/. Sets: `dev`
// (the pages the rules were developed on) and `heldout` (written first, other wording and markup, used only
// to judge). Called by the shapes harness, so a clean clone builds them on first use; rebuilt when a source
// is newer than its page.
//   npx tsx test/e2e/build-shape-fixtures.ts [--force]
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export const SETS = ['dev', 'heldout'] as const;
export type ShapeSet = (typeof SETS)[number];

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const SHAPES_SRC = path.join(REPO, 'test/fixtures/shapes');
export const SHAPES_DIST = path.join(SHAPES_SRC, 'dist');

/** The pages of a set: every folder with a main.ts(x). */
export function pagesOf(set: ShapeSet): string[] {
  const dir = path.join(SHAPES_SRC, set);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && entries(set, d.name).some((e) => e.out === d.name))
    .map((d) => d.name)
    .sort();
}

/** A page's entry points: main -> <page>, frame*.ts(x) -> <page>-<frame>. */
function entries(set: ShapeSet, page: string): { in: string; out: string }[] {
  const dir = path.join(SHAPES_SRC, set, page);
  return fs
    .readdirSync(dir)
    .filter((f) => /^(main|frame[\w-]*)\.tsx?$/.test(f))
    .map((f) => {
      const base = f.replace(/\.tsx?$/, '');
      return { in: path.join(dir, f), out: base === 'main' ? page : `${page}-${base}` };
    });
}

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (full === SHAPES_DIST) continue;
    t = Math.max(t, e.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return t;
}

const mtimeOr0 = (f: string): number => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0);

function html(name: string, withCss: boolean): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${name}</title>
${withCss ? `<link rel="stylesheet" href="${name}.css">\n` : ''}</head>
<body>
<div id="root"></div>
<script src="${name}.js"></script>
</body>
</html>
`;
}

export async function buildShapeFixtures(opts: { force?: boolean } = {}): Promise<string[]> {
  const rebuilt: string[] = [];
  // Shared sources (shape-types.ts, the banks, this file) make every page stale.
  const shared = Math.max(
    fs.statSync(new URL(import.meta.url)).mtimeMs,
    ...fs
      .readdirSync(SHAPES_SRC)
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => fs.statSync(path.join(SHAPES_SRC, f)).mtimeMs),
  );
  for (const set of SETS) {
    const outdir = path.join(SHAPES_DIST, set);
    const setShared = Math.max(
      shared,
      ...fs
        .readdirSync(path.join(SHAPES_SRC, set))
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => fs.statSync(path.join(SHAPES_SRC, set, f)).mtimeMs),
    );
    const stale = pagesOf(set).filter(
      (p) =>
        opts.force ||
        mtimeOr0(path.join(outdir, `${p}.html`)) <= Math.max(setShared, newest(path.join(SHAPES_SRC, set, p))),
    );
    if (stale.length === 0) continue;
    fs.mkdirSync(outdir, { recursive: true });
    const all = stale.flatMap((p) => entries(set, p));
    await build({
      entryPoints: all,
      outdir,
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
      jsx: 'automatic',
      minify: true,
      legalComments: 'none',
      logLevel: 'error',
      loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file', '.gif': 'file' },
      define: {
        'process.env.NODE_ENV': '"production"',
        __VUE_OPTIONS_API__: 'true',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
        global: 'globalThis',
      },
    }).catch((err: unknown) => {
      throw new Error(
        `Bundling the ${set} shape pages [${stale.join(', ')}] failed: ${err instanceof Error ? err.message : String(err)}\n` +
          'Fix the page source under test/fixtures/shapes/, then rerun: npx tsx test/e2e/build-shape-fixtures.ts --force',
      );
    });
    // Frames first, main pages last: a main page's mtime is what the cache check trusts.
    const sorted = [...all].sort((a, b) => Number(stale.includes(a.out)) - Number(stale.includes(b.out)));
    for (const e of sorted)
      fs.writeFileSync(
        path.join(outdir, `${e.out}.html`),
        html(e.out, fs.existsSync(path.join(outdir, `${e.out}.css`))),
      );
    rebuilt.push(...stale.map((p) => `${set}/${p}`));
  }
  return rebuilt;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const started = Date.now();
  buildShapeFixtures({ force: process.argv.includes('--force') }).then(
    (rebuilt) =>
      console.log(`shape pages: rebuilt [${rebuilt.join(', ')}] in ${Date.now() - started} ms -> ${SHAPES_DIST}`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
