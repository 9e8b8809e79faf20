// The background's search index over the library. Cold start loads the persisted index when it is
// current (no rebuild); afterwards it follows the library's change log and applies only the records
// that changed. Every public method first catches up with the log, so a write made in the options page
// is visible to the very next match, even if this worker missed the write while it was asleep.
import type { AnswerEntry, EvidenceItem, IndexSnapshot } from '../library';
import type { MatchResult, QuestionInput, Suggestion } from '../match';
import type { IndexStatus, QuestionnaireContext } from '../messaging';

export interface MatchOptions {
  threshold: number;
  context?: QuestionnaireContext;
  /** Citation footer template for free-text answers ('' = none). */
  footer?: string;
  limit?: number;
}

/** The matching engine as the background uses it (bound to lib/match in engine.ts; faked in tests). */
export interface MatchEngine<I> {
  build(entries: AnswerEntry[], evidence: EvidenceItem[]): I;
  /** Incremental updates: add or replace one record; undefined removes it. */
  putEntry(index: I, id: string, entry: AnswerEntry | undefined): void;
  putEvidence(index: I, id: string, item: EvidenceItem | undefined): void;
  counts(index: I): { entries: number; evidence: number };
  match(index: I, question: QuestionInput, options: MatchOptions): MatchResult;
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

export class IndexService<I> {
  private index: I | undefined;
  private status: IndexStatus = { entries: 0, evidence: 0, seq: 0, builtFrom: 'library', builtAt: '', updates: 0 };
  private queue: Promise<unknown> = Promise.resolve();
  private started: Promise<void> | undefined;

  constructor(
    private readonly lib: LibrarySource,
    private readonly engine: MatchEngine<I>,
    private readonly cache: IndexCache,
  ) {}

  /** Load the persisted index if it reflects the library as it is now; otherwise build from the library. */
  start(): Promise<void> {
    this.started ??= this.exclusive(async () => {
      const [seq, cached] = await Promise.all([this.lib.changeSeq(), this.cache.read().catch(() => undefined)]);
      if (cached && cached.seq === seq) {
        try {
          this.index = this.engine.load(cached.data);
          this.status = {
            entries: cached.entries,
            evidence: cached.evidence,
            seq,
            builtFrom: 'cache',
            builtAt: cached.builtAt,
            updates: 0,
          };
          return;
        } catch (err) {
          console.warn('[crosswalk] persisted index unreadable, rebuilding from the library:', err);
        }
      }
      await this.rebuild();
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
      if (!complete || relevant.some((c) => c.op === 'clear')) {
        await this.rebuild();
        return this.status;
      }
      await this.apply(relevant);
      this.status = { ...this.status, seq: last ?? this.status.seq, updates: this.status.updates + 1 };
      await this.persist();
      return this.status;
    });
  }

  async match(questions: readonly QuestionInput[], options: MatchOptions): Promise<MatchResult[]> {
    await this.sync();
    const index = this.index!;
    return questions.map((q) => this.engine.match(index, q, options));
  }

  /** Search the library by hand: the query is matched like a question, and every candidate is listed. */
  async search(query: string, limit: number, options: MatchOptions): Promise<Suggestion[]> {
    const [result] = await this.match([{ question: query }], { ...options, limit });
    return (result?.suggestions ?? []).slice(0, limit);
  }

  getStatus(): IndexStatus {
    return this.status;
  }

  private async rebuild(): Promise<void> {
    // Read the sequence first: a write landing during loadAll is re-applied by the next sync (idempotent).
    const seq = await this.lib.changeSeq();
    const { entries, evidence } = await this.lib.loadAll();
    this.index = this.engine.build(entries, evidence);
    this.status = {
      entries: entries.length,
      evidence: evidence.length,
      seq,
      builtFrom: 'library',
      builtAt: new Date().toISOString(),
      updates: 0,
    };
    await this.persist();
  }

  /** Apply only the records named in the change log: each is re-read and put into (or taken out of) the index. */
  private async apply(changes: readonly { table: string; op: string; ids: string[] }[]): Promise<void> {
    const index = this.index!;
    for (const change of changes) {
      for (const id of change.ids) {
        if (change.table === 'entries') {
          const rec = change.op === 'purge' ? undefined : await this.lib.entries.get(id);
          this.engine.putEntry(index, id, rec && rec.status !== 'retired' ? rec : undefined);
        } else {
          const rec = change.op === 'purge' ? undefined : await this.lib.evidence.get(id);
          this.engine.putEvidence(index, id, rec && rec.status !== 'retired' ? rec : undefined);
        }
      }
    }
    this.status = { ...this.status, ...this.engine.counts(index), builtAt: new Date().toISOString() };
  }

  private async persist(): Promise<void> {
    const { seq, builtAt, entries, evidence } = this.status;
    try {
      await this.cache.write({ seq, builtAt, entries, evidence, data: this.engine.serialize(this.index!) });
    } catch (err) {
      // A failed cache write only costs a rebuild on the next cold start.
      console.warn('[crosswalk] could not persist the search index:', err);
    }
  }

  /** One index operation at a time, so a sync never races a rebuild. */
  private exclusive<R>(fn: () => Promise<R>): Promise<R> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
