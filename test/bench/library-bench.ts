// Library benchmarks: import rate (parse + validate + write, fake-indexeddb) for a 20,000-row CSV and XLSX,
// and cold open of a 10,000-entry library (open DB + load all current entries). Prints medians.
// Targets (CPU medians): each import <= 3 s; cold open <= 300 ms. Run: npx tsx test/bench/library-bench.ts (or via run.ts).
// Also prints process CPU time: on a shared machine wall time mostly measures the other processes, while
// CPU time (single-threaded work) is what the same run costs on an idle core.
import 'fake-indexeddb/auto';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { matchEngine } from '../../lib/background/engine';
import { IndexService, type CachedIndex } from '../../lib/background/index-service';
import {
  applyImport,
  bulkEdit,
  deleteLibrary,
  importFile,
  importParsed,
  openLibrary,
  parseLibraryFile,
  parseLibraryFileAsync,
  planImport,
  type ImportDefaults,
} from '../../lib/library';
import { runBench, target } from './targets';

const RUNS = 5;
const IMPORT_ROWS = 20_000;
const OPEN_ENTRIES = 10_000;

// Distinct, realistic-looking questions: a topic × an asset × a qualifier, plus a unique reference.
const TOPICS = [
  'encrypt',
  'back up',
  'monitor',
  'review access to',
  'patch',
  'log changes to',
  'test recovery of',
  'classify',
  'retain',
  'dispose of',
];
const ASSETS = [
  'customer data',
  'laptops',
  'production databases',
  'source code',
  'payment records',
  'HR files',
  'audit logs',
  'cloud storage',
  'email',
  'backups',
];
const CONTROLS = ['A.8.24', 'A.8.13', 'A.8.16', 'A.5.15', 'A.8.8', 'A.8.15', 'A.5.30', 'A.5.12', 'A.5.33', 'A.7.14'];

function rows(n: number): string[][] {
  const out = [['Question', 'Answer', 'Owner', 'ISO 27001', 'SOC 2', 'Approved at']];
  for (let i = 0; i < n; i++) {
    const t = i % TOPICS.length;
    const a = Math.floor(i / TOPICS.length) % ASSETS.length;
    out.push([
      `Ref Q${i}-${(i * 7919) % 100_003}: do you ${TOPICS[t]} ${ASSETS[a]} under procedure P${i}?`,
      `Yes. We ${TOPICS[t]} ${ASSETS[a]} following procedure P${i}, reviewed yearly.`,
      `owner${i % 40}@example.com`,
      CONTROLS[t]!,
      'CC6.1',
      '2025-01-15',
    ]);
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

async function timeImport(name: string, bytes: Uint8Array): Promise<{ total: number; parse: number; cpu: number }> {
  const db = `bench-${name}-${Math.random().toString(36).slice(2)}`;
  const lib = await openLibrary(db);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const parsed = parseLibraryFile(name, bytes);
  const t1 = performance.now();
  const report = await importParsed(lib, parsed);
  const t2 = performance.now();
  const cpu = cpuMs(c0);
  if (!report.committed || report.entries.added !== IMPORT_ROWS)
    throw new Error(`bench import failed: ${report.summary}`);
  lib.close();
  await deleteLibrary(db);
  return { total: t2 - t0, parse: t1 - t0, cpu };
}

async function importRate(): Promise<void> {
  const table = rows(IMPORT_ROWS);
  const csv = new TextEncoder().encode(Papa.unparse(table));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(table), 'Questionnaire');
  const xlsx = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);

  for (const [label, name, bytes] of [
    ['CSV', 'q.csv', csv],
    ['XLSX', 'q.xlsx', xlsx],
  ] as const) {
    const totals: number[] = [];
    const parses: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { total, parse, cpu } = await timeImport(name, bytes);
      totals.push(total);
      parses.push(parse);
      cpus.push(cpu);
    }
    const m = median(totals);
    const c = median(cpus);
    target(
      `library import ${label} ${IMPORT_ROWS} rows`,
      c,
      { atMost: 3000, unit: 'ms cpu' },
      `(wall ${m.toFixed(0)} ms, parse+validate ${median(parses).toFixed(0)} ms; ${((IMPORT_ROWS / m) * 1000).toFixed(0)} rows/s)`,
    );
  }

  // Cold open: a fresh connection to an existing 10,000-entry library, then load every current entry.
  const db = `bench-open-${Math.random().toString(36).slice(2)}`;
  const seed = await openLibrary(db);
  const report = await importFile(seed, 'seed.csv', new TextEncoder().encode(Papa.unparse(rows(OPEN_ENTRIES))));
  if (report.entries.added !== OPEN_ENTRIES) throw new Error(`bench seed failed: ${report.summary}`);
  seed.close();
  const opens: number[] = [];
  const openCpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const lib = await openLibrary(db);
    const { entries } = await lib.loadAll();
    opens.push(performance.now() - t0);
    openCpu.push(cpuMs(c0));
    if (entries.length !== OPEN_ENTRIES) throw new Error(`expected ${OPEN_ENTRIES} entries, got ${entries.length}`);
    lib.close();
  }
  const m = median(opens);
  const c = median(openCpu);
  target(`library cold open ${OPEN_ENTRIES} entries`, c, { atMost: 300, unit: 'ms cpu' }, `(wall ${m.toFixed(0)} ms)`);
  await deleteLibrary(db);
}

/** A team's export: an ID column, no status or reuse column (the file's defaults decide them). */
function teamRows(n: number): string[][] {
  const base = rows(n);
  return base.map((r, i) =>
    i === 0 ? ['ID', 'Question', 'Answer', 'Owner', 'ISO 27001', 'SOC 2', 'Last reviewed'] : [`Q-${i}`, ...r],
  );
}

const APPROVED_NDA: ImportDefaults = {
  status: { status: 'approved', approvedAt: '2026-01-01', approvedBy: 'Bench' },
  reuse: { level: 'nda' },
};

/**
 * #13.9: import a 20,000-row team export with defaults (approved, customers under NDA), re-import it unchanged
 * (zero new versions), and bulk-approve 20,000 drafts in the entries table's one action.
 */
async function teamImport(): Promise<void> {
  const csv = new TextEncoder().encode(Papa.unparse(teamRows(IMPORT_ROWS)));
  const first: number[] = [];
  const again: number[] = [];
  const approve: number[] = [];
  for (let i = 0; i < 3; i++) {
    const db = `bench-team-${Math.random().toString(36).slice(2)}`;
    const lib = await openLibrary(db);
    let c0 = process.cpuUsage();
    const r1 = await importParsed(lib, parseLibraryFile('team.csv', csv, { defaults: APPROVED_NDA }));
    first.push(cpuMs(c0));
    if (r1.entries.added !== IMPORT_ROWS) throw new Error(`bench team import failed: ${r1.summary}`);
    c0 = process.cpuUsage();
    const r2 = await importParsed(lib, parseLibraryFile('team.csv', csv, { defaults: APPROVED_NDA }));
    again.push(cpuMs(c0));
    if (r2.entries.added + r2.entries.updated !== 0 || r2.entries.unchanged !== IMPORT_ROWS)
      throw new Error(`re-import of an unchanged file wrote versions: ${r2.summary}`);
    const ids = (await lib.entries.list()).map((e) => e.id);
    // Re-approval of every entry (a new date): the entries table's "select all, approve".
    c0 = process.cpuUsage();
    const res = await bulkEdit(lib, ids, { kind: 'approve', approvedBy: 'Bench', approvedAt: '2026-02-01' });
    approve.push(cpuMs(c0));
    if (res.steps.length !== IMPORT_ROWS) throw new Error(`bulk action changed ${res.steps.length} entries`);
    lib.close();
    await deleteLibrary(db);
  }
  target(`library import ${IMPORT_ROWS} rows with defaults (approved, under NDA)`, median(first), {
    atMost: 3000,
    unit: 'ms cpu',
  });
  target(`library re-import ${IMPORT_ROWS} unchanged rows (0 new versions)`, median(again), {
    atMost: 3000,
    unit: 'ms cpu',
  });
  // #13.9 "import with defaults and approve 20k rows <= 3 s": the entries table's one approve action over 20,000
  // entries, a new version each (history kept on every edit), in one transaction.
  target(`library bulk approve of ${IMPORT_ROWS} entries (one version each, one undo)`, median(approve), {
    atMost: 3000,
    unit: 'ms cpu',
  });
}

/** Reject after `ms`: a bench step that never settles fails the run instead of hanging it. */
function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/**
 * #15.7: panel searches while a 20,000-row import is written, as the library page runs it (parse and plan a slice
 * at a time, then one write transaction in chunks), with the background's index service answering beside it, and
 * the index catch-up once the import has committed. Node runs both on one thread (in the browser the import runs
 * in the library page, the index in the service worker), so a search's wait here also holds the import's own work
 * between two yields: an upper bound. Before the fix, searches waited up to 10.9 s in the browser and the catch-up
 * took 7.4 s.
 */
async function searchDuringImport(): Promise<void> {
  const db = `bench-during-${Math.random().toString(36).slice(2)}`;
  const lib = await openLibrary(db);
  let cached: CachedIndex | undefined;
  const cache = { read: async () => cached, write: async (v: CachedIndex) => void (cached = v) };
  const seedCsv = new TextEncoder().encode(Papa.unparse(teamRows(200)));
  await importParsed(lib, parseLibraryFile('seed.csv', seedCsv, { defaults: APPROVED_NDA }));
  const service = new IndexService(lib, matchEngine, cache);
  await service.start();
  const q = [{ question: 'Do you encrypt laptops under a documented procedure?' }];
  const context = { threshold: 0.8 };

  const csv = new TextEncoder().encode(
    Papa.unparse(teamRows(IMPORT_ROWS).map((r, i) => (i ? [`N-${i}`, ...r.slice(1)] : r))),
  );
  const waits: number[] = [];
  const busy: number[] = [];
  let done = false;
  const searching = (async () => {
    while (!done) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await service.match(q, context);
      waits.push(performance.now() - t0);
      busy.push(cpuMs(c0));
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    const t0 = performance.now();
    const report = await within(
      300_000,
      'the 20,000-row import',
      (async () => {
        const parsed = await parseLibraryFileAsync('big.csv', csv, { defaults: APPROVED_NDA });
        const plan = await planImport(lib, parsed, { defaults: APPROVED_NDA });
        return applyImport(lib, plan);
      })(),
    );
    const imported = performance.now() - t0;
    if (!report.committed) throw new Error(`bench import failed: ${report.summary}`);
    const duringImport = waits.length;
    // The catch-up: what the next sync does once the import has committed (searches go on meanwhile).
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    await within(300_000, 'the index catch-up', service.sync());
    const caughtUp = performance.now() - t1;
    const catchCpu = cpuMs(c1);
    if (service.getStatus().entries < IMPORT_ROWS) throw new Error(`index has ${service.getStatus().entries} entries`);
    done = true;
    await within(60_000, 'the last search', searching);
    if (waits.length < 3) throw new Error(`only ${waits.length} searches ran during the import: nothing measured`);
    // A search's wait, as CPU time: the work it waited behind (the import's slices, the index rebuild's slices,
    // its own match), which is what the wait is on a core nobody else uses. Wall time on this shared machine
    // mostly measures the other processes; it is printed beside. A search may also wait up to the service's
    // 300 ms for a catch-up (idle time, not in the CPU figure, in the wall figure).
    target(
      `panel search wait during a ${IMPORT_ROWS}-row import and its index catch-up (worst of ${waits.length})`,
      Math.max(...busy),
      { atMost: 500, unit: 'ms cpu' },
      `(median ${median(busy).toFixed(0)} ms cpu; wall worst ${Math.max(...waits).toFixed(0)} ms, median ${median(waits).toFixed(0)} ms; ${duringImport} searches during the import, ${imported.toFixed(0)} ms wall)`,
    );
    target(
      `index catch-up after a ${IMPORT_ROWS}-row import`,
      catchCpu,
      { atMost: 2500, unit: 'ms cpu' },
      `(wall ${caughtUp.toFixed(0)} ms)`,
    );
  } finally {
    done = true;
    lib.close();
    await deleteLibrary(db);
  }
}

const only = process.env.LIBRARY_BENCH; // e.g. LIBRARY_BENCH=team to run one part while working on it

export async function run(): Promise<void> {
  if (!only || only === 'import') await importRate();
  if (!only || only === 'team') await teamImport();
  if (!only || only === 'during') await searchDuringImport();
}

if (import.meta.url === `file://${process.argv[1]}`) await runBench(run);
