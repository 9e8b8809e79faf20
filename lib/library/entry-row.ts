// Live entry rows are stored compactly. IndexedDB structured-clones every row on write and again on every read,
// and that cost grows with the number of objects in a row: an entry fresh from a questionnaire is mostly empty
// lists, empty roles and an unrestricted scope, plus its controls twice (as refs and as the index keys). So a
// row leaves out fields that still hold their schema default and keeps controls once, as `controlKeys` (which
// the multi-entry index needs anyway). This halves the clone work of a cold open and of a large import, in
// browsers as in fake-indexeddb. Rows written in full (older releases, tests seeding IndexedDB directly) read
// back unchanged. Dexie upgrade functions written later must read rows through fromEntryRow, not `row.controls`.
import type { ControlRef, Framework } from '../controls';
import { controlKey } from './controls-check';
import type { DefaultedEntryField, SavedMeta, StoredEntry } from './db';
import { AnswerEntry } from './schema';

/** Schema order, so a record read back has the same key order (and the same JSON) as one fresh from zod. */
const ENTRY_KEYS = Object.keys(AnswerEntry.shape) as (keyof AnswerEntry)[];

const isEmptyList = (v: unknown) => Array.isArray(v) && v.length === 0;
const SCOPE_KEYS = ['services', 'environments', 'regions', 'dataTypes'] as const;

/** Is this value the field's schema default? (fromEntryRow puts a fresh default back.) */
const DEFAULTED: Record<DefaultedEntryField, (v: unknown) => boolean> = {
  alternatives: isEmptyList,
  evidenceIds: isEmptyList,
  tags: isEmptyList,
  roles: (v) => typeof v === 'object' && v !== null && Object.keys(v).length === 0,
  scope: (v) => {
    if (typeof v !== 'object' || v === null || Object.keys(v).length !== SCOPE_KEYS.length) return false;
    const s = v as Record<string, unknown>;
    return SCOPE_KEYS.every((k) => isEmptyList(s[k]));
  },
};
const isDefaulted = (k: string): k is DefaultedEntryField => Object.hasOwn(DEFAULTED, k);

export function toEntryRow(e: AnswerEntry, saved: SavedMeta): StoredEntry {
  const row: Record<string, unknown> = {};
  for (const k of Object.keys(e) as (keyof AnswerEntry)[]) {
    const v = e[k];
    if (v === undefined || k === 'controls' || (isDefaulted(k) && DEFAULTED[k](v))) continue;
    row[k] = v;
  }
  row.controlKeys = e.controls.map(controlKey);
  row.saved = saved;
  return row as StoredEntry;
}

// "framework|id" → its two parts, remembered: a library cites a few hundred distinct controls at most.
const refParts = new Map<string, [Framework, string]>();
function refOfKey(key: string): ControlRef {
  let parts = refParts.get(key);
  if (!parts) {
    const i = key.indexOf('|');
    parts = [key.slice(0, i) as Framework, key.slice(i + 1)];
    if (refParts.size < 10_000) refParts.set(key, parts);
  }
  return { framework: parts[0], id: parts[1] };
}

let EXTRA_KEYS: readonly (keyof AnswerEntry)[] = [];

/**
 * Row → record, in schema key order (so exports of a loaded library are byte-identical to before). Written out
 * field by field: this runs for every entry on every cold open, and one object literal is several times faster
 * than a generic copy loop. Fields added to the schema later are still carried over by the EXTRA_KEYS loop.
 */
export function fromEntryRow(row: StoredEntry): AnswerEntry {
  const e: AnswerEntry = {
    id: row.id,
    question: row.question,
    alternatives: row.alternatives ?? [],
    answer: row.answer,
    shortAnswer: row.shortAnswer,
    notes: row.notes,
    controls: row.controls ?? (row.controlKeys ?? []).map(refOfKey),
    evidenceIds: row.evidenceIds ?? [],
    owner: row.owner,
    roles: row.roles ?? {},
    status: row.status,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt,
    reviewBy: row.reviewBy,
    scope: row.scope ?? { services: [], environments: [], regions: [], dataTypes: [] },
    reuse: row.reuse,
    tags: row.tags ?? [],
    source: row.source,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
  if (EXTRA_KEYS.length) {
    const src = row as unknown as Record<string, unknown>;
    const out = e as unknown as Record<string, unknown>;
    for (const k of EXTRA_KEYS) if (src[k] !== undefined) out[k] = src[k];
  }
  return e;
}
// Schema fields the literal above does not name (none today): probed once, with the loop disabled.
EXTRA_KEYS = ENTRY_KEYS.filter((k) => !(k in fromEntryRow({ controlKeys: [] } as unknown as StoredEntry)));
