// The answer library's search index: BM25F over the whole entry (question + alternatives, answer, tags,
// and the titles and keywords of the controls it cites), kept in step with the library entry by entry, and
// saved as compact plain data so a cold start does not re-tokenize. Every field is analysed as words and
// concepts together (analyzeWords), the same analysis questions get.
import { z } from 'zod';
import { AnswerEntry, EvidenceItem } from '../library/model';
import { Bm25Index, type FieldSpec } from './bm25';
import { errorMessage } from '../errors';
import { MatchError, duplicateEntryError, indexFormatError, unknownEntryError } from './errors';
import { defaultControlSource, type ControlSource } from './control-source';
import { foldTerms, getLexicon } from './lexicon';
import { analyzeWords } from './text';

/**
 * Fields in this order (features read them by position: FIELD). The weights only choose the candidates
 * that ranking then scores field by field; they favour recall (see the design note).
 */
export const ANSWER_FIELDS: FieldSpec[] = [
  { name: 'question', weight: 2, b: 0.5 },
  { name: 'answer', weight: 1, b: 0.75 },
  { name: 'tags', weight: 0.5, b: 0 },
  { name: 'controls', weight: 1, b: 0.5 },
];
export const FIELD = { question: 0, answer: 1, tags: 2, controls: 3 } as const;

export interface IndexedEntry {
  /** The library entry (for a loaded index: parsed and validated on first read). */
  readonly entry: AnswerEntry;
  slot: number;
}

export interface AnswerIndex {
  bm25: Bm25Index;
  /** The control catalog whose titles and keywords make each entry's controls field. */
  source: ControlSource;
  slots: Array<string | null>;
  entries: Map<string, IndexedEntry>;
  evidence: Map<string, EvidenceItem>;
}

export function entryFields(entry: AnswerEntry, source: ControlSource): string[][] {
  const question: string[] = [];
  for (const q of [entry.question, ...entry.alternatives]) for (const t of analyzeWords(q)) question.push(t);
  const tags: string[] = [];
  for (const tag of entry.tags) for (const t of analyzeWords(tag)) tags.push(t);
  const controls: string[] = [];
  for (const c of entry.controls) for (const t of controlTerms(source, `${c.framework}|${c.id}`)) controls.push(t);
  // The answer is prose, not a numbered question: no numbering to strip ("12 months" keeps its 12).
  return [question, foldTerms(entry.answer, getLexicon(), true), tags, controls];
}

const controlTermCache = new WeakMap<ControlSource, Map<string, readonly string[]>>();
/** A control's title and keywords as terms ("framework|id"); nothing for a control the catalog lacks. */
function controlTerms(source: ControlSource, key: string): readonly string[] {
  let bySource = controlTermCache.get(source);
  if (!bySource) {
    bySource = new Map();
    for (const c of source.controls)
      bySource.set(`${c.framework}|${c.id}`, analyzeWords(`${c.title}. ${c.keywords.join(', ')}`));
    controlTermCache.set(source, bySource);
  }
  return bySource.get(key) ?? [];
}

/** Fingerprint of the catalog text the controls field is made of: a snapshot made with another is rebuilt. */
export function catalogFingerprint(source: ControlSource): string {
  let h = 2166136261;
  for (const c of source.controls) {
    const text = `${c.framework}|${c.id}|${c.title}|${c.keywords.join(',')}`;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return (h >>> 0).toString(36);
}

/**
 * Question variants (the question and each alternative) as distinct term numbers, for every entry that
 * has been a candidate, packed into one growing array: at `at[slot]` the variant count, then per variant
 * its length and its term numbers. Only candidates ever need them, so they are made on first use; one
 * block per entry keeps re-ranking in cache, where a typed array per variant cost a cache miss each.
 */
export interface VariantPool {
  data: Int32Array;
  used: number;
  /** Offset of each slot's block, -1 until made (and again once the entry is removed). */
  at: Int32Array;
  /** Words in blocks of removed entries; the pool starts over when they are most of it. */
  dead: number;
  /** Per variant, at the offset of its length word: the idf sum of its terms (NaN until first read).
   *  Every Dice with that variant needs it, and idf changes with the index, so it is kept for one
   *  generation of the index. */
  mass: Float64Array;
  massGeneration: number;
}

const pools = new WeakMap<AnswerIndex, VariantPool>();

export function variantPool(index: AnswerIndex): VariantPool {
  let pool = pools.get(index);
  if (!pool)
    pools.set(
      index,
      (pool = {
        data: new Int32Array(1024),
        used: 0,
        at: new Int32Array(0),
        dead: 0,
        mass: new Float64Array(1024).fill(NaN),
        massGeneration: index.bm25.generation,
      }),
    );
  if (pool.massGeneration !== index.bm25.generation) {
    pool.mass.fill(NaN);
    pool.massGeneration = index.bm25.generation;
  }
  if (pool.at.length < index.slots.length) {
    const at = new Int32Array(Math.max(16, index.slots.length * 2)).fill(-1);
    at.set(pool.at);
    pool.at = at;
  }
  return pool;
}

/** Offset in pool.data of the entry's variant block, made now if needed (pool.data may be replaced). */
export function entryVariants(index: AnswerIndex, pool: VariantPool, ie: IndexedEntry): number {
  const known = pool.at[ie.slot]!;
  if (known >= 0) return known;
  const variants = [ie.entry.question, ...ie.entry.alternatives].map((q) => [...new Set(analyzeWords(q))]);
  const size = 1 + variants.reduce((n, v) => n + 1 + v.length, 0);
  if (pool.used + size > pool.data.length) {
    const data = new Int32Array(Math.max(pool.data.length * 2, pool.used + size));
    data.set(pool.data.subarray(0, pool.used));
    pool.data = data;
    const mass = new Float64Array(data.length).fill(NaN);
    mass.set(pool.mass.subarray(0, pool.used));
    pool.mass = mass;
  }
  const start = pool.used;
  let o = start;
  pool.data[o++] = variants.length;
  for (const v of variants) {
    pool.data[o++] = v.length;
    for (const t of v) pool.data[o++] = index.bm25.termIndex(t);
  }
  pool.used = o;
  pool.at[ie.slot] = start;
  return start;
}

/** The idf sum of the variant whose length word is at data[o] (its terms follow it), summed in term order. */
export function variantMass(pool: VariantPool, bm25: Bm25Index, o: number): number {
  let m = pool.mass[o]!;
  if (Number.isNaN(m)) {
    m = 0;
    const data = pool.data;
    for (let i = o + 1, end = o + 1 + data[o]!; i < end; i++) m += bm25.idfAt(data[i]!);
    pool.mass[o] = m;
  }
  return m;
}

/** Forgets a removed entry's block; starts the pool over once removed blocks are most of it. */
function dropVariants(index: AnswerIndex, slot: number): void {
  const pool = pools.get(index);
  if (!pool || slot >= pool.at.length || pool.at[slot]! < 0) return;
  const start = pool.at[slot]!;
  let o = start + 1;
  for (let v = pool.data[start]!; v > 0; v--) o += 1 + pool.data[o]!;
  pool.dead += o - start;
  pool.at[slot] = -1;
  if (pool.dead > 1 << 16 && pool.dead * 2 > pool.used) pools.delete(index);
}

const keyRanks = new WeakMap<AnswerIndex, { generation: number; ranks: Int32Array }>();

/**
 * Slot -> position of its entry id in id order: search breaks score ties by entry id (so an updated index
 * ranks like a rebuilt one), and comparing small integers is much cheaper than comparing ids when a large
 * library holds many near-duplicate entries that tie. Recomputed after the index changes.
 */
export function slotRanks(index: AnswerIndex): Int32Array {
  const cached = keyRanks.get(index);
  if (cached && cached.generation === index.bm25.generation && cached.ranks.length >= index.slots.length)
    return cached.ranks;
  const order = index.slots
    .map((_, slot) => slot)
    .sort((a, b) => {
      const x = index.slots[a] ?? '';
      const y = index.slots[b] ?? '';
      return x < y ? -1 : x > y ? 1 : a - b;
    });
  const ranks = new Int32Array(index.slots.length);
  order.forEach((slot, rank) => (ranks[slot] = rank));
  keyRanks.set(index, { generation: index.bm25.generation, ranks });
  return ranks;
}

const slotTables = new WeakMap<AnswerIndex, { generation: number; entries: Array<IndexedEntry | undefined> }>();

/** Slot -> indexed entry, so ranking reads an array instead of two map lookups per hit. Rebuilt after the
 *  index changes (every add and remove moves the generation). */
export function slotEntries(index: AnswerIndex): ReadonlyArray<IndexedEntry | undefined> {
  const cached = slotTables.get(index);
  if (cached && cached.generation === index.bm25.generation && cached.entries.length === index.slots.length)
    return cached.entries;
  const entries = index.slots.map((id) => (id === null ? undefined : index.entries.get(id)));
  slotTables.set(index, { generation: index.bm25.generation, entries });
  return entries;
}

/** Builds an index over entries (retired entries are kept out) and the evidence they cite. */
export function buildIndex(
  entries: readonly AnswerEntry[],
  evidence: readonly EvidenceItem[] = [],
  source: ControlSource = defaultControlSource(),
): AnswerIndex {
  const index: AnswerIndex = {
    bm25: new Bm25Index(ANSWER_FIELDS),
    source,
    slots: [],
    entries: new Map(),
    evidence: new Map(),
  };
  for (const e of evidence) index.evidence.set(e.id, e);
  for (const entry of entries) addEntry(index, entry);
  return index;
}

export function addEntry(index: AnswerIndex, entry: AnswerEntry): void {
  if (index.entries.has(entry.id)) throw new MatchError('duplicate-entry', duplicateEntryError(entry.id));
  if (entry.status === 'retired') return;
  const slot = index.bm25.add(entryFields(entry, index.source));
  index.slots[slot] = entry.id;
  index.entries.set(entry.id, { entry, slot });
}

export function removeEntry(index: AnswerIndex, id: string): void {
  const ie = index.entries.get(id);
  if (!ie) throw new MatchError('unknown-entry', unknownEntryError(id));
  index.bm25.remove(ie.slot, entryFields(ie.entry, index.source));
  dropVariants(index, ie.slot);
  index.slots[ie.slot] = null;
  index.entries.delete(id);
}

/** Replaces an entry with its new version; retiring an entry removes it from search. */
export function updateEntry(index: AnswerIndex, entry: AnswerEntry): void {
  if (index.entries.has(entry.id)) removeEntry(index, entry.id);
  else if (entry.status !== 'retired') throw new MatchError('unknown-entry', unknownEntryError(entry.id));
  addEntry(index, entry);
}

export function putEvidence(index: AnswerIndex, item: EvidenceItem): void {
  index.evidence.set(item.id, item);
}

// ---------- snapshot ----------

export const SERIALIZED_INDEX_FORMAT = 'crosswalk-match-index';

const SerializedIndex = z.object({
  format: z.literal(SERIALIZED_INDEX_FORMAT),
  version: z.literal(3),
  /** Fingerprint of the lexicon the terms were made with: another lexicon means a rebuild. */
  lexicon: z.string(),
  /** Fingerprint of the control catalog text in each entry's controls field: another catalog means a rebuild. */
  catalog: z.string(),
  /** Fingerprint of the AnswerEntry schema the entries were written with: another schema means a rebuild. */
  schema: z.string(),
  /** One JSON text per live entry, in slot order: parsing 10k entry objects (and validating them) would cost
   *  more than the rest of a cold start, so each is parsed and validated when first read. */
  entries: z.array(z.string()),
  evidence: z.array(EvidenceItem),
  slots: z.array(z.string().nullable()),
  bm25: z.object({
    fields: z.array(z.object({ name: z.string(), weight: z.number(), b: z.number() })),
    k1: z.number(),
    terms: z.array(z.string()),
    postings: z.string(),
    docLen: z.string(),
    alive: z.string(),
  }),
});
export type SerializedIndex = z.infer<typeof SerializedIndex>;

let schemaPrint: string | undefined;
function schemaFingerprint(): string {
  if (schemaPrint === undefined) {
    let text: string;
    try {
      text = JSON.stringify(z.toJSONSchema(AnswerEntry, { io: 'input', unrepresentable: 'any' }));
    } catch {
      text = 'unrepresentable';
    }
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    schemaPrint = (h >>> 0).toString(36);
  }
  return schemaPrint;
}

/** An entry restored from a snapshot: its JSON is parsed and checked against the schema on first read. */
class SavedEntry implements IndexedEntry {
  private parsed: AnswerEntry | undefined;
  constructor(
    private readonly json: string,
    private readonly id: string,
    public slot: number,
  ) {}

  get entry(): AnswerEntry {
    if (this.parsed) return this.parsed;
    let raw: unknown;
    try {
      raw = JSON.parse(this.json);
    } catch (error) {
      throw new MatchError('invalid-index', indexFormatError(`entry "${this.id}" is not valid JSON`), { cause: error });
    }
    const r = AnswerEntry.safeParse(raw);
    if (!r.success) {
      const first = r.error.issues[0];
      throw new MatchError(
        'invalid-index',
        indexFormatError(`entry "${this.id}" ${first ? `${first.path.join('.')}: ${first.message}` : 'is invalid'}`),
      );
    }
    if (r.data.id !== this.id)
      throw new MatchError(
        'invalid-index',
        indexFormatError(`slot ${this.slot} names entry "${this.id}" but holds "${r.data.id}"`),
      );
    return (this.parsed = r.data);
  }

  /** The JSON to save again: the original text while the entry was never read. */
  toJson(): string {
    return this.parsed ? JSON.stringify(this.parsed) : this.json;
  }
}

export function serializeIndex(index: AnswerIndex): SerializedIndex {
  const live = [...index.entries.values()].sort((a, b) => a.slot - b.slot);
  return {
    format: SERIALIZED_INDEX_FORMAT,
    version: 3,
    lexicon: getLexicon().fingerprint,
    catalog: catalogFingerprint(index.source),
    schema: schemaFingerprint(),
    entries: live.map((ie) => (ie instanceof SavedEntry ? ie.toJson() : JSON.stringify(ie.entry))),
    evidence: [...index.evidence.values()],
    slots: index.slots.slice(),
    bm25: index.bm25.snapshot(),
  };
}

/**
 * Restores an index saved by serializeIndex. The structure, evidence and postings are checked now; each
 * entry is validated against the schema when first read (a snapshot written with another schema or
 * lexicon is refused outright, so in practice that check only catches a damaged store).
 */
export function loadIndex(data: unknown, source: ControlSource = defaultControlSource()): AnswerIndex {
  const parsed = SerializedIndex.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new MatchError(
      'invalid-index',
      indexFormatError(first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'not a saved index'),
    );
  }
  const s = parsed.data;
  if (s.lexicon !== getLexicon().fingerprint)
    throw new MatchError('invalid-index', indexFormatError('it was built with a different lexicon'));
  if (s.catalog !== catalogFingerprint(source))
    throw new MatchError('invalid-index', indexFormatError('it was built with a different control catalog'));
  if (s.schema !== schemaFingerprint())
    throw new MatchError('invalid-index', indexFormatError('it was saved with a different library entry schema'));
  let bm25: Bm25Index;
  try {
    bm25 = Bm25Index.restore(s.bm25);
  } catch (error) {
    throw new MatchError('invalid-index', indexFormatError(`its postings are damaged (${errorMessage(error)})`), {
      cause: error,
    });
  }
  if (s.slots.length !== bm25.slotCount)
    throw new MatchError('invalid-index', indexFormatError('its slot table and postings disagree'));
  const index: AnswerIndex = { bm25, source, slots: s.slots, entries: new Map(), evidence: new Map() };
  for (const e of s.evidence) index.evidence.set(e.id, e);
  let next = 0;
  s.slots.forEach((id, slot) => {
    if (id === null || !bm25.isLive(slot)) return;
    const json = s.entries[next++];
    if (json === undefined)
      throw new MatchError('invalid-index', indexFormatError(`slot ${slot} names entry "${id}", which is missing`));
    if (index.entries.has(id)) throw new MatchError('invalid-index', indexFormatError(`entry "${id}" fills two slots`));
    index.entries.set(id, new SavedEntry(json, id, slot));
  });
  if (next !== s.entries.length)
    throw new MatchError('invalid-index', indexFormatError('it holds entries that no slot names'));
  return index;
}
