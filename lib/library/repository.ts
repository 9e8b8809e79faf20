// The typed library repository: the only door to IndexedDB for the rest of the extension.
// Every write runs in one Dexie transaction over the whole library and appends to a change log,
// so the background's search index can follow edits (onChange in-process, changesSince across contexts).
import Dexie from 'dexie';
import type { ControlRef } from '../controls';
import { controlKey } from './controls-check';
import {
  LibraryDb,
  type ChangeOp,
  type ChangeRow,
  type ChangeTable,
  type StoredEntry,
  type StoredEvidence,
} from './db';
import { fromEntryRow, toEntryRow } from './entry-row';
import { LIMITS } from './limits';
import { AnswerEntry, EvidenceItem, type AnswerEntryInput, type EvidenceItemInput } from './schema';
import { nowIso } from './stable';
import { VersionedStore, type Draft, type WriteContext } from './versioned-store';

export type EntryDraft = Draft<AnswerEntryInput>;
export type EvidenceDraft = Draft<EvidenceItemInput>;
export type LibraryChange = Required<ChangeRow>;
export type ChangeListener = (change: LibraryChange) => void;

export interface LibraryData {
  entries: AnswerEntry[];
  evidence: EvidenceItem[];
}

function fromEvidenceRow(row: StoredEvidence): EvidenceItem {
  const { saved: _s, ...item } = row;
  return item;
}

export class SettingsStore {
  constructor(
    private readonly db: LibraryDb,
    private readonly ctx: WriteContext,
  ) {}
  async get<T = unknown>(key: string): Promise<T | undefined> {
    return (await this.db.settings.get(key))?.value as T | undefined;
  }
  async set(key: string, value: unknown): Promise<void> {
    await this.ctx.write(async () => {
      await this.db.settings.put({ key, value });
      await this.ctx.logChange('settings', 'put', [key]);
    });
  }
  async delete(key: string): Promise<void> {
    await this.ctx.write(async () => {
      await this.db.settings.delete(key);
      await this.ctx.logChange('settings', 'purge', [key]);
    });
  }
  async all(): Promise<Record<string, unknown>> {
    return Object.fromEntries((await this.db.settings.toArray()).map((r) => [r.key, r.value]));
  }
}

export class Library implements WriteContext {
  readonly entries: VersionedStore<AnswerEntry, AnswerEntryInput, StoredEntry>;
  readonly evidence: VersionedStore<EvidenceItem, EvidenceItemInput, StoredEvidence>;
  readonly settings: SettingsStore;
  private readonly listeners = new Set<ChangeListener>();
  private lastEmitted = 0;

  constructor(readonly db: LibraryDb) {
    this.entries = new VersionedStore(this, {
      table: 'entries',
      label: 'answer entry',
      idPrefix: 'ans',
      schema: AnswerEntry,
      current: () => db.entries,
      versions: () => db.entryVersions,
      toRow: toEntryRow,
      fromRow: fromEntryRow,
    });
    this.evidence = new VersionedStore(this, {
      table: 'evidence',
      label: 'evidence item',
      idPrefix: 'evd',
      schema: EvidenceItem,
      current: () => db.evidence,
      versions: () => db.evidenceVersions,
      toRow: (e, saved) => ({ ...e, saved }),
      fromRow: fromEvidenceRow,
    });
    this.settings = new SettingsStore(db, this);
  }

  get name(): string {
    return this.db.name;
  }

  /**
   * Run `fn` in one read-write transaction over every table: it all commits or (if `fn` throws) nothing does.
   * Nested calls join the outer transaction; listeners hear about changes once the outermost one commits.
   */
  async write<R>(fn: () => Promise<R>): Promise<R> {
    if (Dexie.currentTransaction) return fn();
    const result = await this.db.transaction('rw', this.db.allTables, fn);
    await this.emitNew();
    return result;
  }

  async logChange(table: ChangeTable, op: ChangeOp, ids: string[]): Promise<void> {
    const seq = await this.db.changes.add({ at: nowIso(), table, op, ids });
    if (seq > LIMITS.changeLogKeep)
      await this.db.changes
        .where('seq')
        .belowOrEqual(seq - LIMITS.changeLogKeep)
        .delete();
  }

  /** Listen to committed changes in this context. Returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sequence number of the last change: a cheap "has anything changed since I indexed?" check. */
  async changeSeq(): Promise<number> {
    return ((await this.db.changes.orderBy('seq').lastKey()) as number | undefined) ?? 0;
  }

  /** Changes after `seq`. `complete: false` means older changes were pruned: reload everything instead. */
  async changesSince(seq: number): Promise<{ changes: LibraryChange[]; complete: boolean }> {
    const changes = (await this.db.changes.where('seq').above(seq).toArray()) as LibraryChange[];
    const first = changes[0]?.seq;
    const complete = seq === 0 ? (first ?? 1) === 1 : first === undefined || first === seq + 1;
    return { changes, complete };
  }

  /** @internal Deliver changes committed since the last delivery (also used at open to skip old history). */
  async emitNew(): Promise<void> {
    if (!this.listeners.size) {
      this.lastEmitted = await this.changeSeq();
      return;
    }
    const { changes } = await this.changesSince(this.lastEmitted);
    for (const change of changes) {
      this.lastEmitted = change.seq;
      for (const l of this.listeners) l(change);
    }
  }

  /** Current entries and evidence (retired ones only when asked): what the search index is built from. */
  async loadAll(opts: { includeRetired?: boolean } = {}): Promise<LibraryData> {
    return this.db.transaction('r', this.db.entries, this.db.evidence, async () => ({
      entries: await this.entries.list(opts),
      evidence: await this.evidence.list(opts),
    }));
  }

  /** Entries citing one control (framework + canonical id), via the multi-entry index. */
  async entriesCiting(ref: ControlRef): Promise<AnswerEntry[]> {
    return (await this.db.entries.where('controlKeys').equals(controlKey(ref)).toArray()).map(fromEntryRow);
  }

  async isEmpty(): Promise<boolean> {
    return (await this.db.entries.count()) === 0 && (await this.db.evidence.count()) === 0;
  }

  close(): void {
    this.db.close();
  }
}

/** Open (creating or upgrading as needed) the library database. */
export async function openLibrary(name = 'crosswalk'): Promise<Library> {
  const db = new LibraryDb(name);
  await db.open();
  const lib = new Library(db);
  await lib.emitNew();
  return lib;
}

/** Delete a library database entirely (tests, "reset extension"). */
export async function deleteLibrary(name = 'crosswalk'): Promise<void> {
  await Dexie.delete(name);
}
