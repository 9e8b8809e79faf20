// Picks the option(s) of a non-yes/no choice field that the library answer's text supports: a frequency
// ("every 12 months" -> "Annually"), an amount ("critical within 7 days" -> "Within 7 days"), or named
// things ("certified to ISO/IEC 27001:2022" -> "ISO/IEC 27001"). Each pick carries how strongly the text
// supports it; when several options are supported equally the pick is weak, when none is there is no pick.
import type { ShortAnswer } from '../library/model';
import {
  answerCounts,
  answerDurations,
  expandAliases,
  frequencyTerms,
  nameTokens,
  type Amount,
  type FreqTerm,
} from './shape-concepts';
import { memoText } from './memo';
import { analyzeQuery } from './text';

export type OptionConcept =
  | { type: 'short'; meaning: ShortAnswer }
  /** "Never", "Not performed", "No defined target", "None of the above": the practice does not exist. */
  | { type: 'none' }
  | { type: 'freq'; terms: FreqTerm[]; only: boolean }
  | { type: 'amount'; amount: Amount }
  | { type: 'named'; tokens: string[] };

/** How the answer supports one option. Keys order candidates: relevance to the question, then position. */
interface Support {
  label: string;
  /** 1 = says exactly this; 0.85 = implies it (7 days is "within 30 days"); 0.8 = a negative stance. */
  quality: number;
  sentenceRel: number;
  sentence: number;
  clauseRel: number;
  at: number;
  terms: number;
}

export interface ChoicePick {
  labels: string[];
  /** 0-1: how strongly the answer text supports the pick (folded into the suggestion's confidence). */
  evidence: number;
  note?: string;
}

interface Segment {
  start: number;
  end: number;
  sentence: number;
  sentenceRel: number;
  clauseRel: number;
}

/** Sentences (split at . ; ! ? but not inside "1.2") and their clauses, each scored by shared question stems. */
function segments(text: string, questionStems: ReadonlySet<string>): Segment[] {
  const rel = (terms: readonly string[]): number => {
    let n = 0;
    for (const t of terms) if (questionStems.has(t)) n++;
    return n;
  };
  return spansOf(text).map((s) => ({
    start: s.start,
    end: s.end,
    sentence: s.sentence,
    sentenceRel: rel(s.sentenceTerms),
    clauseRel: rel(s.clauseTerms),
  }));
}

interface Span {
  start: number;
  end: number;
  sentence: number;
  /** Distinct relevance terms of the whole sentence and of this clause. */
  sentenceTerms: readonly string[];
  clauseTerms: readonly string[];
}

/** The clauses of an answer and their terms: the part of segments() that does not depend on the question,
 *  memoised because an entry's answer is read for every question it is suggested for. */
const spansOf = memoText((text: string): readonly Span[] => {
  const distinct = (s: string): readonly string[] => [...new Set(relevanceTerms(s))];
  const out: Span[] = [];
  const sentenceRe = /[^.;!?]*(?:[.;!?](?!\s|$)[^.;!?]*)*(?:[.;!?]|$)/g;
  let n = 0;
  for (let m = sentenceRe.exec(text); m && m[0].length > 0; m = sentenceRe.exec(text)) {
    const s = m[0];
    const sentenceTerms = distinct(s);
    const clauseRe = /(?:,\s+|\s+(?:and|but|while|whereas)\s+|$)/g;
    let from = 0;
    for (let c = clauseRe.exec(s); c; c = clauseRe.exec(s)) {
      if (c.index >= from)
        out.push({
          start: m.index + from,
          end: m.index + c.index,
          sentence: n,
          sentenceTerms,
          clauseTerms: distinct(s.slice(from, c.index)),
        });
      from = c.index + c[0].length;
      if (c[0].length === 0) break;
    }
    n++;
  }
  return out;
}, 2_000);

function segmentAt(segs: readonly Segment[], at: number): Segment {
  return segs.find((s) => at >= s.start && at < s.end) ?? segs.find((s) => at <= s.end) ?? segs[segs.length - 1]!;
}

/** The lexicon's terms plus the plain words (4+ letters, singular): the lexicon folds "how many employees"
 *  into "headcount" but "180 employees" into "personnel", and the plain word still ties them together. */
const COMMON = new Set([
  'have',
  'does',
  'your',
  'what',
  'which',
  'with',
  'that',
  'this',
  'from',
  'they',
  'their',
  'there',
  'were',
  'been',
  'when',
  'many',
  'much',
  'often',
  'more',
  'than',
  'into',
  'each',
  'every',
  'least',
  'about',
  'will',
  'also',
  'such',
  'only',
  'other',
  'ours',
]);
function relevanceTerms(text: string): string[] {
  const plain = (text.toLowerCase().match(/[a-z]{4,}/g) ?? [])
    .filter((w) => !COMMON.has(w))
    .map((w) => `=${w.replace(/(?:es|s)$/, '')}`);
  return [...analyzeQuery(text), ...plain];
}
/** relevanceTerms of option labels, which recur field after field ("Annually", "Quarterly"). */
const labelTerms = memoText((label): readonly string[] => relevanceTerms(label), 2_000);

/** An answer's frequencies and durations, memoised: an entry suggested for several questions is read once. */
const answerFrequencies = memoText(frequencyTerms, 2_000);
const durationsIn = memoText(answerDurations, 2_000);

/** Whole sentences, from their clauses. */
function sentenceSpans(segs: readonly Segment[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const s of segs) {
    const last = out[s.sentence];
    if (last) last.end = s.end;
    else out[s.sentence] = { start: s.start, end: s.end };
  }
  return out.filter(Boolean);
}

const near = (a: number, b: number): boolean => Math.abs(a - b) <= 0.1 * Math.max(a, b);

/** 1 when the answer's period is the option's, 0.85 when it satisfies an "at least" option, 0 otherwise. */
function freqQuality(a: FreqTerm, o: FreqTerm): number {
  if (a.kind !== o.kind) return 0;
  if (a.kind !== 'period') return 1;
  if (o.lo === 0) return near(a.hi, o.hi) ? 1 : a.hi < o.hi ? 0.85 : 0;
  return a.lo >= o.lo * 0.9 && a.hi <= o.hi * 1.1 ? 1 : 0;
}

function amountQuality(a: Amount, o: Amount): number {
  if (a.unit !== o.unit) return 0;
  const inside = (v: number): boolean =>
    (o.loOpen ? v > o.lo : v >= o.lo * 0.999) && (o.hiOpen ? v < o.hi : v <= o.hi * 1.001);
  let ok: boolean;
  if (a.lo === a.hi) ok = inside(a.lo);
  else if (a.lo === 0)
    ok = o.lo === 0 && (o.hiOpen ? a.hi < o.hi : a.hi <= o.hi * 1.001); // "within 7 days"
  else ok = o.hi === Infinity && a.lo >= o.lo; // "at least 12 months"
  if (!ok) return 0;
  const twoSided = o.lo > 0 && o.hi < Infinity && o.lo !== o.hi;
  return twoSided || near(a.stated, o.stated) ? 1 : 0.85;
}

/** The named things a sentence mentions, and whether it denies them; memoised per sentence, as every
 *  named option of every suggestion reads the same sentences. */
const namesIn = memoText((sentence: string): { tokens: ReadonlySet<string>; negated: boolean } => {
  const expanded = expandAliases(sentence);
  return { tokens: new Set(nameTokens(expanded)), negated: NEGATED.test(expanded) };
}, 5_000);

const NEGATED =
  /\b(?:not|never|neither|nor|without|disabled|deprecated|prohibited|blocked|planned|pursuing|working towards?|roadmap|intend|plan to|expect(?:ed)? to)\b|n't\b/;

export interface ChoiceInput {
  question: string;
  answer: string;
  /** The entry's explicit stance, if it states one (short answer or a leading "Yes."/"No."). */
  stance: ShortAnswer | undefined;
  options: ReadonlyArray<{ label: string; concept: OptionConcept }>;
  multi: boolean;
}

export function chooseOptions(input: ChoiceInput): ChoicePick {
  const text = input.answer.toLowerCase();
  // Words the options themselves use ("annually" -> frequency) say nothing about which part of the answer
  // the question asks about, so they do not count towards relevance.
  const optionStems = new Set(input.options.flatMap((o) => labelTerms(o.label)));
  const qStems = new Set(relevanceTerms(input.question).filter((t) => !optionStems.has(t)));
  const segs = segments(text, qStems);
  const freqs = answerFrequencies(text);
  const durations = durationsIn(text);
  const nouns = new Set(
    input.question
      .toLowerCase()
      .match(/[a-z]+/g)
      ?.map((w) => w.replace(/s$/, '')) ?? [],
  );
  const counts = answerCounts(text, nouns);
  const supports: Support[] = [];
  const contradicted: string[] = [];
  const at = (label: string, quality: number, pos: number, terms = 1): Support => {
    const s = segmentAt(segs, pos);
    return { label, quality, sentenceRel: s.sentenceRel, sentence: s.sentence, clauseRel: s.clauseRel, at: pos, terms };
  };
  for (const { label, concept } of input.options) {
    switch (concept.type) {
      case 'short':
        if (concept.meaning !== 'Other' && concept.meaning === input.stance) supports.push(at(label, 1, 0));
        break;
      case 'none':
        if (input.stance === 'No') supports.push(at(label, 0.8, 0));
        break;
      case 'freq': {
        let best: Support | undefined;
        let quality = 1;
        for (const o of concept.terms) {
          const found = freqs.map((a) => ({ a, q: freqQuality(a, o) })).filter((x) => x.q > 0);
          if (found.length === 0) {
            quality = 0;
            break;
          }
          const top = found.reduce((x, y) => (y.q > x.q ? y : x));
          quality = Math.min(quality, top.q);
          const s = at(label, 1, top.a.at, concept.terms.length);
          if (!best || s.sentenceRel < best.sentenceRel) best = s;
        }
        // "Only when something changes" is false when the answer also states a schedule.
        if (quality > 0 && concept.only && freqs.some((a) => !concept.terms.some((o) => freqQuality(a, o) > 0)))
          quality = 0;
        if (quality > 0 && best) supports.push({ ...best, quality });
        break;
      }
      case 'amount': {
        const mentions = concept.amount.unit === 'hours' ? durations : counts;
        for (const a of mentions) {
          const q = amountQuality(a, concept.amount);
          if (q > 0) supports.push(at(label, q, a.at));
        }
        break;
      }
      case 'named': {
        if (concept.tokens.length === 0) break;
        for (const seg of sentenceSpans(segs)) {
          const { tokens, negated } = namesIn(input.answer.slice(seg.start, seg.end));
          if (!concept.tokens.every((t) => tokens.has(t))) continue;
          if (negated) contradicted.push(label);
          else supports.push(at(label, 1, seg.start));
        }
        break;
      }
    }
  }
  const valid = supports.filter((s) => !contradicted.includes(s.label));
  if (valid.length === 0) return { labels: [], evidence: 0, note: noMatch(contradicted) };
  // Per option, its best support.
  const byLabel = new Map<string, Support>();
  for (const s of valid) {
    const cur = byLabel.get(s.label);
    if (!cur || compare(s, cur) < 0) byLabel.set(s.label, s);
  }
  const ranked = [...byLabel.values()].sort(compare);
  if (input.multi) {
    const named = ranked.filter((s) => input.options.find((o) => o.label === s.label)?.concept.type !== 'none');
    const picked = named.length > 0 ? named : ranked.slice(0, 1);
    const order = input.options.map((o) => o.label).filter((l) => picked.some((p) => p.label === l));
    // An answer names what holds; it rarely denies every option it leaves out, so a multi-select pick is
    // always checked by a person.
    return {
      labels: order,
      evidence: Math.min(0.85, ...picked.map((p) => p.quality)),
      note: 'Options were picked from the names the library answer mentions; options it does not mention were left unchecked.',
    };
  }
  const top = ranked[0]!;
  const typeOf = (label: string): OptionConcept['type'] | undefined =>
    input.options.find((o) => o.label === label)?.concept.type;
  // Two options stated equally prominently: "TLS 1.2 or 1.3", "annually ... and every quarter". One mention
  // backing two options ("within 7 days" is also "within 30 days") is not a rival: the weaker one is implied.
  const rival = ranked.find(
    (s) =>
      s !== top &&
      s.quality === 1 &&
      (s.at !== top.at || typeOf(s.label) === 'named') &&
      s.sentenceRel === top.sentenceRel &&
      s.clauseRel === top.clauseRel,
  );
  if (rival) {
    return {
      labels: [top.label],
      evidence: Math.min(top.quality, 0.5),
      note: `The library answer supports both "${top.label}" and "${rival.label}"; check which one this question asks about.`,
    };
  }
  // Values read from the text (not a Yes/No stance) need a sentence about the question's subject.
  const source = typeOf(top.label);
  if ((source === 'freq' || source === 'amount' || source === 'named') && top.sentenceRel === 0 && qStems.size > 0) {
    return {
      labels: [top.label],
      evidence: 0.6,
      note: `"${top.label}" comes from a sentence of the library answer that shares no words with this question; check that it is about the same thing.`,
    };
  }
  return {
    labels: [top.label],
    evidence: top.quality,
    ...(top.quality < 1
      ? { note: `"${top.label}" is implied by the library answer but not stated in its words.` }
      : {}),
  };
}

function compare(a: Support, b: Support): number {
  return (
    b.sentenceRel - a.sentenceRel ||
    a.sentence - b.sentence ||
    b.clauseRel - a.clauseRel ||
    b.quality - a.quality ||
    b.terms - a.terms ||
    a.at - b.at
  );
}

function noMatch(contradicted: readonly string[]): string {
  const base = 'No option matches the library answer; choose one by hand and keep the full answer as a comment.';
  return contradicted.length > 0
    ? `${base} The answer rules out ${contradicted.map((l) => `"${l}"`).join(', ')}.`
    : base;
}
