// `npm run bench`: every area's benchmark in one process, each printing medians (and ratios).
// Speed and memory targets live here, never in timed unit tests: these machines are noisy. The run exits 1 when
// an area throws or any target is missed (test/bench/targets.ts), so a regression cannot pass as a printed "MISSED".
import { reportMissed } from './targets';

const AREAS = ['library', 'match', 'answers', 'controls', 'page', 'review', 'sheet', 'extension', 'panel'] as const;

const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
let failed = 0;
for (const area of AREAS) {
  if (only.length > 0 && !only.includes(area)) continue;
  console.log(`\n=== ${area} ===`);
  try {
    const mod = (await import(`./${area}-bench.ts`)) as { run: () => Promise<void> };
    await mod.run();
  } catch (error) {
    failed++;
    console.error(
      `${area} benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
}
const missed = reportMissed();
process.exit(failed > 0 || missed > 0 ? 1 : 0);
