// Every benchmark target goes through `target()`: it prints the figure beside its target and records a miss, and
// `npm run bench` (and each bench run on its own through `runBench`) exits non-zero when any target was missed.
// A printed "OVER" that still exits 0 is how a regression slips through, so no bench prints its own verdict.

export interface Limit {
  /** The figure must stay at or below this (times, sizes). */
  atMost?: number;
  /** The figure must reach at least this (accuracy, throughput). */
  atLeast?: number;
  /** Printed after the numbers: "ms cpu", "KB", "%". */
  unit: string;
}

const missed: string[] = [];

const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(Math.abs(x) < 10 ? 2 : 1));

/** Check one figure against its target; prints `name: value unit (target <= limit unit) ok|MISSED`. */
export function target(name: string, value: number, limit: Limit, detail = ''): boolean {
  const { atMost, atLeast, unit } = limit;
  const ok =
    Number.isFinite(value) && (atMost === undefined || value <= atMost) && (atLeast === undefined || value >= atLeast);
  const bound = [
    atMost === undefined ? '' : `<= ${fmt(atMost)} ${unit}`,
    atLeast === undefined ? '' : `>= ${fmt(atLeast)} ${unit}`,
  ]
    .filter(Boolean)
    .join(', ');
  const text = `${name}: ${fmt(value)} ${unit} (target ${bound})${detail ? ` ${detail}` : ''}`;
  console.log(`${text} ${ok ? 'ok' : 'MISSED'}`);
  if (!ok) missed.push(text);
  return ok;
}

/** Record a target missed outside `target()` (a gate made of several figures). */
export function missTarget(text: string): void {
  missed.push(text);
}

/** Targets missed so far in this process. */
export function missedTargets(): readonly string[] {
  return missed;
}

/** Print the misses; the exit code for the run (1 when any target was missed). */
export function reportMissed(): number {
  if (missed.length === 0) return 0;
  console.error(`\n${missed.length} target(s) missed:\n  ${missed.join('\n  ')}`);
  return 1;
}

/**
 * Run one bench file on its own (`npx tsx test/bench/<area>-bench.ts`) with the same exit rule as `npm run bench`:
 * non-zero when it throws or misses a target.
 */
export async function runBench(run: () => Promise<void>): Promise<void> {
  try {
    await run();
    process.exitCode = reportMissed();
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  }
}
