// Detection quality on pages rendered by real form libraries (test/fixtures/frameworks2): per page, how many
// questions scanPage found with the right text, kind and options, and how many reported fields are real
// questions. Not a speed bench (so not in run.ts); prints one "[frameworks2]" line per page plus problems.
//   npx tsx test/bench/page-eval.ts [page ...]
import { PAGES2, type Page2 } from '../e2e/build-framework2-fixtures';
import { formatScore2, openPage2, scan2, score2, startEnv2 } from '../e2e/frameworks2-harness';
import { EXPECTED } from '../fixtures/frameworks2/expected';

async function main(): Promise<number> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((a) => !(PAGES2 as readonly string[]).includes(a));
  if (unknown.length) {
    console.error(`Unknown page(s) ${unknown.join(', ')}: choose from ${PAGES2.join(', ')}.`);
    return 2;
  }
  const pages = (asked.length ? asked : PAGES2) as Page2[];
  const env = await startEnv2();
  let found = 0;
  let total = 0;
  let real = 0;
  let reported = 0;
  try {
    for (const name of pages) {
      const page = await openPage2(env, name);
      const s = score2(EXPECTED[name], await scan2(page));
      console.log(formatScore2(name, s));
      found += s.rightKind;
      total += s.total;
      real += s.real;
      reported += s.reported;
      await page.close();
    }
  } finally {
    await env.close();
  }
  console.log(
    `[frameworks2] all: found-right-kind ${found}/${total} (${((100 * found) / total).toFixed(1)}%), precision ${real}/${reported} (${((100 * real) / Math.max(1, reported)).toFixed(1)}%)`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
