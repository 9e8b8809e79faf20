// One repository implementation for both versioned record kinds (answer entries and evidence):
// the current version is the live row (with when/why it was saved); each superseded version is a full
// snapshot in a second table. Storing the current version once halves the writes of a big import.
// Soft delete = status 'retired' (a new version); only purge() removes rows, and only retired ones.
import type { Table } from 'dexie';
import type { z } from 'zod';
import type { ControlRef } from '../controls';
import type { ChangeReason, ChangeTable, SavedMeta, VersionRow } from './db';
import { LibraryError, messages } from './errors';
import { LIMITS } from './limits';
import { newId, nowIso, sameContent } from './stable';
import { validateEdit, validateRecord } from './validate-record';

export interface Versioned {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  status: string;
  controls: ControlRef[];
}

/** What callers pass to put(): the record without bookkeeping; `id` optional (generated when absent). */
export type Draft<TInput> = Omit<TInput, 'id' | 'createdAt' | 'updatedAt' | 'version'> & { id?: string };

/** What the store itself reads from a live row; the rest of the row belongs to toRow/fromRow. */
export interface RowOf {
  id: string;
  version: number;
  updatedAt: string;
  saved?: SavedMeta;
}

export interface StoreSpec<T extends Versioned, Row extends RowOf> {
  table: ChangeTable & ('entries' | 'evidence');
  label: string;
  idPrefix: string;
  schema: z.ZodType<T, unknown>;
  current: () => Table<Row, string>;
  versions: () => Table<VersionRow<T>, [string, number]>;
  /** Record → live row (adds derived index fields and the saved meta). */
  toRow: (rec: T, saved: SavedMeta) => Row;
  /** Live row → record (drops derived fields and the saved meta). */
  fromRow: (row: Row) => T;
}

/** Hooks into the owning library: run in its one write transaction, record a change. */
export interface WriteContext {
  write<R>(fn: () => Promise<R>): Promise<R>;
  logChange(table: ChangeTable, op: 'put' | 'purge' | 'clear', ids: string[]): Promise<void>;
}

export interface ListOptions {
  /** Retired records are hidden unless asked for (they are soft-deleted). */
  includeRetired?: boolean;
}

/** The write side used by import and backup restore (structural, so it is independent of row types). */
export interface VersionWriter<T> {
  get(id: string): Promise<T | undefined>;
  saveVersions(
    recs: readonly T[],
    reason: ChangeReason,
    savedAt: string,
    opts?: { allNew?: boolean; note?: string },
  ): Promise<void>;
  getMany(ids: readonly string[]): Promise<(T | undefined)[]>;
  writeWithHistory(
    recs: readonly T[],
    versions: readonly VersionRow<T>[],
    fallbackReason: ChangeReason,
    now: string,
  ): Promise<void>;
}

/**
 * Many keys or rows in requests of at most LIMITS.writeChunk each, one after the other (same transaction): the
 * same work as one huge request, but the request queue stays short (fake-indexeddb's queue costs grow with its
 * length: a 20,000-row bulk action took a second longer in one request) and the event loop runs between chunks.
 */
async function inChunks<I, R>(items: readonly I[], run: (chunk: I[]) => Promise<R[]>): Promise<R[]> {
  if (items.length <= LIMITS.writeChunk) return run([...items]);
  const out: R[] = [];
  for (let i = 0; i < items.length; i += LIMITS.writeChunk)
    out.push(...(await run(items.slice(i, i + LIMITS.writeChunk))));
  return out;
}

export class VersionedStore<T extends Versioned, TInput, Row extends RowOf> {
  constructor(
    private readonly ctx: WriteContext,
    private readonly spec: StoreSpec<T, Row>,
  ) {}

  async list(opts: ListOptions = {}): Promise<T[]> {
    const rows = await this.spec.current().toArray();
    const all = rows.map(this.spec.fromRow);
    return opts.includeRetired ? all : all.filter((r) => r.status !== 'retired');
  }

  async count(opts: ListOptions = {}): Promise<number> {
    const t = this.spec.current();
    return opts.includeRetired ? t.count() : t.where('status').notEqual('retired').count();
  }

  async get(id: string): Promise<T | undefined> {
    const row = await this.spec.current().get(id);
    return row ? this.spec.fromRow(row) : undefined;
  }

  /** Several records in one request (undefined where an id does not exist), in the order asked. */
  async getMany(ids: readonly string[]): Promise<(T | undefined)[]> {
    const rows = await this.spec.current().bulkGet([...ids]);
    return rows.map((row) => (row ? this.spec.fromRow(row) : undefined));
  }

  private async require(id: string): Promise<T> {
    const rec = await this.get(id);
    if (!rec) throw new LibraryError('not-found', messages.notFound(this.spec.label, id));
    return rec;
  }

  /** Create, or save a new version when the id exists. A save that changes nothing returns the current version. */
  async put(draft: Draft<TInput>): Promise<T> {
    const [rec] = await this.bulkPut([draft]);
    return rec!;
  }

  /** All drafts in one transaction: all saved, or (on any invalid one) none. `note` goes into each version's history. */
  async bulkPut(drafts: readonly Draft<TInput>[], reason: ChangeReason = 'update', note?: string): Promise<T[]> {
    return this.ctx.write(async () => {
      const now = nowIso();
      const ids = drafts.map((d) => d.id ?? newId(this.spec.idPrefix));
      const latest = new Map<string, T>();
      (await this.spec.current().bulkGet(ids)).forEach((row) => {
        if (row) latest.set(row.id, this.spec.fromRow(row));
      });
      const out: T[] = [];
      const toSave: T[] = [];
      drafts.forEach((draft, i) => {
        const id = ids[i]!;
        const existing = latest.get(id);
        const candidate = validateRecord(this.spec.schema, this.spec.label, {
          ...draft,
          id,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
          version: (existing?.version ?? 0) + 1,
        });
        if (existing && sameContent(existing, candidate)) {
          out.push(existing);
          return;
        }
        latest.set(id, candidate);
        toSave.push(candidate);
        out.push(candidate);
      });
      await this.saveVersions(toSave, reason, now, { ...(note ? { note } : {}) });
      if (toSave.length) await this.ctx.logChange(this.spec.table, 'put', [...new Set(toSave.map((r) => r.id))]);
      return out;
    });
  }

  /**
   * One edit applied to many records in one transaction (the entries table's bulk actions): `edit` returns the
   * new content for each current record; unchanged results are skipped. Returns, per record that changed, the
   * version before and after, which is what an undo needs.
   */
  async bulkUpdate(
    ids: readonly string[],
    edit: (current: T) => T,
    opts: { reason?: ChangeReason; note?: string } = {},
  ): Promise<{ id: string; before: number; after: number }[]> {
    return this.ctx.write(async () => {
      const now = nowIso();
      // One read: the rows give both the records to edit and the versions to archive (saveVersions would
      // otherwise read all of them again).
      const rows = await inChunks(ids, (chunk) => this.spec.current().bulkGet(chunk));
      const currents = rows.map((row) => (row ? this.spec.fromRow(row) : undefined));
      const previous = new Map<string, Row>();
      const toSave: T[] = [];
      const out: { id: string; before: number; after: number }[] = [];
      currents.forEach((current, i) => {
        if (!current) throw new LibraryError('not-found', messages.notFound(this.spec.label, ids[i]!));
        const next = edit(current);
        if (sameContent(current, next)) return;
        const rec = validateEdit(this.spec.schema, this.spec.label, current, {
          ...next,
          id: current.id,
          createdAt: current.createdAt,
          updatedAt: now,
          version: current.version + 1,
        });
        toSave.push(rec);
        previous.set(rec.id, rows[i]!);
        out.push({ id: rec.id, before: current.version, after: rec.version });
      });
      await this.saveVersions(toSave, opts.reason ?? 'update', now, {
        ...(opts.note ? { note: opts.note } : {}),
        previous,
      });
      if (toSave.length)
        await this.ctx.logChange(
          this.spec.table,
          'put',
          toSave.map((r) => r.id),
        );
      return out;
    });
  }

  /**
   * Undo of a bulk action: each record goes back to `before` as a new version, but only while it is still at
   * `after` (a record edited since is left alone and reported in `skipped`).
   */
  async bulkRevert(
    steps: readonly { id: string; before: number; after: number }[],
    note?: string,
  ): Promise<{ reverted: string[]; skipped: string[] }> {
    return this.ctx.write(async () => {
      const now = nowIso();
      const currents = await this.getMany(steps.map((s) => s.id));
      // The "before" versions are archived (the live row is "after"): one request for all of them.
      const olds = await inChunks(
        steps.map((s) => [s.id, s.before] as [string, number]),
        (chunk) => this.spec.versions().bulkGet(chunk),
      );
      const toSave: T[] = [];
      const skipped: string[] = [];
      for (const [i, step] of steps.entries()) {
        const current = currents[i];
        const archived = current && current.version === step.after ? olds[i] : undefined;
        const old = archived ? this.readArchived(archived).record : undefined;
        if (!current || !old) {
          skipped.push(step.id);
          continue;
        }
        toSave.push({ ...old, createdAt: current.createdAt, updatedAt: now, version: current.version + 1 });
      }
      await this.saveVersions(toSave, 'restore', now, { ...(note ? { note } : {}) });
      if (toSave.length)
        await this.ctx.logChange(
          this.spec.table,
          'put',
          toSave.map((r) => r.id),
        );
      return { reverted: toSave.map((r) => r.id), skipped };
    });
  }

  /** Apply a partial edit as a new version (earlier versions stay readable in history()). */
  async update(id: string, patch: Partial<Draft<TInput>>): Promise<T> {
    return this.ctx.write(async () => {
      const current = await this.require(id);
      const { createdAt: _c, updatedAt: _u, version: _v, ...base } = current;
      const [rec] = await this.bulkPut([{ ...(base as unknown as Draft<TInput>), ...patch, id }]);
      return rec!;
    });
  }

  /** Every saved version including the current one, oldest first. */
  async history(id: string): Promise<VersionRow<T>[]> {
    const [archived, row] = await Promise.all([
      this.spec.versions().where('id').equals(id).toArray(),
      this.spec.current().get(id),
    ]);
    const older = archived.filter((v) => v.version !== row?.version).map((v) => this.readArchived(v));
    const all = row ? [...older, this.versionRowOf(row)] : older;
    return all.sort((a, b) => a.version - b.version);
  }

  async getVersion(id: string, version: number): Promise<T | undefined> {
    const row = await this.spec.current().get(id);
    if (row && row.version === version) return this.spec.fromRow(row);
    const archived = await this.spec.versions().get([id, version]);
    return archived ? this.readArchived(archived).record : undefined;
  }

  /** Every version of every record (current ones included): what a backup stores. */
  async allVersions(): Promise<VersionRow<T>[]> {
    const [archived, rows] = await Promise.all([this.spec.versions().toArray(), this.spec.current().toArray()]);
    return [...archived.map((v) => this.readArchived(v)), ...rows.map((r) => this.versionRowOf(r))];
  }

  /**
   * A superseded version as it is archived: the live row as it was stored (compact, see entry-row.ts), not the
   * record rebuilt from it. Archiving is half the writes of a bulk action, and structured-cloning the compact
   * row costs about half as much as the full record. Read back through readArchived.
   */
  private archivedRowOf(row: Row): VersionRow<T> {
    const { saved } = row;
    return {
      id: row.id,
      version: row.version,
      savedAt: saved?.at ?? row.updatedAt,
      reason: saved?.reason ?? 'update',
      ...(saved?.note ? { note: saved.note } : {}),
      record: row as unknown as T, // stored form; readArchived turns it back into the record
    };
  }

  /** An archived version with its record as the schema has it (archives hold rows or, from older releases and backups, full records; fromRow reads both). */
  private readArchived(v: VersionRow<T>): VersionRow<T> {
    return { ...v, record: this.spec.fromRow(v.record as unknown as Row) };
  }

  private versionRowOf(row: Row): VersionRow<T> {
    return {
      id: row.id,
      version: row.version,
      savedAt: row.saved?.at ?? row.updatedAt,
      reason: row.saved?.reason ?? 'update',
      ...(row.saved?.note ? { note: row.saved.note } : {}),
      record: this.spec.fromRow(row),
    };
  }

  /** Make an earlier version current again, as a new version (so the restore itself is undoable). */
  async restore(id: string, version: number): Promise<T> {
    return this.ctx.write(async () => {
      const current = await this.require(id);
      const old = await this.getVersion(id, version);
      if (!old) throw new LibraryError('version-not-found', messages.versionNotFound(this.spec.label, id, version));
      if (sameContent(old, current)) return current;
      const now = nowIso();
      const rec = validateRecord(this.spec.schema, this.spec.label, {
        ...old,
        createdAt: current.createdAt,
        updatedAt: now,
        version: current.version + 1,
      });
      await this.saveVersion(rec, 'restore', now);
      await this.ctx.logChange(this.spec.table, 'put', [id]);
      return rec;
    });
  }

  /** Soft delete: a new version with status 'retired'. Reversible with restore(). */
  async retire(id: string): Promise<T> {
    return (await this.bulkRetire([id]))[0]!;
  }

  async bulkRetire(ids: readonly string[]): Promise<T[]> {
    return this.ctx.write(async () => {
      const now = nowIso();
      const out: T[] = [];
      for (const id of ids) {
        const current = await this.require(id);
        if (current.status === 'retired') {
          out.push(current);
          continue;
        }
        const rec = { ...current, status: 'retired', updatedAt: now, version: current.version + 1 } as T;
        await this.saveVersion(rec, 'retire', now);
        out.push(rec);
      }
      await this.ctx.logChange(this.spec.table, 'put', [...ids]);
      return out;
    });
  }

  /** Remove a retired record and all its versions for good. Refuses records that are not retired. */
  async purge(id: string): Promise<void> {
    await this.bulkPurge([id]);
  }

  async bulkPurge(ids: readonly string[]): Promise<void> {
    await this.ctx.write(async () => {
      for (const id of ids) {
        const current = await this.require(id);
        if (current.status !== 'retired')
          throw new LibraryError('not-retired', messages.notRetired(this.spec.label, id));
        await this.spec.current().delete(id);
        await this.spec.versions().where('id').equals(id).delete();
      }
      await this.ctx.logChange(this.spec.table, 'purge', [...ids]);
    });
  }

  /**
   * Write already-validated records as the current versions, archiving the versions they supersede
   * (used by put/update/restore/retire, import and restore). `allNew` skips the lookup when the caller
   * knows none of the ids exist yet (a large import into the library); `previous` gives the current rows when
   * the caller has just read them in this transaction (a bulk action).
   */
  async saveVersions(
    recs: readonly T[],
    reason: ChangeReason,
    savedAt: string,
    opts: { allNew?: boolean; note?: string; previous?: ReadonlyMap<string, Row> } = {},
  ): Promise<void> {
    if (!recs.length) return;
    const why = (r: T): ChangeReason => (r.version === 1 && reason === 'update' ? 'create' : reason);
    const note = opts.note ? { note: opts.note } : {};
    const lastIndex = new Map(recs.map((r, i) => [r.id, i]));
    const archive: VersionRow<T>[] = [];
    // The same id twice in one batch: the earlier one is superseded within the batch.
    recs.forEach((r, i) => {
      if (lastIndex.get(r.id) !== i)
        archive.push({ id: r.id, version: r.version, savedAt, reason: why(r), ...note, record: r });
    });
    const finals = recs.filter((r, i) => lastIndex.get(r.id) === i);
    if (!opts.allNew) {
      // A Set, not archive.some(): re-importing 20,000 known ids must stay linear.
      const archived = new Set(archive.map((a) => `${a.id}\u0000${a.version}`));
      const given = opts.previous;
      const previous = given
        ? finals.map((r) => given.get(r.id))
        : await inChunks(
            finals.map((r) => r.id),
            (chunk) => this.spec.current().bulkGet(chunk),
          );
      previous.forEach((row) => {
        if (row && !archived.has(`${row.id}\u0000${row.version}`)) archive.push(this.archivedRowOf(row));
      });
    }
    await inChunks(archive, async (chunk) => [await this.spec.versions().bulkPut(chunk)]);
    const rows = finals.map((r) => this.spec.toRow(r, { at: savedAt, reason: why(r), ...note }));
    await inChunks(rows, async (chunk) => [await this.spec.current().bulkPut(chunk)]);
  }

  async saveVersion(rec: T, reason: ChangeReason, savedAt: string): Promise<void> {
    await this.saveVersions([rec], reason, savedAt);
  }

  /** Write records with their full history as given (backup restore): current rows plus archived versions. */
  async writeWithHistory(
    recs: readonly T[],
    versions: readonly VersionRow<T>[],
    fallbackReason: ChangeReason,
    now: string,
  ): Promise<void> {
    const currentVersion = new Map(recs.map((r) => [r.id, r.version]));
    const meta = new Map(
      versions
        .filter((v) => currentVersion.get(v.id) === v.version)
        .map((v) => [v.id, { at: v.savedAt, reason: v.reason, ...(v.note ? { note: v.note } : {}) }]),
    );
    const older = versions.filter((v) => currentVersion.get(v.id) !== v.version);
    await inChunks(older, async (chunk) => [await this.spec.versions().bulkPut(chunk)]);
    const rows = recs.map((r) => this.spec.toRow(r, meta.get(r.id) ?? { at: now, reason: fallbackReason }));
    await inChunks(rows, async (chunk) => [await this.spec.current().bulkPut(chunk)]);
  }
}
