// A small suffix stripper in the spirit of Porter step 1-3: enough to fold "encrypted", "encryption" and
// "encrypting" together, and "policies" with "policy", without a dependency. It is deliberately
// conservative (a stem keeps at least 3 letters) because over-stemming merges unrelated security words.

const VOWEL = /[aeiouy]/;

/** Ordered longest-first; the first suffix that leaves a valid stem wins. */
const SUFFIXES: ReadonlyArray<readonly [suffix: string, replacement: string]> = [
  ['izations', 'ize'],
  ['isations', 'ize'],
  ['ization', 'ize'],
  ['isation', 'ize'],
  ['ational', 'ate'],
  ['fulness', 'ful'],
  ['iveness', 'ive'],
  ['ousness', 'ous'],
  ['ations', 'ate'],
  ['ating', 'ate'],
  ['ated', 'ate'],
  ['ates', 'ate'],
  ['ements', ''],
  ['ation', 'ate'],
  ['ement', ''],
  ['ments', ''],
  ['ities', 'ity'],
  ['ingly', ''],
  ['ness', ''],
  ['ment', ''],
  ['ions', ''],
  ['ings', ''],
  ['ally', 'al'],
  ['edly', ''],
  ['ies', 'y'],
  ['ied', 'y'],
  ['ion', ''],
  ['ing', ''],
  ['ers', ''],
  ['ed', ''],
  ['er', ''],
  ['ly', ''],
  ['es', ''],
  ['s', ''],
];

/** Final normalisation so "authorize"/"authorise", "encrypt"/"encrypte" meet. */
function tidy(stem: string): string {
  let s = stem.replace(/is(e)?$/, 'iz$1').replace(/ify$/, 'ific');
  if (s.endsWith('ate') && s.length > 5) s = s.slice(0, -3); // "authenticate" ~ "authentic(ation)"
  if (s.length > 4) s = s.replace(/e+$/, ''); // "employee" ~ "employ(ed)"
  if (s.endsWith('iz') && s.length > 4) s = s.slice(0, -2); // "authorise" ~ "authorization"
  if (/([^aeiouslz])\1$/.test(s)) s = s.slice(0, -1); // "planned" -> "plann" -> "plan"
  return s;
}

const cache = new Map<string, string>();

export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let out = word;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) {
    return word; // "access", "status", "analysis" are not plurals
  } else {
    for (const [suffix, replacement] of SUFFIXES) {
      if (!word.endsWith(suffix)) continue;
      const base = word.slice(0, -suffix.length);
      const candidate = base + replacement;
      // Porter's "measure" condition, simplified: the stem must keep a vowel and 3+ letters.
      if (base.length >= 3 && VOWEL.test(base)) {
        out = candidate;
        break;
      }
    }
  }
  out = tidy(out);
  if (cache.size < 50_000) cache.set(word, out);
  return out;
}
