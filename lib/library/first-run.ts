// First run: a choice, not a seed. A new library starts empty and the library page asks once: try the demo
// library (a fictional company, every entry tagged `demo`), start with the user's own answers (import), or
// start empty. The choice is remembered, nothing is ever loaded behind the user's back, and the demo can be
// removed in one action. `npm run demo` and the e2e fixture pick the demo through the same page.
import { z } from 'zod';
import { LibraryError } from './errors';
import { applyImport, type ImportReport } from './import/apply';
import { planImport } from './import/plan';
import { parseJsonFile } from './import/parse-file';
import type { Library } from './repository';
import { nowIso } from './stable';

export const START_KEY = 'library.start';
export const DEMO_TAG = 'demo';

export const StartChoice = z.enum(['demo', 'import', 'empty']);
export type StartChoice = z.infer<typeof StartChoice>;
const StartRecord = z.object({ choice: StartChoice, at: z.string() });
export type StartRecord = z.infer<typeof StartRecord>;

export interface StartState {
  /** The choice made on the first-run screen, if any. */
  chosen?: StartRecord;
  /** Show the first-run screen: nothing chosen yet and the library is empty. */
  ask: boolean;
}

export async function startState(lib: Library): Promise<StartState> {
  const raw = StartRecord.safeParse(await lib.settings.get(START_KEY));
  const chosen = raw.success ? raw.data : undefined;
  return { ...(chosen ? { chosen } : {}), ask: !chosen && (await lib.isEmpty()) };
}

/** Record the first-run choice; 'demo' also loads the demo library (`demo`: its parsed JSON or its text). */
export async function chooseStart(
  lib: Library,
  choice: StartChoice,
  demo?: unknown,
): Promise<ImportReport | undefined> {
  if (choice !== 'demo') {
    await lib.settings.set(START_KEY, { choice, at: nowIso() });
    return undefined;
  }
  if (demo === undefined)
    throw new LibraryError('invalid-record', 'No demo library given to load. Pass data/demo-library.json.');
  return loadDemoLibrary(lib, demo);
}

/**
 * Load the demo library (entries tagged `demo`, so they can be told apart and removed), whatever else the
 * library holds. Loading it twice changes nothing the second time.
 */
export async function loadDemoLibrary(lib: Library, demo: unknown): Promise<ImportReport> {
  const parsed = parseJsonFile('demo-library.json', typeof demo === 'string' ? demo : JSON.stringify(demo));
  if (parsed.rejected.length) {
    const list = parsed.rejected
      .slice(0, 5)
      .map((r) => `${r.column}: ${r.reason}`)
      .join('; ');
    throw new LibraryError(
      'invalid-record',
      `The demo library has ${parsed.rejected.length} problem(s): ${list}. Fix data/demo-library.json (its unit test lists every problem).`,
    );
  }
  parsed.accepted.entries = parsed.accepted.entries.map((e) =>
    e.tags.includes(DEMO_TAG) ? e : { ...e, tags: [...e.tags, DEMO_TAG] },
  );
  // Planned outside the write transaction (planning yields to the event loop, which would end a transaction).
  const plan = await planImport(lib, parsed);
  return lib.write(async () => {
    const report = await applyImport(lib, plan);
    await lib.settings.set(START_KEY, { choice: 'demo', at: nowIso() });
    return report;
  });
}

/** Entries that came with the demo library: tagged `demo` (or, from releases before the tag, source "demo"). */
export function isDemoEntry(e: { tags: readonly string[]; source: string }): boolean {
  return e.tags.includes(DEMO_TAG) || e.source === 'demo';
}

export async function demoCounts(lib: Library): Promise<{ entries: number }> {
  const all = await lib.entries.list({ includeRetired: true });
  return { entries: all.filter(isDemoEntry).length };
}

/**
 * Remove the demo library for good (entries and their history), plus the demo's evidence items that no other
 * entry cites. One transaction: all of it goes, or none. The first-run choice stays made, so nothing returns.
 */
export async function removeDemoData(lib: Library, demo: unknown): Promise<{ entries: number; evidence: number }> {
  const demoEvidence = new Set(
    ((typeof demo === 'string' ? JSON.parse(demo) : demo) as { evidence?: { id: string }[] }).evidence?.map(
      (e) => e.id,
    ) ?? [],
  );
  return lib.write(async () => {
    const entries = await lib.entries.list({ includeRetired: true });
    const gone = entries.filter(isDemoEntry);
    const keep = entries.filter((e) => !isDemoEntry(e));
    const cited = new Set(keep.flatMap((e) => e.evidenceIds));
    const evidence = (await lib.evidence.list({ includeRetired: true })).filter(
      (e) => demoEvidence.has(e.id) && !cited.has(e.id),
    );
    const ids = gone.map((e) => e.id);
    await lib.entries.bulkRetire(gone.filter((e) => e.status !== 'retired').map((e) => e.id));
    await lib.entries.bulkPurge(ids);
    const evIds = evidence.map((e) => e.id);
    await lib.evidence.bulkRetire(evidence.filter((e) => e.status !== 'retired').map((e) => e.id));
    await lib.evidence.bulkPurge(evIds);
    if (!(await startState(lib)).chosen) await lib.settings.set(START_KEY, { choice: 'empty', at: nowIso() });
    return { entries: ids.length, evidence: evIds.length };
  });
}
