// Which parts of an entry a file speaks for. A re-import updates only those: an entry's scope survives a
// spreadsheet without scope columns, its SOC 2 roles survive a file with ISO roles only, and a row with an empty
// Owner cell keeps the library's owner. This is what makes "export, edit two cells, import" change two fields.
import { type Framework, FRAMEWORKS } from '../../controls';
import type { AnswerEntry, Scope } from '../schema';
import { stableStringify } from '../stable';
import type { ColumnKind } from './columns';

type ScopeAxis = keyof Scope;
const SCOPE_AXES: readonly ScopeAxis[] = ['services', 'environments', 'regions', 'dataTypes'];

export type FileField =
  | 'id'
  | 'question'
  | 'alternatives'
  | 'answer'
  | 'shortAnswer'
  | 'notes'
  | 'owner'
  | 'status'
  | 'approvedBy'
  | 'approvedAt'
  | 'reviewBy'
  | 'reuse'
  | 'tags'
  | 'evidenceIds'
  | `controls:${Framework}`
  | `roles:${Framework}`
  | `scope:${ScopeAxis}`;

/** Every field: what a Crosswalk JSON file carries. */
export const ALL_FIELDS: readonly FileField[] = [
  'id',
  'question',
  'alternatives',
  'answer',
  'shortAnswer',
  'notes',
  'owner',
  'status',
  'approvedBy',
  'approvedAt',
  'reviewBy',
  'reuse',
  'tags',
  'evidenceIds',
  ...FRAMEWORKS.map((f) => `controls:${f}` as const),
  ...FRAMEWORKS.map((f) => `roles:${f}` as const),
  ...SCOPE_AXES.map((a) => `scope:${a}` as const),
];

/** The fields a mapped column gives. */
export function fieldsOfColumns(columns: Partial<Record<ColumnKind, number>>): Set<FileField> {
  const out = new Set<FileField>();
  const has = (k: ColumnKind) => columns[k] !== undefined;
  const simple: [ColumnKind, FileField][] = [
    ['id', 'id'],
    ['question', 'question'],
    ['alternatives', 'alternatives'],
    ['answer', 'answer'],
    ['shortAnswer', 'shortAnswer'],
    ['comments', 'notes'],
    ['owner', 'owner'],
    ['status', 'status'],
    ['approvedBy', 'approvedBy'],
    ['approvedAt', 'approvedAt'],
    ['reviewBy', 'reviewBy'],
    ['reuse', 'reuse'],
    ['tags', 'tags'],
    ['category', 'tags'],
    ['evidenceIds', 'evidenceIds'],
    ['iso2022Roles', 'roles:iso27001:2022'],
    ['iso2013Roles', 'roles:iso27001:2013'],
    ['soc2Roles', 'roles:soc2:2017'],
    ['services', 'scope:services'],
    ['environments', 'scope:environments'],
    ['regions', 'scope:regions'],
    ['dataTypes', 'scope:dataTypes'],
  ];
  for (const [k, f] of simple) if (has(k)) out.add(f);
  // A short answer with no answer column is the answer too.
  if (has('shortAnswer') && !has('answer')) out.add('answer');
  // A mixed controls column speaks for every framework; a plain "ISO 27001" column for both ISO editions.
  if (has('controls')) for (const f of FRAMEWORKS) out.add(`controls:${f}`);
  if (has('iso2022')) out.add('controls:iso27001:2022').add('controls:iso27001:2013');
  if (has('iso2013')) out.add('controls:iso27001:2013');
  if (has('soc2')) out.add('controls:soc2:2017');
  return out;
}

/** Fields that fall back to the file's defaults when a row leaves them empty (bits of a row's `defaulted`). */
export const DEFAULTABLE = ['status', 'approvedBy', 'approvedAt', 'reuse', 'owner', 'reviewBy'] as const;
export type Defaultable = (typeof DEFAULTABLE)[number];
export const bit = (f: Defaultable): number => 1 << DEFAULTABLE.indexOf(f);

const SIMPLE: readonly (keyof AnswerEntry & FileField)[] = [
  'question',
  'alternatives',
  'answer',
  'shortAnswer',
  'notes',
  'owner',
  'status',
  'approvedBy',
  'approvedAt',
  'reviewBy',
  'reuse',
  'tags',
  'evidenceIds',
];

/**
 * `current` with the fields the file speaks for taken from `incoming`. Fields a row left to the defaults
 * (`defaulted` bits) keep the library's value: the defaults are for entries the library does not have yet.
 * Controls keep the library's order when the file lists the same set (spreadsheets group them by framework).
 */
export function overlay(
  current: AnswerEntry,
  incoming: AnswerEntry,
  fields: ReadonlySet<FileField>,
  defaulted: number,
): AnswerEntry {
  const out: AnswerEntry = { ...current };
  const rec = out as unknown as Record<string, unknown>;
  for (const f of SIMPLE) {
    if (!fields.has(f)) continue;
    if ((DEFAULTABLE as readonly string[]).includes(f) && defaulted & bit(f as Defaultable)) continue;
    rec[f] = incoming[f];
  }
  const fws = FRAMEWORKS.filter((f) => fields.has(`controls:${f}`));
  if (fws.length) {
    const kept = current.controls.filter((c) => !fws.includes(c.framework));
    const merged = [...kept, ...incoming.controls.filter((c) => fws.includes(c.framework))];
    out.controls = sameSet(merged, current.controls) ? current.controls : merged;
  }
  const roleFws = FRAMEWORKS.filter((f) => fields.has(`roles:${f}`));
  if (roleFws.length) {
    const roles = { ...current.roles };
    for (const f of roleFws) {
      if (incoming.roles[f]) roles[f] = incoming.roles[f];
      else delete roles[f];
    }
    out.roles = roles;
  }
  const axes = SCOPE_AXES.filter((a) => fields.has(`scope:${a}`));
  if (axes.length) {
    const scope = { ...current.scope };
    for (const a of axes) scope[a] = incoming.scope[a];
    out.scope = scope;
  }
  return out;
}

/** Same controls in any order (spreadsheets group them by framework column). */
export function sameSet(a: AnswerEntry['controls'], b: AnswerEntry['controls']): boolean {
  if (a.length !== b.length) return false;
  const key = (c: { framework: string; id: string }) => `${c.framework}|${c.id}`;
  const set = new Set(b.map(key));
  return a.every((c) => set.has(key(c)));
}

/** Did the words a customer reads change (question, answer, short answer)? Then an approval no longer holds. */
export function textChanged(a: AnswerEntry, b: AnswerEntry): boolean {
  return a.question !== b.question || a.answer !== b.answer || a.shortAnswer !== b.shortAnswer;
}

const IGNORED = new Set(['createdAt', 'updatedAt', 'version', 'source']);
const SCALARS = [
  'id',
  'question',
  'answer',
  'shortAnswer',
  'notes',
  'owner',
  'status',
  'approvedBy',
  'approvedAt',
  'reviewBy',
] as const;
const LISTS = ['alternatives', 'evidenceIds', 'tags'] as const;
const KNOWN = new Set<string>([...IGNORED, ...SCALARS, ...LISTS, 'controls', 'reuse', 'scope', 'roles']);

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Same content, ignoring bookkeeping and provenance: an unchanged row re-imported is not a new version. Field by
 * field (a re-import compares every row of the file); fields it does not know are compared as stable JSON.
 */
export function sameEntryContent(a: AnswerEntry, b: AnswerEntry): boolean {
  for (const k of SCALARS) if (a[k] !== b[k]) return false;
  for (const k of LISTS) if (!sameList(a[k], b[k])) return false;
  if (a.controls.length !== b.controls.length) return false;
  for (let i = 0; i < a.controls.length; i++) {
    if (a.controls[i]!.framework !== b.controls[i]!.framework || a.controls[i]!.id !== b.controls[i]!.id) return false;
  }
  if (a.reuse.level !== b.reuse.level) return false;
  if (a.reuse.level === 'customer' && b.reuse.level === 'customer' && a.reuse.customer !== b.reuse.customer)
    return false;
  for (const axis of SCOPE_AXES) if (!sameList(a.scope[axis], b.scope[axis])) return false;
  if (stableStringify(a.roles) !== stableStringify(b.roles)) return false;
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!KNOWN.has(k) && stableStringify(ra[k]) !== stableStringify(rb[k])) return false;
  }
  return true;
}
