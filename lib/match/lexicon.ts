// The security lexicon (data/lexicon.json): schema, validation and compilation into a phrase trie.
import { z } from 'zod';
import lexiconJson from '../../data/lexicon.json';
import { lexiconError } from './errors';
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
  // Folding diacritics costs more than the rest together; most questionnaire text is plain ASCII.
  const folded = /[^\x00-\x7f]/.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text;
  return folded
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
  if (!parsed.success) throw new Error(lexiconError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)));
  const file = parsed.data;
  const trie: TrieNode = { next: new Map() };
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  const phraseWords = new Set<string>();
  for (const concept of file.concepts) {
    for (const variant of [concept.term, ...concept.variants]) {
      const key = words(variant).map(stem);
      if (key.length === 0) continue;
      const joined = key.join(' ');
      const previous = owner.get(joined);
      if (previous !== undefined && previous !== concept.term) {
        clashes.push(`variant "${variant}" belongs to both "${previous}" and "${concept.term}" (after stemming); keep it in one concept`);
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
  if (clashes.length > 0) throw new Error(lexiconError(clashes));
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

/**
 * Word sequence -> terms: longest lexicon phrase first (on stemmed words, so "penetration tests" and
 * "penetration testing" both hit "penetration test"), stopwords dropped only outside phrases.
 */
export function foldTerms(text: string, lex: Pick<CompiledLexicon, 'trie' | 'stopwords'>): string[] {
  const raw = words(text);
  const stems = raw.map(stem);
  const out: string[] = [];
  let i = 0;
  while (i < stems.length) {
    let node: TrieNode | undefined = lex.trie;
    let matchEnd = -1;
    let matchTerm = '';
    for (let j = i; j < stems.length && node; j++) {
      node = node.next.get(stems[j]!);
      if (node?.term !== undefined) {
        matchEnd = j;
        matchTerm = node.term;
      }
    }
    if (matchEnd >= 0) {
      out.push(matchTerm);
      i = matchEnd + 1;
      continue;
    }
    const w = raw[i]!;
    if (w.length > 1 && !lex.stopwords.has(w)) out.push(stems[i]!);
    i++;
  }
  return out;
}

let defaultLexicon: CompiledLexicon | undefined;
/** The bundled lexicon, compiled once per process. */
export function getLexicon(): CompiledLexicon {
  return (defaultLexicon ??= compileLexicon(lexiconJson));
}
