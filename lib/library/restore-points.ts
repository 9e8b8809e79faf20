// Automatic backups taken just before a restore replaces or deletes anything ("restore points"), so a restore
// never loses data: whatever it removed is in the newest point, downloadable as an ordinary backup file.
// Kept in their own IndexedDB database: a restore rewrites the library's tables, and these must survive it.
import Dexie, { type Table } from 'dexie';

export interface RestorePoint {
  id?: number;
  createdAt: string;
  /** Why it was taken, for the list in Options ("before replacing the library with backup of 2025-06-01"). */
  reason: string;
  /** Counts shown beside it. */
  entries: number;
  evidence: number;
  /** The backup file's bytes (serializeBackup), so downloading it gives exactly what "Back up library" writes. */
  file: Uint8Array;
}

/** How many points are kept; older ones are dropped when a new one is saved. */
export const RESTORE_POINTS_KEPT = 5;
export const RESTORE_POINTS_DB = 'crosswalk-restore-points';

class RestorePointDb extends Dexie {
  points!: Table<RestorePoint, number>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ points: '++id, createdAt' });
  }
}

export class RestorePointStore {
  constructor(private readonly db: RestorePointDb) {}

  async save(point: Omit<RestorePoint, 'id'>): Promise<number> {
    return this.db.transaction('rw', this.db.points, async () => {
      const id = await this.db.points.add(point);
      const ids = await this.db.points.orderBy('id').primaryKeys();
      if (ids.length > RESTORE_POINTS_KEPT)
        await this.db.points.bulkDelete(ids.slice(0, ids.length - RESTORE_POINTS_KEPT));
      return id;
    });
  }

  /** Newest first, without the file bytes (they are read one at a time by get()). */
  async list(): Promise<Omit<RestorePoint, 'file'>[]> {
    const all = await this.db.points.orderBy('id').reverse().toArray();
    return all.map(({ file: _f, ...meta }) => meta);
  }

  get(id: number): Promise<RestorePoint | undefined> {
    return this.db.points.get(id);
  }

  close(): void {
    this.db.close();
  }
}

export async function openRestorePoints(name = RESTORE_POINTS_DB): Promise<RestorePointStore> {
  const db = new RestorePointDb(name);
  await db.open();
  return new RestorePointStore(db);
}
