// The Dexie database. lib/library is the only code that touches IndexedDB; everything else goes through
// the repository (repository.ts). Row types are the zod-inferred records plus derived index fields.
import Dexie, { type Table } from 'dexie';
import type { AnswerEntry, EvidenceItem } from './schema';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from './db-schema';
import type { FillRecord, LibraryNotification, SignOff } from '../review';

export type ChangeReason = 'create' | 'update' | 'restore' | 'retire' | 'import' | 'backup-restore' | 'merge';

/** When and why the current version was saved (kept on the current row; moves into VersionRow when superseded). */
export interface SavedMeta {
  at: string;
  reason: ChangeReason;
  /** Why, in words, when the reason alone does not say it ("Imported from x.csv: approved by …", "Bulk: …"). */
  note?: string;
}

/** One saved version of a record: a full snapshot, never a diff, so any version can be read on its own. */
export interface VersionRow<T> {
  id: string;
  version: number;
  savedAt: string;
  reason: ChangeReason;
  note?: string;
  record: T;
}

/** Entry fields a live row may leave out while they hold their schema default (see entry-row.ts). */
export type DefaultedEntryField = 'alternatives' | 'evidenceIds' | 'roles' | 'scope' | 'tags';
/**
 * A live entry row, stored compactly (entry-row.ts): defaulted fields may be absent, and `controls` is normally
 * kept only as `controlKeys` ("framework|id", also the multi-entry index). Rows written in full still read back.
 */
export type StoredEntry = Omit<AnswerEntry, DefaultedEntryField | 'controls'> &
  Partial<Pick<AnswerEntry, DefaultedEntryField | 'controls'>> & { controlKeys: string[]; saved?: SavedMeta };
export type StoredEvidence = EvidenceItem & { saved?: SavedMeta };

export interface SettingRow {
  key: string;
  value: unknown;
}

export type ChangeTable = 'entries' | 'evidence' | 'settings';
export type ChangeOp = 'put' | 'purge' | 'clear';

export interface ChangeRow {
  seq?: number;
  at: string;
  table: ChangeTable;
  op: ChangeOp;
  ids: string[];
}

export class LibraryDb extends Dexie {
  entries!: Table<StoredEntry, string>;
  /** Superseded versions only: the current version is the row in `entries`. */
  entryVersions!: Table<VersionRow<AnswerEntry>, [string, number]>;
  evidence!: Table<StoredEvidence, string>;
  evidenceVersions!: Table<VersionRow<EvidenceItem>, [string, number]>;
  settings!: Table<SettingRow, string>;
  changes!: Table<ChangeRow, number>;
  // Review ledger (schema v3); rows are lib/review records, read and written only by ledger-store.ts.
  reviewLedger!: Table<FillRecord, string>;
  reviewSignoffs!: Table<SignOff & { seq?: number }, number>;
  reviewNotifications!: Table<LibraryNotification, string>;

  /** `upTo` exists for upgrade tests: open a database as an older release would have. */
  constructor(name: string, upTo: number = LATEST_SCHEMA_VERSION) {
    super(name);
    for (const v of SCHEMA_VERSIONS) {
      if (v.version > upTo) break;
      const ver = this.version(v.version).stores(v.stores);
      if (v.upgrade) ver.upgrade(v.upgrade);
    }
  }

  /** Every table, for transactions that must cover the whole library (import, restore). */
  get allTables() {
    return [this.entries, this.entryVersions, this.evidence, this.evidenceVersions, this.settings, this.changes];
  }
}
