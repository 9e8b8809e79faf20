// Shared by the shapes specs and test/bench/page-eval.ts: open a shape page (dev or held-out) in a
// network-sealed Chromium, inject lib/page into the page and into every frame (frames inside shadow roots
// too, as the extension's allFrames injection does), scan each frame (awaiting the Promise scanPage returns
// when it scrolls a virtual list) and score the merged answer against the questions the page published.
import { chromium, type Browser, type Frame, type Page } from '@playwright/test';
import { findChromium } from '../../lib/cli/chromium';
import { serveDirectory, type StaticServer } from '../../lib/cli/static-server';
import type { QuestionField } from '../../lib/page/types';
import type { ShapeQuestion } from '../fixtures/shapes/shape-types';
import { normQuestion, optionsMatch } from './frameworks-harness';
import { buildShapeFixtures, SHAPES_DIST, type ShapeSet } from './build-shape-fixtures';
import { pageBundle } from './page-bundle';

export interface ShapesEnv {
  browser: Browser;
  server: StaticServer;
  close(): Promise<void>;
}

export async function startShapes(): Promise<ShapesEnv> {
  await buildShapeFixtures();
  const server = await serveDirectory(SHAPES_DIST);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'],
  });
  return { browser, server, close: async () => (await browser.close(), await server.close()) };
}

/** A fresh tab with the page rendered and published (window.__shape). */
export async function openShape(env: ShapesEnv, set: ShapeSet, name: string): Promise<Page> {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${env.server.url}/${set}/${name}.html`);
  await page.waitForFunction(() => !!window.__shape, undefined, { timeout: 10_000 });
  // Entrance transitions and frames settle before visibility is measured.
  await page.waitForTimeout(300);
  if (errors.length) throw new Error(`The ${set}/${name} page threw while rendering: ${errors.join(' | ')}.`);
  return page;
}

/** Inject lib/page where it is missing (each frame is its own document, like each content script). */
async function inject(frame: Frame): Promise<void> {
  const has = await frame.evaluate(() => !!(window as { __crosswalkPage?: unknown }).__crosswalkPage);
  if (!has) await frame.addScriptTag({ content: await pageBundle() });
}

export interface FrameField extends QuestionField {
  /** Index of the frame in page.frames(). */
  frameIndex: number;
}

/** Scan every frame and merge: top document first, then frames in the order Playwright lists them. */
export async function scanShape(page: Page): Promise<FrameField[]> {
  const out: FrameField[] = [];
  const frames = page.frames();
  for (const [i, frame] of frames.entries()) {
    if (frame.isDetached()) continue;
    await inject(frame);
    // A string, not a function: tsx compiles this file with keepNames, and the helper it wraps nested
    // functions in does not exist in the page.
    const fields = await frame.evaluate<QuestionField[]>(`(async () => {
      const roots = window.__closedRoots;
      const opts = roots ? { openShadowRoot: (el) => roots.get(el) ?? null } : undefined;
      return await window.__crosswalkPage.scanPage(document, opts);
    })()`);
    out.push(
      ...fields.map((f) => ({
        ...f,
        fid: `${i}:${f.fid}`,
        ...(f.comment ? { comment: `${i}:${f.comment}` } : {}),
        frameIndex: i,
      })),
    );
  }
  return out;
}

export const expectedOf = (page: Page): Promise<ShapeQuestion[]> =>
  page.evaluate(() => JSON.parse(JSON.stringify(window.__shape!.expected)) as ShapeQuestion[]);

export interface ShapeScore {
  total: number;
  /** Expected questions found with the right text, kind, options and comment pairing. */
  rightKind: number;
  reported: number;
  /** Reported fields that are one of the page's questions (each counted once). */
  real: number;
  problems: string[];
}

export function scoreShape(expected: ShapeQuestion[], reported: QuestionField[]): ShapeScore {
  // Pages may ask the same question twice (questionnaires repeat themselves): match repeats in order.
  const byText = new Map<string, ShapeQuestion[]>();
  for (const q of expected) byText.set(normQuestion(q.text), [...(byText.get(normQuestion(q.text)) ?? []), q]);
  // Keyed by the expected entry itself, not its key: a page that repeats a question may publish both
  // copies under the same bank key (held-out gforms does), and each copy is still its own question.
  const found = new Map<ShapeQuestion, QuestionField>();
  const problems: string[] = [];
  let real = 0;
  for (const f of reported) {
    const qs = byText.get(normQuestion(f.question));
    if (!qs) {
      problems.push(
        `not a question: ${JSON.stringify({ question: f.question.slice(0, 90), kind: f.kind, options: f.options?.slice(0, 4) })}`,
      );
      continue;
    }
    const q = qs.find((x) => !found.has(x));
    if (!q) {
      problems.push(`reported twice: "${qs[0]!.text.slice(0, 60)}" (again as ${f.kind})`);
      continue;
    }
    found.set(q, f);
    real++;
  }
  let rightKind = 0;
  for (const q of expected) {
    const f = found.get(q);
    if (!f) problems.push(`missed ${q.kind}: "${q.text.slice(0, 90)}"`);
    else if (f.kind !== q.kind) problems.push(`${q.key}: kind ${f.kind}, expected ${q.kind}`);
    else if (!optionsMatch(q, f))
      problems.push(`${q.key}: options ${JSON.stringify(f.options)}, expected ${JSON.stringify(q.options)}`);
    else if (q.comment && !f.comment) problems.push(`${q.key}: its comment box is not paired`);
    else if (!q.comment && f.comment) problems.push(`${q.key}: paired with a comment box it does not have`);
    else rightKind++;
  }
  return { total: expected.length, rightKind, reported: reported.length, real, problems };
}

const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);

/** One grep-able line per page ("[shapes]"), then the problems. */
export function formatShape(label: string, s: ShapeScore): string {
  return (
    `[shapes] ${label}: right-kind ${s.rightKind}/${s.total} (${pct(s.rightKind, s.total)}), ` +
    `precision ${s.real}/${s.reported} (${pct(s.real, s.reported)})` +
    s.problems.map((p) => `\n  - ${p}`).join('')
  );
}
