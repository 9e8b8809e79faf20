// The background's search index over the library. Cold start loads the persisted index when it is
// current (no rebuild); afterwards it follows the library's change log and applies only the records
// that changed. Every public method first catches up with the log, so a write made in the options page
// is visible to the very next match, even if this worker missed the write while it was asleep.
//
// A big import must not stall the panel (#15.7). While the options page writes 20,000 rows in one transaction,
// reading the change log waits for that transaction; afterwards, 20,000 changes are too many to apply one read at
// a time, and building and saving a 20,000-entry index is seconds of work on the worker's one thread. So:
// - a match waits for the catch-up only up to `waitMs`, then answers from the last consistent index (the catch-up
//   goes on and the next match sees it); once one match has given up waiting on a catch-up, the next ones do not
//   wait for that same catch-up again;
// - a large change set is rebuilt into a new index a slice at a time, giving the event loop back between slices,
//   while the old index keeps answering; the new one replaces it in one synchronous step;
// - a small change set is read first and applied in one synchronous step: never half-applied across an await;
// - saving the index (for the next cold start) waits until the library has been quiet for `persistDelayMs`, so a
//   run of edits or an import is saved once, not after every change.
import type { AnswerEntry, EvidenceItem, IndexSnapshot } from '../library';
import type { MatchResult, QuestionInput, Suggestion } from '../match';
import type { IndexStatus, QuestionnaireContext } from '../messaging';
import { yieldToEventLoop } from '../library';
import { MatchCache } from './match-cache';

export interface MatchOptions {
  threshold: number;
  context?: QuestionnaireContext;
  /** Citation footer template for free-text answers ('' = none). */
  footer?: string;
  limit?: number;
  /** The questionnaire (page address) asking: its results are kept for asking again (match-cache.ts). */
  questionnaire?: string;
  /** Today as YYYY-MM-DD (UTC); set once per request by the service, so every question of it sees one date. */
  today?: string;
}

/** The matching engine as the background uses it (bound to lib/match in engine.ts; faked in tests). */
export interface MatchEngine<I> {
  build(entries: AnswerEntry[], evidence: EvidenceItem[]): I;
  /** Incremental updates: add or replace one record; undefined removes it. */
  putEntry(index: I, id: string, entry: AnswerEntry | undefined): void;
  putEvidence(index: I, id: string, item: EvidenceItem | undefined): void;
  counts(index: I): { entries: number; evidence: number };
  /** Match one page of questions: what depends only on the options is worked out once, not per question. */
  matchAll(index: I, questions: readonly QuestionInput[], options: MatchOptions): MatchResult[];
  serialize(index: I): unknown;
  load(data: unknown): I;
}

/** What the index needs from lib/library's repository. */
export interface LibrarySource {
  loadAll(): Promise<{ entries: AnswerEntry[]; evidence: EvidenceItem[] }>;
  changeSeq(): Promise<number>;
  changesSince(
    seq: number,
  ): Promise<{ changes: { seq: number; table: string; op: string; ids: string[] }[]; complete: boolean }>;
  entries: { get(id: string): Promise<AnswerEntry | undefined> };
  evidence: { get(id: string): Promise<EvidenceItem | undefined> };
}

/** The persisted index (lib/library keeps it in the background's IndexedDB). */
export type CachedIndex = IndexSnapshot;

export interface IndexCache {
  read(): Promise<CachedIndex | undefined>;
  write(value: CachedIndex): Promise<void>;
}

export interface IndexServiceOptions {
  /** How long a match waits for the index to catch up before answering from the last consistent index. */
  waitMs?: number;
  /** Above this many changed records, a catch-up rebuilds instead of applying them one by one. */
  rebuildAbove?: number;
  /** Save the index once the library has been quiet this long (0: save at once, before the sync returns). */
  persistDelayMs?: number;
  /** Longest stretch of index building between two returns to the event loop. */
  sliceMs?: number;
}

/**
 * Long enough for an ordinary edit (a change-log read, a record read, one index update: milliseconds) to be
 * visible to the very next match, also on a busy machine; short enough that a search during an import answers
 * well within a second.
 */
const WAIT_MS = 300;
const REBUILD_ABOVE = 500;
/** A burst of edits, or an import and its follow-up edits, is saved once. */
const PERSIST_DELAY_MS = 3000;
const SLICE_MS = 20;

export class IndexService<I> {
  private index: I | undefined;
  private status: IndexStatus = { entries: 0, evidence: 0, seq: 0, builtFrom: 'library', builtAt: '', updates: 0 };
  private queue: Promise<unknown> = Promise.resolve();
  private started: Promise<void> | undefined;
  /** Bumped whenever the index's content changes: results matched on an older generation are not reused. */
  private generation = 0;
  private readonly results = new MatchCache();

  constructor(
    private readonly lib: LibrarySource,
    private readonly engine: MatchEngine<I>,
    private readonly cache: IndexCache,
    private readonly options: IndexServiceOptions = {},
  ) {}

  /** Load the persisted index if it reflects the library as it is now; otherwise build from the library. */
  start(): Promise<void> {
    this.started ??= this.exclusive(async () => {
      const [seq, cached] = await Promise.all([this.lib.changeSeq(), this.cache.read().catch(() => undefined)]);
      if (cached && cached.seq === seq) {
        try {
          this.index = this.engine.load(cached.data);
          this.generation++;
          this.status = {
            entries: cached.entries,
            evidence: cached.evidence,
            seq,
            builtFrom: 'cache',
            builtAt: cached.builtAt,
            updates: 0,
            savedSeq: seq,
          };
          return;
        } catch (err) {
          console.warn('[crosswalk] persisted index unreadable, rebuilding from the library:', err);
        }
      }
      await this.rebuild();
      await this.persist();
    }).catch((err: unknown) => {
      this.started = undefined; // let the next request try again instead of failing forever
      throw err;
    });
    return this.started;
  }

  /** Catch up with the library's change log. */
  async sync(): Promise<IndexStatus> {
    await this.start();
    return this.exclusive(async () => {
      const { changes, complete } = await this.lib.changesSince(this.status.seq);
      const relevant = changes.filter((c) => c.table === 'entries' || c.table === 'evidence');
      const last = changes.at(-1)?.seq;
      if (!relevant.length) {
        if (last !== undefined) this.status = { ...this.status, seq: last };
        return this.status;
      }
      const changed = relevant.reduce((n, c) => n + c.ids.length, 0);
      if (
        !complete ||
        relevant.some((c) => c.op === 'clear') ||
        changed > (this.options.rebuildAbove ?? REBUILD_ABOVE)
      ) {
        await this.rebuild();
        await this.persistSoon();
        return this.status;
      }
      await this.apply(relevant);
      this.status = { ...this.status, seq: last ?? this.status.seq, updates: this.status.updates + 1 };
      await this.persistSoon();
      return this.status;
    });
  }

  async match(questions: readonly QuestionInput[], options: MatchOptions): Promise<MatchResult[]> {
    return (await this.matchAt(questions, options)).results;
  }

  /** As match, with the generation of the index that answered (citations sent once per generation: match-wire.ts). */
  async matchAt(
    questions: readonly QuestionInput[],
    options: MatchOptions,
  ): Promise<{ results: MatchResult[]; generation: number }> {
    await this.start();
    await this.catchUp();
    const index = this.index!;
    const generation = this.generation;
    const opts = { ...options, today: options.today ?? todayUtc() };
    const keys = questions.map((q) => this.results.keyOf(q, opts));
    const out: (MatchResult | undefined)[] = questions.map((q, i) => {
      const key = keys[i];
      return key === undefined ? undefined : this.results.get(generation, key, q.id);
    });
    const missing = questions.flatMap((q, i) => (out[i] ? [] : [i]));
    if (missing.length) {
      const fresh = this.engine.matchAll(
        index,
        missing.map((i) => questions[i]!),
        opts,
      );
      missing.forEach((i, n) => {
        const result = fresh[n]!;
        out[i] = result;
        const key = keys[i];
        if (key !== undefined) this.results.set(generation, key, result);
      });
    }
    return { results: out as MatchResult[], generation };
  }

  /** Search the library by hand: the query is matched like a question, and every candidate is listed. */
  async search(query: string, limit: number, options: MatchOptions): Promise<Suggestion[]> {
    const [result] = await this.match([{ question: query }], { ...options, limit });
    return (result?.suggestions ?? []).slice(0, limit);
  }

  /**
   * Sync, but wait at most `waitMs`: a sync still running then (the library is mid-import, or a large change set
   * is being rebuilt) goes on in the background, and the caller uses the index as it is, which is consistent.
   * A sync that fails within the wait fails the caller, as before.
   */
  private async catchUp(): Promise<void> {
    // A catch-up that a match already gave up waiting for is still running: do not make this match wait for it
    // too (its sync queues behind that catch-up and goes on in the background, like the first one).
    if (this.behind > 0) {
      this.sync().catch((err: unknown) =>
        console.warn('[crosswalk] index catch-up failed; the next request retries:', err),
      );
      return;
    }
    const synced = this.sync();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), this.options.waitMs ?? WAIT_MS);
    });
    try {
      const outcome = await Promise.race([synced, late]);
      if (outcome === 'late') {
        this.behind++;
        synced.then(
          () => this.behind--,
          (err: unknown) => {
            this.behind--;
            console.warn('[crosswalk] index catch-up failed; the next request retries:', err);
          },
        );
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /** Matches answered from the last consistent index while a catch-up was still running (tests, diagnostics). */
  get lagging(): boolean {
    return this.behind > 0;
  }
  private behind = 0;

  getStatus(): IndexStatus {
    return this.status;
  }

  private async rebuild(): Promise<void> {
    // Read the sequence first: a write landing during loadAll is re-applied by the next sync (idempotent).
    const seq = await this.lib.changeSeq();
    const { entries, evidence } = await this.lib.loadAll();
    // Built a slice at a time beside the current index, which keeps answering until the new one replaces it.
    const index = this.engine.build([], evidence);
    const sliceMs = this.options.sliceMs ?? SLICE_MS;
    let sliceStart = performance.now();
    for (const entry of entries) {
      this.engine.putEntry(index, entry.id, entry.status === 'retired' ? undefined : entry);
      if (performance.now() - sliceStart >= sliceMs) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
    this.index = index;
    this.generation++;
    this.status = {
      entries: entries.length,
      evidence: evidence.length,
      seq,
      builtFrom: 'library',
      builtAt: new Date().toISOString(),
      updates: 0,
      // The saved copy is still the older one until the next persist.
      ...(this.status.savedSeq === undefined ? {} : { savedSeq: this.status.savedSeq }),
    };
  }

  /** Apply only the records named in the change log: each is re-read and put into (or taken out of) the index. */
  private async apply(changes: readonly { table: string; op: string; ids: string[] }[]): Promise<void> {
    // Read every record first, then update the index in one synchronous step: a match answered meanwhile (see
    // catchUp) sees the index before or after these changes, never half of them.
    const entries = new Map<string, AnswerEntry | undefined>();
    const evidence = new Map<string, EvidenceItem | undefined>();
    for (const change of changes) {
      for (const id of change.ids) {
        if (change.table === 'entries') {
          entries.set(id, change.op === 'purge' ? undefined : await this.lib.entries.get(id));
        } else {
          evidence.set(id, change.op === 'purge' ? undefined : await this.lib.evidence.get(id));
        }
      }
    }
    const index = this.index!;
    for (const [id, rec] of entries) this.engine.putEntry(index, id, rec && rec.status !== 'retired' ? rec : undefined);
    for (const [id, rec] of evidence)
      this.engine.putEvidence(index, id, rec && rec.status !== 'retired' ? rec : undefined);
    this.generation++;
    this.status = { ...this.status, ...this.engine.counts(index), builtAt: new Date().toISOString() };
  }

  private async persist(): Promise<void> {
    clearTimeout(this.persistTimer);
    this.persistTimer = undefined;
    const { seq, builtAt, entries, evidence } = this.status;
    try {
      await this.cache.write({ seq, builtAt, entries, evidence, data: this.engine.serialize(this.index!) });
      // Reported by bg/status so a caller can tell whether a cold start would load this index or rebuild.
      this.status = { ...this.status, savedSeq: seq };
    } catch (err) {
      // A failed cache write only costs a rebuild on the next cold start.
      console.warn('[crosswalk] could not persist the search index:', err);
    }
  }

  /**
   * Save the index once the library has been quiet for `persistDelayMs`. Serializing a 20,000-entry index is a
   * long synchronous step: done after every edit of a burst (or during an import's catch-up) it would hold up the
   * very matches this service exists to answer. A worker stopped before the timer fires only rebuilds on its
   * next start.
   */
  private async persistSoon(): Promise<void> {
    const delay = this.options.persistDelayMs ?? PERSIST_DELAY_MS;
    if (delay <= 0) return this.persist();
    clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => {
      this.persistTimer = undefined;
      void this.exclusive(() => this.persist());
    }, delay);
    // Node (CLI, tests, bench) must not stay alive for a save nobody waits for; browsers return a number here.
    (this.persistTimer as { unref?: () => void }).unref?.();
  }
  private persistTimer: ReturnType<typeof setTimeout> | undefined;

  /** Save now what a pending save would have saved (tests; a worker about to be stopped). */
  async flush(): Promise<void> {
    if (this.persistTimer === undefined) return;
    await this.exclusive(() => this.persist());
  }

  /** One index operation at a time, so a sync never races a rebuild. */
  private exclusive<R>(fn: () => Promise<R>): Promise<R> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Today as YYYY-MM-DD in UTC, the form lib/match compares review dates and expiry with. */
function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
