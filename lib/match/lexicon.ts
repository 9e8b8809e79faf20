// The security lexicon (data/lexicon.json): schema, validation and compilation into a phrase trie.
import { z } from 'zod';
import lexiconJson from '../../data/lexicon.json' with { type: 'json' };
import { MatchError, lexiconError } from './errors';
import { usSpelling } from './spelling';
import { stem } from './stem';

export const LexiconConcept = z.object({
  /** Canonical token every variant folds onto; one lowercase word, no spaces. */
  term: z.string().regex(/^[a-z0-9]+$/, 'a canonical term is one lowercase word of letters and digits'),
  variants: z.array(z.string().min(1)).min(1),
  related: z.array(z.string().min(1)).default([]),
});
export type LexiconConcept = z.infer<typeof LexiconConcept>;

export const LexiconFile = z.object({
  format: z.literal('crosswalk-lexicon'),
  version: z.literal(1),
  note: z.string().optional(),
  stopwords: z.array(z.string().min(1)),
  concepts: z.array(LexiconConcept),
});
export type LexiconFile = z.infer<typeof LexiconFile>;

interface TrieNode {
  next: Map<string, TrieNode>;
  term?: string;
}

export interface CompiledLexicon {
  stopwords: ReadonlySet<string>;
  trie: TrieNode;
  /** canonical term -> related canonical/stemmed terms (query expansion). */
  related: ReadonlyMap<string, readonly string[]>;
  /** Every canonical term, so the stemmer leaves them alone and tests can list them. */
  canonical: ReadonlySet<string>;
  /** Stems of every word used in a variant: known vocabulary, never treated as a typo. */
  phraseWords: ReadonlySet<string>;
  /** Short fingerprint stored in serialized indexes: an index built with another lexicon is rebuilt. */
  fingerprint: string;
}

/** Raw word split shared with text.ts: lowercase ASCII letters and digits, diacritics folded. */
export function words(text: string): string[] {
  // Folding diacritics costs more than the rest together; most questionnaire text is plain ASCII, which a
  // single character scan splits exactly like wordsSlow (compared on every demo, benchmark and catalog text
  // plus random strings when this was written).
  if (/\P{ASCII}/u.test(text)) return wordsSlow(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
  const out: string[] = [];
  const n = text.length;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      out.push(text.slice(start, i).toLowerCase());
      start = -1;
    }
    // A possessive "'s" before a word boundary is dropped, as in wordsSlow.
    if (c === 39 && i + 1 < n && (text.charCodeAt(i + 1) | 32) === 115) {
      const after = i + 2 < n ? text.charCodeAt(i + 2) : 32;
      const wordChar =
        (after >= 97 && after <= 122) || (after >= 48 && after <= 57) || (after >= 65 && after <= 90) || after === 95;
      if (!wordChar) i++;
    }
  }
  return out;
}

/** The reference split (any text). */
export function wordsSlow(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

function fingerprint(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

export function compileLexicon(input: unknown): CompiledLexicon {
  const parsed = LexiconFile.safeParse(input);
  if (!parsed.success)
    throw new MatchError(
      'invalid-lexicon',
      lexiconError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
    );
  const file = parsed.data;
  const trie: TrieNode = { next: new Map() };
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  const phraseWords = new Set<string>();
  for (const concept of file.concepts) {
    for (const variant of [concept.term, ...concept.variants]) {
      const key = words(variant).map((w) => stem(usSpelling(w)));
      if (key.length === 0) continue;
      const joined = key.join(' ');
      const previous = owner.get(joined);
      if (previous !== undefined && previous !== concept.term) {
        clashes.push(
          `variant "${variant}" belongs to both "${previous}" and "${concept.term}" (after stemming); keep it in one concept`,
        );
        continue;
      }
      owner.set(joined, concept.term);
      for (const k of key) phraseWords.add(k);
      let node = trie;
      for (const k of key) {
        let child = node.next.get(k);
        if (!child) node.next.set(k, (child = { next: new Map() }));
        node = child;
      }
      node.term = concept.term;
    }
  }
  if (clashes.length > 0) throw new MatchError('invalid-lexicon', lexiconError(clashes));
  const partial: CompiledLexicon = {
    stopwords: new Set(file.stopwords.flatMap(words)),
    trie,
    related: new Map(),
    canonical: new Set(file.concepts.map((c) => c.term)),
    phraseWords,
    fingerprint: fingerprint(JSON.stringify(file)),
  };
  const related = new Map<string, string[]>();
  for (const concept of file.concepts) {
    const terms = new Set<string>();
    for (const r of concept.related) for (const t of foldTerms(r, partial)) if (t !== concept.term) terms.add(t);
    related.set(concept.term, [...terms]);
  }
  return { ...partial, related };
}

/** What folding needs to know about one raw word; cached per lexicon, since questionnaire vocabulary is small. */
interface WordInfo {
  stem: string;
  /** The trie node after this word, when a lexicon phrase can start with it. */
  start: TrieNode | undefined;
  /** Kept outside phrases (not a stopword, not a single letter). */
  keep: boolean;
}
const wordInfos = new WeakMap<TrieNode, Map<string, WordInfo>>();

function wordInfo(cache: Map<string, WordInfo>, w: string, lex: Pick<CompiledLexicon, 'trie' | 'stopwords'>): WordInfo {
  let info = cache.get(w);
  if (info === undefined) {
    const s = stem(usSpelling(w));
    info = { stem: s, start: lex.trie.next.get(s), keep: w.length > 1 && !lex.stopwords.has(w) };
    if (cache.size >= 200_000) cache.clear(); // bounded: a pathological import cannot grow it forever
    cache.set(w, info);
  }
  return info;
}

/**
 * Word sequence -> terms: longest lexicon phrase first (on stemmed words, so "penetration tests" and
 * "penetration testing" both hit "penetration test"), stopwords dropped only outside phrases.
 *
 * With `keepWords`, a phrase yields its concept AND the stems of its own words: "full-disk encryption on
 * laptops" is [encryptionatrest, full, disk, encrypt, mdm, laptop], so it still shares "encrypt" and
 * "laptop" with "Do you encrypt the hard drives of notebooks?", which names no concept of its own. Answer
 * retrieval analyses both sides this way; concepts alone replace the words they match.
 */
export function foldTerms(text: string, lex: Pick<CompiledLexicon, 'trie' | 'stopwords'>, keepWords = false): string[] {
  let cache = wordInfos.get(lex.trie);
  if (!cache) {
    cache = new Map();
    wordInfos.set(lex.trie, cache);
  }
  const raw = words(text);
  const infos = raw.map((w) => wordInfo(cache, w, lex));
  const out: string[] = [];
  let i = 0;
  while (i < infos.length) {
    const first = infos[i]!;
    let node: TrieNode | undefined = first.start;
    let matchEnd = -1;
    let matchTerm = '';
    for (let j = i; node;) {
      if (node.term !== undefined) {
        matchEnd = j;
        matchTerm = node.term;
      }
      if (++j >= infos.length) break;
      node = node.next.get(infos[j]!.stem);
    }
    if (matchEnd >= 0) {
      out.push(matchTerm);
      if (keepWords)
        for (let k = i; k <= matchEnd; k++) {
          const info = infos[k]!;
          if (info.keep && info.stem !== matchTerm) out.push(info.stem);
        }
      i = matchEnd + 1;
      continue;
    }
    if (first.keep) out.push(first.stem);
    i++;
  }
  return out;
}

let defaultLexicon: CompiledLexicon | undefined;
/** The bundled lexicon, compiled once per process. */
export function getLexicon(): CompiledLexicon {
  return (defaultLexicon ??= compileLexicon(lexiconJson));
}
