// Every IndexedDB schema version in one list. To add a table (e.g. the review ledger), append one object:
//   { version: 3, stores: { reviewLedger: '++seq, entryId, at' } }
// plus its row type and a Table field on LibraryDb (db.ts). Dexie carries earlier tables forward, and an
// `upgrade` function only runs on databases created before that version. Never edit a shipped version.
import type { Transaction } from 'dexie';
import { controlKey, type ControlRef } from '../controls';

export interface SchemaVersion {
  version: number;
  /** Dexie store specs: primary key first, then indexes ('*' = multi-entry, '[a+b]' = compound). */
  stores: Record<string, string | null>;
  /** Migrates rows written by earlier versions; runs inside the upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
  why: string;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    why: 'current entries and evidence, every saved version of each, settings',
    stores: {
      entries: 'id, status',
      entryVersions: '[id+version], id',
      evidence: 'id, status',
      evidenceVersions: '[id+version], id',
      settings: 'key',
    },
  },
  {
    version: 2,
    why:
      'change log for the background search index; entries indexed by cited control; version tables keep only ' +
      'superseded versions (the current one is the live row), which halves the writes of a large import',
    stores: {
      entries: 'id, status, *controlKeys',
      changes: '++seq, at',
    },
    upgrade: async (tx) => {
      await tx
        .table('entries')
        .toCollection()
        .modify((row: { controls?: ControlRef[]; controlKeys?: string[] }) => {
          row.controlKeys = (row.controls ?? []).map(controlKey);
        });
      await moveCurrentVersionOntoRow(tx, 'entries', 'entryVersions');
      await moveCurrentVersionOntoRow(tx, 'evidence', 'evidenceVersions');
    },
  },
  {
    version: 3,
    why: 'review ledger: every fill and copy with its provenance, reviewer sign-offs, notifications for the library manager',
    stores: {
      reviewLedger: 'id, questionnaire.id, entryId, at',
      reviewSignoffs: '++seq, questionnaireId',
      reviewNotifications: 'id, at, entryId',
    },
  },
];

/** v1 stored the current version twice (live row + version row): keep its when/why on the live row, drop the copy. */
async function moveCurrentVersionOntoRow(tx: Transaction, current: string, versions: string): Promise<void> {
  type Row = { id: string; version: number; updatedAt: string; saved?: { at: string; reason: string } };
  const rows = (await tx.table(current).toArray()) as Row[];
  const copies = (await tx.table(versions).bulkGet(rows.map((r) => [r.id, r.version]))) as (
    { savedAt: string; reason: string } | undefined
  )[];
  rows.forEach((row, i) => {
    const copy = copies[i];
    row.saved = copy ? { at: copy.savedAt, reason: copy.reason } : { at: row.updatedAt, reason: 'update' };
  });
  await tx.table(current).bulkPut(rows);
  await tx.table(versions).bulkDelete(rows.map((r) => [r.id, r.version]));
}

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
