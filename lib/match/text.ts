// Question text -> weighted search terms: numbering stripped, lexicon phrases folded, light stemming,
// related terms added at a lower weight. Used for controls, library entries and questions alike, so all
// three meet on the same tokens.
import { foldTerms, getLexicon, type CompiledLexicon } from './lexicon';

/** Questionnaire numbering ("4.3.1", "IAM-04", "Q12.") and answer-format suffixes carry no meaning. */
const LEADING_CODE = /^\s*(?:[A-Za-z]{1,6}[-_.]?\d+(?:[.-]\d+)*[.):]?|\d+(?:\.\d+)*[.):]?|\(?[a-z]\)|[•*-])\s+/;
const FORMAT_HINT = /\((?:yes\s*\/\s*no(?:\s*\/\s*n\/?a)?|y\/n|select (?:one|all that apply)|optional|required)\)/gi;

export function cleanQuestion(text: string): string {
  let t = text.replace(FORMAT_HINT, ' ');
  for (let i = 0; i < 2; i++) t = t.replace(LEADING_CODE, '');
  return t.trim();
}

export function analyze(text: string, lex: CompiledLexicon = getLexicon()): string[] {
  return foldTerms(cleanQuestion(text), lex);
}

/**
 * Words and concepts together (see foldTerms): the analysis answer retrieval runs on both sides, library
 * entries and questions, so a concept never hides the words it was found in.
 */
export function analyzeWords(text: string, lex: CompiledLexicon = getLexicon()): string[] {
  return foldTerms(cleanQuestion(text), lex, true);
}

/**
 * analyze() for the query side, through a small cache of recent texts: one question's text is analysed by
 * the classifier, the retriever and the answer shaper, and option labels ("Yes", "No") recur field after
 * field. Small on purpose: it spares repeats within a question and a page, it is no library-sized memo.
 * The arrays are frozen because they are shared.
 */
export function analyzeQuery(text: string): readonly string[] {
  return cached(recent, text, analyze);
}

/** analyzeWords() for the query side, through its own small cache of recent texts. */
export function analyzeQueryWords(text: string): readonly string[] {
  return cached(recentWords, text, analyzeWords);
}

interface Recent {
  lex: CompiledLexicon | undefined;
  terms: Map<string, readonly string[]>;
}
function cached(r: Recent, text: string, fn: (text: string, lex: CompiledLexicon) => string[]): readonly string[] {
  const lex = getLexicon();
  if (r.lex !== lex) {
    r.lex = lex;
    r.terms.clear();
  }
  let terms = r.terms.get(text);
  if (terms === undefined) {
    if (r.terms.size >= RECENT_TEXTS) r.terms.clear();
    r.terms.set(text, (terms = Object.freeze(fn(text, lex))));
  }
  return terms;
}
const RECENT_TEXTS = 64;
const recent: Recent = { lex: undefined, terms: new Map() };
const recentWords: Recent = { lex: undefined, terms: new Map() };

/** term -> weight. Repeated terms add up; each source contributes at its own weight. */
export type WeightedTerms = Map<string, number>;

/**
 * Adds terms at `weight`. A repeated term gains a little (sublinear), so a long helper paragraph that says
 * "device" six times does not drown the one word that names the topic.
 */
export function addTerms(into: WeightedTerms, terms: readonly string[], weight: number): void {
  for (const t of terms) {
    const old = into.get(t);
    into.set(t, old === undefined ? weight : Math.max(old, weight) + REPEAT_GAIN * Math.min(old, weight));
  }
}
export const REPEAT_GAIN = 0.15;

/** Sentences of a text; questionnaire prose states its topic first and adds examples after. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.?!:;])\s+|\n+|\s*•\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Adds the lexicon's related terms of every canonical term present, at `factor` of its weight, without
 * ever raising a term the question already has (expansion widens recall; it must not outvote the text).
 */
export function expand(terms: WeightedTerms, factor: number, lex: CompiledLexicon = getLexicon()): WeightedTerms {
  const out: WeightedTerms = new Map(terms);
  for (const [term, weight] of terms) {
    const related = lex.related.get(term);
    if (!related) continue;
    for (const r of related) {
      if (terms.has(r)) continue;
      out.set(r, Math.max(out.get(r) ?? 0, weight * factor));
    }
  }
  return out;
}
