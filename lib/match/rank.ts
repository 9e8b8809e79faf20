// Question -> ranked candidate entries. Candidates come from BM25F over the whole entry; each is then
// described by a dozen features (model.ts: field scores, coverage, closest question variant, control
// agreement, answer kind, freshness) and ordered by the fitted linear ranker. No single signal decides
// whether an entry is a candidate: a topic title ("Encryption at rest") with the facts in its answer
// competes on the same terms as an entry whose title is the question word for word.
import type { AnswerEntry } from '../library/model';
import {
  entryVariants,
  FIELD,
  slotEntries,
  slotRanks,
  variantMass,
  variantPool,
  type AnswerIndex,
  type IndexedEntry,
} from './answer-index';
import {
  answerFacts,
  askingSentence,
  kindAgrees,
  questionKind,
  type FactKind,
  type QuestionKind,
  type QuestionKindInfo,
} from './answer-kind';
import type { Bm25Index } from './bm25';
import { citeControls } from './citations';
import type { ControlSource } from './control-source';
import { RANK_FEATURES, RF, rankerWeights, rankScore, type MatchModel } from './model';
import { isStale } from './reuse';
import { addTerms, analyzeQueryWords, expand, sentences, type WeightedTerms } from './text';
import { closeWord, correctTypos, unknownWords } from './typos';
import type { ControlMatch, QuestionInput } from './types';

/** Query shaping and candidate retrieval; fixed by design and measured in the design note, not fitted. */
export const RANK_SETTINGS = {
  /** Candidates read from BM25F before ranking (recall@40 is the design note's figure). */
  candidates: 40,
  /** Weight of preamble sentences against the sentence that asks. */
  preamble: 0.5,
  /** Weight of a requirement statement's leading verb ("Limit", "Employ"): it names no topic. */
  requirementVerb: 0.3,
  helper: 0.3,
  section: 0.3,
  /** Each answer option's terms, when the question does not already have them. */
  option: 0.15,
  expansion: 0.3,
  expansionMaxDf: 0.2,
  /** Candidates compared for near-duplicates (freshness). */
  duplicateWindow: 10,
  duplicateSimilarity: 0.5,
};

export interface Candidate {
  ie: IndexedEntry;
  /** RANK_FEATURES values. */
  features: Float64Array;
  /** The fitted ranker's score. */
  score: number;
  /** Best idf-weighted Dice with any question variant of the entry (also a feature; kept for conflicts). */
  sim: number;
}

export interface Ranking {
  candidates: Candidate[];
  kind: QuestionKindInfo;
  /** The question text after typo correction (what was searched). */
  searched: string;
}

export function rankCandidates(
  index: AnswerIndex,
  q: QuestionInput,
  controls: readonly ControlMatch[],
  source: ControlSource,
  model: MatchModel,
  today: string,
): Ranking {
  const kind = questionKind(q.question);
  const ranks = slotRanks(index);
  const bm25 = index.bm25;
  let question = q.question;
  let query = queryTerms(question, q, index, kind);
  let hits = bm25.search(query, RANK_SETTINGS.candidates, ranks);
  const unknown = unknownWords(question, bm25);
  if (unknown.length > 0 && hits.length > 0) {
    const vocabulary = new Set<string>();
    for (const h of hits.slice(0, 20))
      for (const w of questionWords(slotEntries(index)[h.doc]!.entry)) vocabulary.add(w);
    // Most unknown words are names, not typos: when no word of the top questions is within reach of any
    // of them, correction cannot change anything and Fuse is not even started.
    const words = [...vocabulary];
    const reachable = unknown.some((w) => words.some((v) => closeWord(w, v)));
    const corrected = reachable ? correctTypos(question, unknown, words) : question;
    if (corrected !== question) {
      question = corrected;
      query = queryTerms(question, q, index, kind);
      hits = bm25.search(query, RANK_SETTINGS.candidates, ranks);
    }
  }
  if (hits.length === 0) return { candidates: [], kind, searched: question };

  // Query terms by number with weights, for per-field scores and coverage.
  const qIds = new Int32Array(query.size);
  const qW = new Float64Array(query.size);
  let qMass = 0;
  let n = 0;
  for (const [t, w] of query) {
    qIds[n] = bm25.termIndex(t);
    qW[n] = w;
    qMass += w * bm25.idfAt(qIds[n]!);
    n++;
  }
  // The most a field could score: every query term present and saturated.
  const most = qMass * (bm25.k1 + 1);
  // The asking sentence's distinct terms, for Dice with question variants.
  const asked = [...new Set(analyzeQueryWords(askingSentence(question)))];
  const aIds = Int32Array.from(asked, (t) => bm25.termIndex(t));
  let aMass = 0;
  for (const id of aIds) aMass += bm25.idfAt(id);
  const key = keyTerms(aIds, bm25);
  // The whole question's terms (preamble too), for how much of an entry's title the question mentions.
  const whole = markTerms(
    Int32Array.from(new Set(analyzeQueryWords(question)), (t) => bm25.termIndex(t)),
    bm25,
    wholeMarks,
  );
  const mark = markTerms(aIds, bm25);
  const pool = variantPool(index);
  const bySlot = slotEntries(index);
  const wanted = controlScores(controls);
  const fits = new Map<ControlKeys, ControlFit>();
  const scores = new Float64Array(bm25.fields.length);
  const present = new Float64Array(bm25.fields.length);
  const max = new Float64Array(bm25.fields.length);
  const out: Candidate[] = [];
  // Every candidate's features are a view into one buffer made for this question: a typed array of its
  // own per candidate allocated a backing store each, which showed in profiles.
  const nf = RANK_FEATURES.length;
  const buffer = new ArrayBuffer(hits.length * nf * Float64Array.BYTES_PER_ELEMENT);
  for (let c = 0; c < hits.length; c++) {
    const h = hits[c]!;
    const ie = bySlot[h.doc]!;
    const f = new Float64Array(buffer, c * nf * Float64Array.BYTES_PER_ELEMENT, nf);
    const any = bm25.fieldScores(qIds, qW, h.doc, scores, present, ANY_TEXT_FIELD);
    f[RF.title] = scores[FIELD.question]!;
    f[RF.answer] = scores[FIELD.answer]!;
    f[RF.tags] = scores[FIELD.tags]!;
    f[RF.controlText] = scores[FIELD.controls]!;
    for (let i = 0; i < max.length; i++) if (scores[i]! > max[i]!) max[i] = scores[i]!;
    f[RF.titleAbs] = most > 0 ? scores[FIELD.question]! / most : 0;
    f[RF.answerAbs] = most > 0 ? scores[FIELD.answer]! / most : 0;
    f[RF.cover] = qMass > 0 ? any / qMass : 0;
    f[RF.titleCover] = qMass > 0 ? present[FIELD.question]! / qMass : 0;
    let sim = 0;
    let rev = 0;
    let o = entryVariants(index, pool, ie);
    const data = pool.data;
    for (let v = data[o++]!; v > 0; v--) {
      const length = data[o++]!;
      sim = Math.max(sim, diceAndMentioned(mark, aMass, whole, data, o, length, bm25));
      rev = Math.max(rev, lastMentioned);
      o += length;
    }
    f[RF.dice] = sim;
    f[RF.titleRev] = rev;
    const fit = controlFit(ie.entry, wanted, source, fits);
    f[RF.controls] = fit.best;
    f[RF.controlsFw] = fit.perFramework;
    f[RF.noControls] = ie.entry.controls.length === 0 ? 1 : 0;
    f[RF.kindMiss] = kindMiss(kind.kind, ie.entry);
    f[RF.older] = isStale(ie.entry, today) ? 1 : 0;
    keyCover(key, bm25, h.doc, f);
    out.push({ ie, features: f, score: 0, sim });
  }
  for (const c of out) {
    c.features[RF.title]! /= max[FIELD.question]! || 1;
    c.features[RF.answer]! /= max[FIELD.answer]! || 1;
    c.features[RF.tags]! /= max[FIELD.tags]! || 1;
    c.features[RF.controlText]! /= max[FIELD.controls]! || 1;
  }
  markSuperseded(index, out);
  const weights = weightsOf(model);
  for (const c of out) c.score = rankScore(weights, c.features);
  // Ties go to the smaller entry id; a slot's rank is its entry's place in id order.
  out.sort((a, b) => b.score - a.score || ranks[a.ie.slot]! - ranks[b.ie.slot]!);
  return { candidates: out, kind, searched: question };
}

/** The ranker's weights as an array, per model (a model is never changed once made; fitting makes new ones). */
const rankerWeightCache = new WeakMap<MatchModel['ranker'], Float64Array>();
function weightsOf(model: MatchModel): Float64Array {
  let w = rankerWeightCache.get(model.ranker);
  if (!w) rankerWeightCache.set(model.ranker, (w = rankerWeights(model)));
  return w;
}

/** Facts an entry's answer gives, per entry: a bounded memo keyed by text thrashed on a 10k library (every
 *  question's 40 candidates are mostly new texts), and an entry object lives as long as its index. */
const entryFacts = new WeakMap<AnswerEntry, ReadonlySet<FactKind>>();

/** 1 when the question asks for a kind of fact the answer lacks; yes/no and open questions never miss. */
function kindMiss(asked: QuestionKind, entry: AnswerEntry): number {
  if (asked === 'yesno' || asked === 'open') return 0;
  let facts = entryFacts.get(entry);
  if (!facts) entryFacts.set(entry, (facts = answerFacts(entry.answer)));
  return kindAgrees(asked, facts) ? 0 : 1;
}

/** Fields whose terms count as "found in the entry" for coverage: all but the cited controls' text. */
const ANY_TEXT_FIELD = (1 << FIELD.question) | (1 << FIELD.answer) | (1 << FIELD.tags);

/** Terms in more than this share of the library carry no topic ("security", "data"). */
export const KEY_TERM_MAX_DF = 0.2;

/** The asking sentence's distinctive terms (in at most KEY_TERM_MAX_DF of the library) with their idf. */
interface KeyTerms {
  ids: Int32Array;
  idf: Float64Array;
  mass: number;
  top: number;
}

function keyTerms(asked: Int32Array, bm25: Bm25Index): KeyTerms {
  const ids: number[] = [];
  const idf: number[] = [];
  let mass = 0;
  let top = 0;
  const common = bm25.size * KEY_TERM_MAX_DF;
  for (const id of asked) {
    // A term the library never uses still names what is asked ("jailbroken"): its idf is the highest.
    if (id >= 0 && bm25.dfAt(id) > common) continue;
    const w = bm25.idfAt(id);
    ids.push(id);
    idf.push(w);
    mass += w;
    top = Math.max(top, w);
  }
  return { ids: Int32Array.from(ids), idf: Float64Array.from(idf), mass, top };
}

/** The salient and missIdf features of one candidate document. */
function keyCover(key: KeyTerms, bm25: Bm25Index, doc: number, f: Float64Array): void {
  if (key.mass <= 0) {
    f[RF.salient] = 1;
    f[RF.missIdf] = 0;
    return;
  }
  let found = 0;
  let missing = 0;
  for (let i = 0; i < key.ids.length; i++) {
    if (bm25.heldInScored(key.ids[i]!, doc, ANY_TEXT_FIELD)) found += key.idf[i]!;
    else missing = Math.max(missing, key.idf[i]!);
  }
  f[RF.salient] = found / key.mass;
  f[RF.missIdf] = missing / key.top;
}

/**
 * Freshness: of two near-duplicate candidates (closest question variants alike), the one approved earlier
 * is the older version of the answer. Libraries keep superseded entries next to their replacements.
 */
function markSuperseded(index: AnswerIndex, cands: Candidate[]): void {
  const top = [...cands]
    .sort((a, b) => b.features[RF.title]! - a.features[RF.title]!)
    .slice(0, RANK_SETTINGS.duplicateWindow);
  for (let i = 0; i < top.length; i++) {
    const a = top[i]!;
    for (let j = i + 1; j < top.length; j++) {
      const b = top[j]!;
      const da = a.ie.entry.approvedAt ?? a.ie.entry.updatedAt.slice(0, 10);
      const db = b.ie.entry.approvedAt ?? b.ie.entry.updatedAt.slice(0, 10);
      if (da === db) continue;
      if (!similarAtLeast(index, a.ie, b.ie, RANK_SETTINGS.duplicateSimilarity)) continue;
      (da < db ? a : b).features[RF.older] = 1;
    }
  }
}

const questionWordCache = new WeakMap<AnswerEntry, readonly string[]>();
/** Words (4+ letters) of an entry's question and alternatives: the vocabulary typos are corrected against. */
function questionWords(e: AnswerEntry): readonly string[] {
  let out = questionWordCache.get(e);
  if (!out) {
    const set = new Set<string>();
    for (const text of [e.question, ...e.alternatives])
      for (const w of text.toLowerCase().match(/[a-z]{4,}/g) ?? []) set.add(w);
    questionWordCache.set(e, (out = [...set]));
  }
  return out;
}

/**
 * The question as weighted terms: the sentence that asks at full weight, preamble sentences at half (a
 * VSAQ item's two sentences of explanation must not outvote its one question), a requirement statement's
 * leading verb low, helper text, section and options lower, and the lexicon's related terms lowest.
 */
function queryTerms(question: string, q: QuestionInput, index: AnswerIndex, kind: QuestionKindInfo): WeightedTerms {
  const S = RANK_SETTINGS;
  const terms: WeightedTerms = new Map();
  const parts = sentences(question);
  const asking = askingSentence(question);
  for (const part of parts) {
    const analysed = analyzeQueryWords(part);
    if (kind.requirement && part === asking && analysed.length > 1) {
      addTerms(terms, analysed.slice(0, 1), S.requirementVerb);
      addTerms(terms, analysed.slice(1), 1);
    } else addTerms(terms, analysed, part === asking ? 1 : S.preamble);
  }
  if (parts.length === 0) addTerms(terms, analyzeQueryWords(question), 1);
  if (q.helper) addTerms(terms, analyzeQueryWords(q.helper), S.helper);
  if (q.section) addTerms(terms, analyzeQueryWords(q.section), S.section);
  for (const option of q.options ?? [])
    for (const t of analyzeQueryWords(option)) if (!terms.has(t)) terms.set(t, S.option);
  // Related terms widen recall, but a related term found in a large share of the library ("security",
  // "access") only adds cost: its long posting list barely changes the order.
  const common = index.bm25.size * S.expansionMaxDf;
  const expanded = expand(terms, S.expansion);
  for (const t of expanded.keys()) if (!terms.has(t) && index.bm25.df(t) > common) expanded.delete(t);
  return expanded;
}

/**
 * Membership table over term numbers, shared by every Dice comparison: `marks[t] === stamp` while term t
 * belongs to the latest marked set. Re-ranking compares each of ~40 candidates' variants with the
 * question, and a typed-array read per term costs a fraction of scanning the question's terms.
 */
interface MarkTable {
  marks: Int32Array;
  stamp: number;
}
const diceMarks: MarkTable = { marks: new Int32Array(1024), stamp: 0 };
/** A second table for the whole question's terms, read while diceMarks holds the asking sentence's. */
const wholeMarks: MarkTable = { marks: new Int32Array(1024), stamp: 0 };

/** Marks `ids` (term numbers; -1 entries are skipped) as the current set of `table` and returns its stamp. */
function markTerms(ids: Int32Array, bm25: Bm25Index, table: MarkTable = diceMarks): number {
  if (table.marks.length < bm25.termCount) table.marks = new Int32Array(bm25.termCount * 2);
  if (table.stamp === 0x7fffffff) {
    table.marks.fill(0);
    table.stamp = 0;
  }
  const stamp = ++table.stamp;
  const m = table.marks;
  for (let i = 0; i < ids.length; i++) if (ids[i]! >= 0) m[ids[i]!] = stamp;
  return stamp;
}

/** dice() of one question variant, and (in lastMentioned) the share of the variant's idf mass among the
 *  terms marked in wholeMarks with `whole`: both in one pass over the variant. */
let lastMentioned = 0;
function diceAndMentioned(
  mark: number,
  mass: number,
  whole: number,
  data: Int32Array,
  from: number,
  length: number,
  bm25: Bm25Index,
): number {
  const marks = diceMarks.marks;
  const wm = wholeMarks.marks;
  let vMass = 0;
  let shared = 0;
  let said = 0;
  for (let i = from, end = from + length; i < end; i++) {
    const t = data[i]!;
    const w = bm25.idfAt(t);
    vMass += w;
    if (t < 0) continue;
    if (marks[t] === mark) shared += w;
    if (wm[t] === whole) said += w;
  }
  lastMentioned = vMass > 0 ? said / vMass : 0;
  return mass + vMass > 0 ? (2 * shared) / (mass + vMass) : 0;
}

/** idf-weighted Dice between the marked term set (idf mass `mass`) and one question variant of an entry:
 *  `length` distinct term numbers at data[from...], whose idf mass is `vMass` (variantMass). */
function dice(
  mark: number,
  mass: number,
  vMass: number,
  data: Int32Array,
  from: number,
  length: number,
  bm25: Bm25Index,
): number {
  const marks = diceMarks.marks;
  let shared = 0;
  for (let i = from, end = from + length; i < end; i++) {
    const t = data[i]!;
    if (t >= 0 && marks[t] === mark) shared += bm25.idfAt(t);
  }
  return mass + vMass > 0 ? (2 * shared) / (mass + vMass) : 0;
}

/** Best idf-weighted Dice between any question variant of one entry and any of the other. */
export function entrySimilarity(index: AnswerIndex, a: IndexedEntry, b: IndexedEntry): number {
  return similarity(index, a, b, Infinity);
}

/** Whether entrySimilarity(a, b) >= threshold, computing no more of it than that needs. */
export function similarAtLeast(index: AnswerIndex, a: IndexedEntry, b: IndexedEntry, threshold: number): boolean {
  return similarity(index, a, b, threshold) >= threshold;
}

/** Headroom on the Dice bound below, far above float rounding: a pair is skipped only when even a
 *  complete overlap could not reach the threshold. */
const BOUND_SLACK = 1e-9;

/**
 * Best Dice over variant pairs, stopping at the first that reaches `stop` (then some value >= stop is
 * returned; with stop = Infinity the exact best). A pair whose masses alone keep Dice under `stop`
 * (2 min / sum) is not compared: `stop` is only ever a threshold the caller tests, so the answer is the same.
 */
function similarity(index: AnswerIndex, a: IndexedEntry, b: IndexedEntry, stop: number): number {
  const pool = variantPool(index);
  entryVariants(index, pool, a);
  const bStart = entryVariants(index, pool, b);
  const data = pool.data; // read after both blocks exist: making one may have grown the pool
  const bm25 = index.bm25;
  let best = 0;
  let oa = pool.at[a.slot]!;
  for (let va = data[oa++]!; va > 0; va--) {
    const length = data[oa]!;
    const mass = variantMass(pool, bm25, oa);
    const terms = data.subarray(oa + 1, oa + 1 + length);
    let mark = -1;
    let ob = bStart;
    for (let vb = data[ob++]!; vb > 0; vb--) {
      const lb = data[ob]!;
      const vMass = variantMass(pool, bm25, ob);
      const bound = mass + vMass > 0 ? (2 * Math.min(mass, vMass)) / (mass + vMass) : 0;
      if (stop === Infinity || bound >= stop * (1 - BOUND_SLACK)) {
        if (mark < 0) mark = markTerms(terms, bm25);
        best = Math.max(best, dice(mark, mass, vMass, data, ob + 1, lb, bm25));
        if (best >= stop) return best;
      }
      ob += 1 + lb;
    }
    oa += 1 + length;
  }
  return best;
}

/** The classifier's score per control ("framework|id"), best per key, and its best score per framework. */
interface Wanted {
  scores: Map<string, number>;
  top: Map<string, number>;
}
function controlScores(controls: readonly ControlMatch[]): Wanted {
  const scores = new Map<string, number>();
  const top = new Map<string, number>();
  for (const c of controls) {
    const key = `${c.framework}|${c.id}`;
    scores.set(key, Math.max(scores.get(key) ?? 0, c.score));
    top.set(c.framework, Math.max(top.get(c.framework) ?? 0, c.score));
  }
  return { scores, top };
}

/** Control keys (own + counterparts) of one control set, as "framework|id", with each key's framework. */
interface ControlKeys {
  source: ControlSource;
  keys: readonly string[];
  frameworks: readonly string[];
}
/** Control keys by the entry's control set; entries share sets, so this stays small. */
const controlKeysBySet = new Map<string, ControlKeys>();
const entryControlKeys = new WeakMap<AnswerEntry, ControlKeys>();

/** How an entry's controls meet the classifier's: the controls and controlsFw features (model.ts). */
interface ControlFit {
  /** The classifier's best score among the entry's controls and counterparts (0 when none is classified). */
  best: number;
  /** Per framework the classifier answered in, the entry's best score there over the classifier's best;
   *  averaged over those frameworks. */
  perFramework: number;
}
const NO_FIT: ControlFit = { best: 0, perFramework: 0 };

/** `fits` memoises the fit per control set for one question. */
function controlFit(
  entry: AnswerEntry,
  wanted: Wanted,
  source: ControlSource,
  fits: Map<ControlKeys, ControlFit>,
): ControlFit {
  if (entry.controls.length === 0 || wanted.scores.size === 0) return NO_FIT;
  let bySource = entryControlKeys.get(entry);
  if (!bySource || bySource.source !== source) {
    const signature = entry.controls.map((c) => `${c.framework}|${c.id}`).join(',');
    let keys = controlKeysBySet.get(signature);
    if (!keys || keys.source !== source) {
      const cited = new Map(citeControls(entry.controls, source).map((c) => [`${c.framework}|${c.id}`, c.framework]));
      keys = { source, keys: [...cited.keys()], frameworks: [...cited.values()] };
      if (controlKeysBySet.size >= 20_000) controlKeysBySet.clear();
      controlKeysBySet.set(signature, keys);
    }
    entryControlKeys.set(entry, (bySource = keys));
  }
  let fit = fits.get(bySource);
  if (fit === undefined) {
    let best = 0;
    let sum = 0;
    for (const [fw, top] of wanted.top) {
      let here = 0;
      bySource.keys.forEach((k, i) => {
        const score = bySource.frameworks[i] === fw ? wanted.scores.get(k) : undefined;
        if (score !== undefined) here = Math.max(here, score);
      });
      best = Math.max(best, here);
      sum += here / (top || 1);
    }
    fit = { best, perFramework: sum / wanted.top.size };
    fits.set(bySource, fit);
  }
  return fit;
}
