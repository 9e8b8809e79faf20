// Detection quality (not speed, so not in run.ts): per page, how many questions scanPage found with the
// right text, kind, options and comment pairing, and how many reported fields are real questions.
//   npx tsx test/bench/page-eval.ts [frameworks2|dev|heldout ...] [--page name ...]
// frameworks2: pages rendered by form libraries (test/fixtures/frameworks2); dev / heldout: the shape pages
// (test/fixtures/shapes). The held-out set was written before the rules it judges, with other wording and
// markup; its gate is the issue's: right kind >= 97%, precision >= 97%, no page below 90% (exit 1 if missed).
import { PAGES2, type Page2 } from '../e2e/build-framework2-fixtures';
import { formatScore2, openPage2, scan2, score2, startEnv2 } from '../e2e/frameworks2-harness';
import { pagesOf, type ShapeSet } from '../e2e/build-shape-fixtures';
import { expectedOf, formatShape, openShape, scanShape, scoreShape, startShapes } from '../e2e/shapes-harness';
import { EXPECTED } from '../fixtures/frameworks2/expected';

interface Tally {
  found: number;
  total: number;
  real: number;
  reported: number;
  worst: number;
  worstPage: string;
  /** frameworks2 only: questions found under the section the page gives them. */
  section?: number;
}

const pct = (a: number, b: number): number => (100 * a) / Math.max(1, b);

function add(t: Tally, name: string, s: { rightKind: number; total: number; real: number; reported: number }): void {
  t.found += s.rightKind;
  t.total += s.total;
  t.real += s.real;
  t.reported += s.reported;
  const page = Math.min(pct(s.rightKind, s.total), pct(s.real, s.reported));
  if (page < t.worst) {
    t.worst = page;
    t.worstPage = name;
  }
}

const summary = (label: string, t: Tally): string =>
  `[${label}] all: right-kind ${t.found}/${t.total} (${pct(t.found, t.total).toFixed(1)}%), precision ${t.real}/${t.reported} (${pct(t.real, t.reported).toFixed(1)}%), worst page ${t.worstPage} ${t.worst.toFixed(1)}%` +
  (t.section === undefined ? '' : `, section ${t.section}/${t.total}`);

async function frameworks2(only: string[]): Promise<Tally> {
  const t: Tally = { found: 0, total: 0, real: 0, reported: 0, worst: 100, worstPage: '-', section: 0 };
  const env = await startEnv2();
  try {
    for (const name of (only.length ? only : PAGES2) as Page2[]) {
      const page = await openPage2(env, name);
      const s = score2(EXPECTED[name], await scan2(page));
      console.log(formatScore2(name, s));
      add(t, name, s);
      t.section = (t.section ?? 0) + s.sectionRight;
      await page.close();
    }
  } finally {
    await env.close();
  }
  console.log(summary('frameworks2', t));
  return t;
}

async function shapes(set: ShapeSet, only: string[]): Promise<Tally> {
  const t: Tally = { found: 0, total: 0, real: 0, reported: 0, worst: 100, worstPage: '-' };
  const env = await startShapes();
  try {
    for (const name of only.length ? only : pagesOf(set)) {
      const page = await openShape(env, set, name);
      const s = scoreShape(await expectedOf(page), await scanShape(page));
      console.log(formatShape(`${set}/${name}`, s));
      add(t, name, s);
      await page.close();
    }
  } finally {
    await env.close();
  }
  console.log(summary(set, t));
  return t;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--page');
  const only = at >= 0 ? args.slice(at + 1) : [];
  const sets = (at >= 0 ? args.slice(0, at) : args).filter(Boolean);
  const chosen = sets.length ? sets : ['frameworks2', 'dev', 'heldout'];
  const unknown = chosen.filter((s) => !['frameworks2', 'dev', 'heldout'].includes(s));
  if (unknown.length) {
    console.error(`Unknown set(s) ${unknown.join(', ')}: choose from frameworks2, dev, heldout.`);
    return 2;
  }
  let code = 0;
  for (const set of chosen) {
    if (set === 'frameworks2') await frameworks2(only);
    else {
      const t = await shapes(set as ShapeSet, only);
      if (set === 'heldout' && !only.length) {
        const ok = pct(t.found, t.total) >= 97 && pct(t.real, t.reported) >= 97 && t.worst >= 90;
        console.log(`[heldout] gate (right kind >= 97%, precision >= 97%, no page below 90%): ${ok ? 'ok' : 'MISSED'}`);
        if (!ok) code = 1;
      }
    }
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
