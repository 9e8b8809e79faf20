// Typo tolerance without scanning the library: only words the index has never seen are candidates, and
// fuse.js compares each with the words of the top candidates' questions (short strings, where Bitap is
// fast and good; see ../shared/notes/search-libraries-bench.md for why not whole questions).
import Fuse from 'fuse.js';
import type { Bm25Index } from './bm25';
import { getLexicon, words } from './lexicon';
import { memoText } from './memo';
import { stem } from './stem';

/** Words of `question` the index does not know, e.g. "encrpytion". */
export function unknownWords(question: string, bm25: Bm25Index): string[] {
  const lex = getLexicon();
  return words(question).filter((w) => {
    if (w.length < 4 || /\d/.test(w) || lex.stopwords.has(w)) return false;
    const s = cachedStem(w);
    return !bm25.has(s) && !lex.phraseWords.has(s) && !lex.canonical.has(s);
  });
}

/** Stems by word, as lexicon.ts caches word facts: the same words recur question after question. */
const cachedStem = memoText(stem, 20_000);

/** Rewrites unknown words to their closest word in `vocabulary`; returns the question unchanged when none is close. */
export function correctTypos(question: string, unknown: readonly string[], vocabulary: readonly string[]): string {
  if (unknown.length === 0 || vocabulary.length === 0) return question;
  let fuse: Fuse<string> | undefined;
  let out = question;
  for (const w of unknown) {
    // Fuse's pick is only kept within the edit-distance cap below, so when no word of the vocabulary is
    // that close, Fuse cannot change anything: skip it (most unknown words are names, not typos).
    if (!vocabulary.some((v) => closeWord(w, v))) continue;
    fuse ??= new Fuse(vocabulary, { includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 3 });
    const best = fuse.search(w, { limit: 1 })[0];
    // Fuse finds the candidate; an edit-distance cap keeps unknown names ("Salesforce") from being
    // "corrected" into unrelated words.
    if (!best || (best.score ?? 1) > 0.3 || editDistance(w, best.item.toLowerCase(), capOf(w)) > capOf(w)) continue;
    out = out.replace(new RegExp(`\\b${w}\\b`, 'gi'), best.item);
  }
  return out;
}

/** The edit distance a typo of `w` may have: 1 for short words, 2 for longer ones. */
const capOf = (w: string): number => (w.length <= 6 ? 1 : 2);

/** Whether `v` is within the edit distance a typo of `w` may have. */
export function closeWord(w: string, v: string): boolean {
  const cap = capOf(w);
  return Math.abs(v.length - w.length) <= cap && editDistance(w, v.toLowerCase(), cap) <= cap;
}

let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions: "encrpytion"). With a
 * `cap`, it stops as soon as the distance must exceed it and returns cap + 1: most word pairs differ in
 * their first letters, and typo checks compare every unknown word with the top candidates' words.
 */
export function editDistance(a: string, b: string, cap = Infinity): number {
  // Three rolling rows (two back for transpositions) instead of a full matrix, reused across calls.
  const n = b.length;
  if (rows[0]!.length <= n) rows = [new Int32Array(n * 2), new Int32Array(n * 2), new Int32Array(n * 2)];
  let [back2, back1, row] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= n; j++) back1[j] = j;
  let lastLeast = 0;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let least = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(back1[j]! + 1, row[j - 1]! + 1, back1[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, back2[j - 2]! + 1);
      row[j] = v;
      if (v < least) least = v;
    }
    // A transposition reads two rows back, so stop only when the last two rows are both over the cap.
    if (least > cap && lastLeast > cap) return cap + 1;
    lastLeast = least;
    const spare = back2;
    back2 = back1;
    back1 = row;
    row = spare;
  }
  return back1[n]!;
}
