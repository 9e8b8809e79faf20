// Live entry rows are stored compactly. IndexedDB structured-clones every row on write and again on every read,
// and that cost grows with the number of objects in a row: an entry fresh from a questionnaire is mostly empty
// lists, empty roles and an unrestricted scope, plus its controls twice (as refs and as the index keys). So a
// row leaves out fields that still hold their schema default and keeps controls once, as `controlKeys` (which
// the multi-entry index needs anyway). This halves the clone work of a cold open and of a large import, in
// browsers as in fake-indexeddb. Rows written in full (older releases, tests seeding IndexedDB directly) read
// back unchanged. Dexie upgrade functions written later must read rows through fromEntryRow, not `row.controls`.
import type { ControlRef, Framework } from '../controls/framework';
import { controlKey } from './controls-check';
import type { DefaultedEntryField, SavedMeta, StoredEntry } from './db';
import { AnswerEntry } from './schema';

/** Schema order, so a record read back has the same key order (and the same JSON) as one fresh from zod. */
const ENTRY_KEYS = Object.keys(AnswerEntry.shape) as (keyof AnswerEntry)[];

const isEmptyList = (v: unknown) => Array.isArray(v) && v.length === 0;
const SCOPE_KEYS = ['services', 'environments', 'regions', 'dataTypes'] as const;

/** Each defaulted field: is this value the default, and a fresh default (callers own the objects they get). */
const DEFAULTED: Record<DefaultedEntryField, { isDefault: (v: unknown) => boolean; make: () => unknown }> = {
  alternatives: { isDefault: isEmptyList, make: () => [] },
  evidenceIds: { isDefault: isEmptyList, make: () => [] },
  tags: { isDefault: isEmptyList, make: () => [] },
  roles: { isDefault: (v) => typeof v === 'object' && v !== null && Object.keys(v).length === 0, make: () => ({}) },
  scope: {
    isDefault: (v) => {
      if (typeof v !== 'object' || v === null || Object.keys(v).length !== SCOPE_KEYS.length) return false;
      const s = v as Record<string, unknown>;
      return SCOPE_KEYS.every((k) => isEmptyList(s[k]));
    },
    make: () => ({ services: [], environments: [], regions: [], dataTypes: [] }),
  },
};
const isDefaulted = (k: string): k is DefaultedEntryField => Object.hasOwn(DEFAULTED, k);

export function toEntryRow(e: AnswerEntry, saved: SavedMeta): StoredEntry {
  const row: Record<string, unknown> = {};
  for (const k of Object.keys(e) as (keyof AnswerEntry)[]) {
    const v = e[k];
    if (v === undefined || k === 'controls' || (isDefaulted(k) && DEFAULTED[k].isDefault(v))) continue;
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

export function fromEntryRow(row: StoredEntry): AnswerEntry {
  const src = row as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of ENTRY_KEYS) {
    const v = src[k];
    if (v !== undefined) out[k] = v;
    else if (k === 'controls') out[k] = (row.controlKeys ?? []).map(refOfKey);
    else if (isDefaulted(k)) out[k] = DEFAULTED[k].make();
  }
  return out as AnswerEntry;
}
