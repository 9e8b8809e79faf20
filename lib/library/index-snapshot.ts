// The background's search-index snapshot, in its own IndexedDB database ("crosswalk-index").
// Why not chrome.storage.local: anything there can be read by a content script's isolated world (unless the
// access level is raised), and a 20k-entry snapshot exceeds its quota, after which every worker start
// rebuilds the index from scratch. Why not a table in the library database: the snapshot is derived data,
// rebuilt from the library at any time, so it stays out of backups and out of the library's schema versions;
// deleting this database loses nothing.
import Dexie, { type Table } from 'dexie';

/** One saved index: what the background needs to trust it on a cold start, plus the engine's opaque data. */
export interface IndexSnapshot {
  /** Library change sequence the snapshot reflects (the background reuses it only if nothing changed since). */
  seq: number;
  builtAt: string;
  entries: number;
  evidence: number;
  /** The matching engine's serialized index (lib/match's SerializedIndex); validated by the engine on load. */
  data: unknown;
}

interface SnapshotRow extends IndexSnapshot {
  key: string;
}

/** There is one snapshot; the key leaves room for others (e.g. per-profile indexes) without a schema change. */
const KEY = 'search-index';

class SnapshotDb extends Dexie {
  snapshots!: Table<SnapshotRow, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ snapshots: 'key' });
  }
}

export const INDEX_SNAPSHOT_DB = 'crosswalk-index';

export class IndexSnapshotStore {
  constructor(private readonly db: SnapshotDb) {}

  async read(): Promise<IndexSnapshot | undefined> {
    const row = await this.db.snapshots.get(KEY);
    if (!row) return undefined;
    const { key: _k, ...snapshot } = row;
    return snapshot;
  }

  async write(snapshot: IndexSnapshot): Promise<void> {
    await this.db.snapshots.put({ ...snapshot, key: KEY });
  }

  async clear(): Promise<void> {
    await this.db.snapshots.clear();
  }

  close(): void {
    this.db.close();
  }
}

export async function openIndexSnapshots(name = INDEX_SNAPSHOT_DB): Promise<IndexSnapshotStore> {
  const db = new SnapshotDb(name);
  await db.open();
  return new IndexSnapshotStore(db);
}
