// The answer library's search index: BM25F over question + alternatives, answer and tags, kept in step
// with the library entry by entry, and saved as plain data so a cold start does not re-tokenize.
import { z } from 'zod';
import { AnswerEntry, EvidenceItem } from '../library/schema';
import { Bm25Index, type Bm25Snapshot, type FieldSpec } from './bm25';
import { duplicateEntryError, indexFormatError, unknownEntryError } from './errors';
import { foldTerms, getLexicon } from './lexicon';
import { analyze } from './text';

export const ANSWER_FIELDS: FieldSpec[] = [
  { name: 'question', weight: 3, b: 0.5 },
  { name: 'answer', weight: 0.6, b: 0.75 },
  { name: 'tags', weight: 1, b: 0 },
];

export interface IndexedEntry {
  entry: AnswerEntry;
  slot: number;
  /** Distinct terms of the question and each alternative (kept from indexing; recomputed after loadIndex). */
  variants?: string[][];
  /** Every distinct term of the entry (questions, answer, tags). */
  allTerms?: string[];
}

export interface AnswerIndex {
  bm25: Bm25Index;
  slots: Array<string | null>;
  entries: Map<string, IndexedEntry>;
  evidence: Map<string, EvidenceItem>;
}

function analyzeEntry(entry: AnswerEntry): { variants: string[][]; fields: string[][] } {
  const analyzed = [entry.question, ...entry.alternatives].map((q) => analyze(q));
  // Variants keep distinct terms (similarity is over term sets); the BM25 field keeps every occurrence.
  const variants = analyzed.map((v) => [...new Set(v)]);
  return { variants, fields: [analyzed.flat(), foldTerms(entry.answer, getLexicon()), entry.tags.flatMap((t) => analyze(t))] };
}

export function entryFields(entry: AnswerEntry): string[][] {
  return analyzeEntry(entry).fields;
}

function fill(ie: IndexedEntry): void {
  const { variants, fields } = analyzeEntry(ie.entry);
  ie.variants = variants;
  ie.allTerms = [...new Set(fields.flat())];
}

export function entryVariants(ie: IndexedEntry): string[][] {
  if (!ie.variants) fill(ie);
  return ie.variants!;
}

export function entryTerms(ie: IndexedEntry): readonly string[] {
  if (!ie.allTerms) fill(ie);
  return ie.allTerms!;
}

/** Builds an index over entries (retired entries are kept out) and the evidence they cite. */
export function buildIndex(entries: readonly AnswerEntry[], evidence: readonly EvidenceItem[] = []): AnswerIndex {
  const index: AnswerIndex = { bm25: new Bm25Index(ANSWER_FIELDS), slots: [], entries: new Map(), evidence: new Map() };
  for (const e of evidence) index.evidence.set(e.id, e);
  for (const entry of entries) addEntry(index, entry);
  return index;
}

export function addEntry(index: AnswerIndex, entry: AnswerEntry): void {
  if (index.entries.has(entry.id)) throw new Error(duplicateEntryError(entry.id));
  if (entry.status === 'retired') return;
  const { variants, fields } = analyzeEntry(entry);
  const slot = index.bm25.add(fields);
  index.slots[slot] = entry.id;
  index.entries.set(entry.id, { entry, slot, variants, allTerms: [...new Set(fields.flat())] });
}

export function removeEntry(index: AnswerIndex, id: string): void {
  const ie = index.entries.get(id);
  if (!ie) throw new Error(unknownEntryError(id));
  index.bm25.remove(ie.slot, entryFields(ie.entry));
  index.slots[ie.slot] = null;
  index.entries.delete(id);
}

/** Replaces an entry with its new version; retiring an entry removes it from search. */
export function updateEntry(index: AnswerIndex, entry: AnswerEntry): void {
  if (index.entries.has(entry.id)) removeEntry(index, entry.id);
  else if (entry.status !== 'retired') throw new Error(unknownEntryError(entry.id));
  addEntry(index, entry);
}

export function putEvidence(index: AnswerIndex, item: EvidenceItem): void {
  index.evidence.set(item.id, item);
}

// ---------- snapshot ----------

export const SERIALIZED_INDEX_FORMAT = 'crosswalk-match-index';

const SerializedIndex = z.object({
  format: z.literal(SERIALIZED_INDEX_FORMAT),
  version: z.literal(1),
  /** Fingerprint of the lexicon the terms were made with: another lexicon means a rebuild. */
  lexicon: z.string(),
  entries: z.array(AnswerEntry),
  evidence: z.array(EvidenceItem),
  slots: z.array(z.string().nullable()),
  bm25: z.object({
    fields: z.array(z.object({ name: z.string(), weight: z.number(), b: z.number() })),
    k1: z.number(),
    terms: z.array(z.string()),
    // Derived numbers (millions at 50k entries): checked for shape only; Int32Array/Uint16Array coerce them.
    postings: z.array(z.custom<[number[], number[]]>((p) => Array.isArray(p) && p.length === 2 && Array.isArray(p[0]) && Array.isArray(p[1]), 'expected [docs[], tf[]]')),
    docLen: z.custom<number[]>((v) => Array.isArray(v), 'expected an array of numbers'),
    alive: z.custom<number[]>((v) => Array.isArray(v), 'expected an array of 0/1 flags'),
  }),
});
export type SerializedIndex = z.infer<typeof SerializedIndex>;

export function serializeIndex(index: AnswerIndex): SerializedIndex {
  return {
    format: SERIALIZED_INDEX_FORMAT,
    version: 1,
    lexicon: getLexicon().fingerprint,
    entries: [...index.entries.values()].sort((a, b) => a.slot - b.slot).map((ie) => ie.entry),
    evidence: [...index.evidence.values()],
    slots: index.slots.slice(),
    bm25: index.bm25.snapshot() as Bm25Snapshot,
  };
}

/**
 * Restores an index saved by serializeIndex. Entries are re-validated (the snapshot crossed storage); the
 * postings are checked for shape only, since they are derived data that a rebuild can always replace.
 */
export function loadIndex(data: unknown): AnswerIndex {
  const parsed = SerializedIndex.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(indexFormatError(first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'not a saved index'));
  }
  const s = parsed.data;
  if (s.lexicon !== getLexicon().fingerprint) throw new Error(indexFormatError('it was built with a different lexicon'));
  if (s.bm25.alive.length !== s.slots.length) throw new Error(indexFormatError('its slot table and postings disagree'));
  const index: AnswerIndex = { bm25: Bm25Index.restore(s.bm25), slots: s.slots, entries: new Map(), evidence: new Map() };
  for (const e of s.evidence) index.evidence.set(e.id, e);
  const byId = new Map(s.entries.map((e) => [e.id, e]));
  s.slots.forEach((id, slot) => {
    if (id === null || s.bm25.alive[slot] !== 1) return;
    const entry = byId.get(id);
    if (!entry) throw new Error(indexFormatError(`slot ${slot} names entry "${id}", which is missing`));
    index.entries.set(id, { entry, slot });
  });
  return index;
}
