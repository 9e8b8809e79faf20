// Question -> ranked controls per framework. Each catalog is scored with BM25F three ways (the whole
// question, its best sentence, its section heading) and the views are mixed; the team's own library adds
// votes (entries close to the question name their controls); then the crosswalk lends evidence across
// frameworks: a strong ISO 2022 match lifts its SOC 2 counterparts and back, and ISO 2013 controls inherit
// from the 2022 controls that replaced them. Every match says which words, entries or counterparts led to it.
import { FRAMEWORKS, type Framework } from '../controls';
import { CatalogIndex, held, type CatalogField, type CatalogRow } from './catalog-index';
import { defaultControlSource, type ControlSource, type EdgeStrength, type MatchControl } from './control-source';
import { getLexicon } from './lexicon';
import { dropAdjectivalKey } from './word-senses';
import { addTerms, analyzeQueryWords, analyzeWords, expand, sentences, type WeightedTerms } from './text';
import type { ControlMatch, QuestionInput } from './types';

// Controls and questions are analysed with their words kept beside the lexicon concepts (the analysis answer
// retrieval runs too): "visitors are escorted" is physicalaccess AND escort, so the control whose
// description names escorts still wins over the other physical-access controls. With concepts alone, every
// lexicon entry that grows (new variants) would blur the controls that share its concept.
const analyze = analyzeWords;
const analyzeQuery = (text: string): readonly string[] => analyzeQueryWords(dropAdjectivalKey(text));

/** Fitted on the method with leave-one-set-out cross-validation, never on single questions: see
 *  test/bench/controls-bench.ts and the classifier section of lib/match/README.md. */
export const CLASSIFIER_WEIGHTS = {
  fields: [
    { name: 'title', weight: 3.5, b: 0.3 },
    { name: 'keywords', weight: 1.5, b: 0.6 },
    { name: 'summary', weight: 1.5, b: 0.2 },
    { name: 'description', weight: 1, b: 0.3 },
    { name: 'group', weight: 0.4, b: 0 },
  ] satisfies CatalogField[],
  /** BM25 term-frequency saturation over the catalog fields. */
  k1: 0.9,
  question: 1,
  /** Query weight of lexicon concepts ("physicalaccess", "keymanagement") against plain stems: a concept
   *  is a security topic, a plain word may be anything. */
  concept: 1,
  /** Sentences that do not ask (a preamble, examples, explanations) count this much in the whole-question
   *  view: the sentences ending in "?" ask when there are any, else the first sentence does. */
  laterSentences: 0.8,
  /** Query weight of terms held by at least `commonShare` of a framework's controls ("information",
   *  "security", "system"): they name the field, not the topic. */
  common: 0.6,
  commonShare: 0.25,
  /** Query weight of the process words of requirement language ("established, documented, approved,
   *  communicated, reviewed ..."): they say how a control is run, not which control it is. */
  process: 0.2,
  helper: 0.5,
  options: 0.25,
  expansion: 0.3,
  /** The best single sentence, scored on its own: a long compound question names several topics, and a
   *  preamble should not dilute the sentence that asks. Added to the whole-question view at this weight. */
  sentence: 0,
  /** The section heading's terms inside the whole-question view. */
  sectionTerms: 0.15,
  /** The section heading scored on its own, as a prior over the catalog. */
  section: 0.5,
  /** The section prior treats this many controls per framework as the heading's best (see flattenTop). */
  sectionTop: 8,
  /** A multi-word keyword or title found whole in the question is stronger evidence than its words apart. */
  phrase: 1,
  /** Management-system clauses answer "do you run an ISMS" questions; most questions are about a control. */
  clausePrior: 0.85,
  /** How much a counterpart's normalised score adds: an ISO 2022 control to the 2013 controls it replaced
   *  (successor), a 2013 control to its 2022 successor (predecessor), SOC 2 <-> ISO peers. */
  successor: 1.5,
  predecessor: 0.35,
  peer: 0.35,
  /** A 2013 control is indexed with its 2022 successors' descriptions beside its own. */
  inheritDescription: true,
  strength: { strong: 1, partial: 0.7, weak: 0.35 } satisfies Record<EdgeStrength, number>,
  /** Weight of the library vote (0..1 per control) beside the normalised lexical score. */
  vote: 0.6,
  /** Votes only lift controls whose own normalised score reaches this (0: any control). */
  voteGate: 0,
  /** Controls below this share of the framework's best score are not reported. */
  floor: 0.3,
  limit: 5,
};
export type ClassifierWeights = typeof CLASSIFIER_WEIGHTS;

const FIELD_NAMES = ['title', 'keywords', 'summary', 'description', 'group'] as const;

/** What a library entry close to the question says about its controls (see library-vote.ts). */
export interface LibraryVote {
  entryId: string;
  /** How much this entry's controls count: similarity to the question x approval, in 0..1. */
  weight: number;
  controls: ReadonlyArray<{ framework: Framework; id: string }>;
}

interface FrameworkIndex {
  catalog: CatalogIndex;
  controls: readonly MatchControl[];
  /** Position of this framework's first control in the classifier-wide arrays. */
  offset: number;
  /** Multi-word keywords and titles ("phrases") of all controls, numbered control by control: control d's
   *  are [phraseStart[d], phraseStart[d + 1]). Each has its term count and idf sum (the catalog never
   *  changes, so neither do they), and each term lists the phrases that contain it. */
  phraseStart: Int32Array;
  phraseLength: Int32Array;
  phraseIdf: Float64Array;
  phrasesWith: Map<string, number[]>;
  /** Per-question scratch for phrase matching (terms seen per phrase), cleared after use. */
  phraseSeen: Int32Array;
}

interface Classifier {
  byFramework: Record<Framework, FrameworkIndex>;
  total: number;
  position: Map<string, number>;
  /** Crosswalk neighbours in compressed rows: control i's are at [start[i], start[i + 1]), each with the
   *  lending weight (edge strength x successor or peer factor) folded in. */
  neighbourStart: Int32Array;
  neighbourIndex: Int32Array;
  neighbourWeight: Float64Array;
  /** Control i's position in (framework, id) order: ties go to the smaller id. */
  idRank: Int32Array;
  isClause: Uint8Array;
  frameworkNumber: Uint8Array;
  /** Section heading (with the weights that shape it) -> its normalised score over every control
   *  (headings repeat down a page). */
  sections: Map<string, Float64Array>;
  /** Per-question scratch, sized to the whole catalog. */
  main: Float64Array;
  best: Float64Array;
  sentence: Float64Array;
  score: Float64Array;
  vote: Float64Array;
  lent: Float64Array;
  lentFrom: Int32Array;
  /** Share of each control's score that came from the section heading scored on its own. */
  fromSection: Float64Array;
  /** The lexical stage of the last question (see classifyControls). */
  last: {
    question: QuestionInput | undefined;
    weights: ClassifierWeights | undefined;
    terms: WeightedTerms;
    score: Float64Array;
    fromSection: Float64Array;
  };
}

const classifiers = new WeakMap<
  ControlSource,
  { byWeights: WeakMap<ClassifierWeights, Classifier>; byShape: Map<string, Classifier> }
>();
const key = (framework: Framework, id: string): string => `${framework}|${id}`;
const SECTION_CACHE = 64;

function fieldTexts(c: MatchControl): string[][] {
  const byName: Record<(typeof FIELD_NAMES)[number], string[]> = {
    title: analyze(c.title),
    keywords: c.keywords.flatMap((k) => analyze(k)),
    summary: analyze(c.summary),
    description: analyze(c.description ?? ''),
    group: analyze(c.group ?? ''),
  };
  return FIELD_NAMES.map((n) => byName[n]);
}

function build(source: ControlSource, W: ClassifierWeights): Classifier {
  const byFramework = {} as Record<Framework, FrameworkIndex>;
  const position = new Map<string, number>();
  const frameworkOf: number[] = [];
  const clause: number[] = [];
  const fields = FIELD_NAMES.map((name) => W.fields.find((f) => f.name === name) ?? { name, weight: 0, b: 0 });
  const inherited = W.inheritDescription ? successorDescriptions(source) : new Map<string, string>();
  let offset = 0;
  FRAMEWORKS.forEach((framework, fn) => {
    const controls = source.controls.filter((c) => c.framework === framework);
    const docs = controls.map((c) =>
      fieldTexts(
        framework === 'iso27001:2013' && inherited.has(c.id)
          ? { ...c, description: `${c.description ?? ''} ${inherited.get(c.id)!}` }
          : c,
      ),
    );
    const catalog = new CatalogIndex(fields, docs, { share: W.commonShare, factor: W.common }, W.k1);
    const phraseLists = controls.map((c, d) => uniquePhrases([docs[d]![0]!, ...c.keywords.map((k) => analyze(k))]));
    controls.forEach((c, d) => {
      position.set(key(framework, c.id), offset + d);
      frameworkOf.push(fn);
      clause.push(c.kind === 'clause' ? 1 : 0);
    });
    const all = phraseLists.flat();
    const phraseStart = new Int32Array(controls.length + 1);
    phraseLists.forEach((list, d) => (phraseStart[d + 1] = phraseStart[d]! + list.length));
    const phrasesWith = new Map<string, number[]>();
    all.forEach((terms, p) => terms.forEach((t) => (phrasesWith.get(t) ?? phrasesWith.set(t, []).get(t)!).push(p)));
    byFramework[framework] = {
      catalog,
      controls,
      offset,
      phraseStart,
      phrasesWith,
      phraseSeen: new Int32Array(all.length),
      phraseLength: Int32Array.from(all, (terms) => terms.length),
      phraseIdf: Float64Array.from(all, (terms) => terms.reduce((sum, t) => sum + catalog.idf(t), 0)),
    };
    offset += controls.length;
  });
  const neighbours: Array<Map<number, number>> = Array.from({ length: offset }, () => new Map<number, number>());
  for (const e of source.edges) {
    const a = position.get(key(e.from.framework, e.from.id));
    const b = position.get(key(e.to.framework, e.to.id));
    if (a === undefined || b === undefined) continue;
    // Lending runs both ways, each with its own factor: a -> b lends a's score to b.
    const lend = (from: Framework, to: Framework): number =>
      from === 'soc2:2017' || to === 'soc2:2017' ? W.peer : to === 'iso27001:2013' ? W.successor : W.predecessor;
    const s = W.strength[e.strength];
    const ab = s * lend(e.from.framework, e.to.framework);
    const ba = s * lend(e.to.framework, e.from.framework);
    neighbours[a]!.set(b, Math.max(ab, neighbours[a]!.get(b) ?? 0));
    neighbours[b]!.set(a, Math.max(ba, neighbours[b]!.get(a) ?? 0));
  }
  const neighbourStart = new Int32Array(offset + 1);
  neighbours.forEach((list, i) => (neighbourStart[i + 1] = neighbourStart[i]! + list.size));
  const neighbourIndex = new Int32Array(neighbourStart[offset]!);
  const neighbourWeight = new Float64Array(neighbourStart[offset]!);
  neighbours.forEach((list, i) => {
    let n = neighbourStart[i]!;
    for (const [j, w] of list) {
      neighbourIndex[n] = j;
      neighbourWeight[n++] = w;
    }
  });
  const ids = FRAMEWORKS.flatMap((framework) =>
    byFramework[framework].controls.map((ctl, d) => ({ i: byFramework[framework].offset + d, id: ctl.id })),
  );
  const idRank = new Int32Array(offset);
  ids.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.i - b.i)).forEach((x, r) => (idRank[x.i] = r));
  const scratch = (): Float64Array => new Float64Array(offset);
  return {
    byFramework,
    total: offset,
    position,
    neighbourStart,
    neighbourIndex,
    neighbourWeight,
    idRank,
    isClause: Uint8Array.from(clause),
    frameworkNumber: Uint8Array.from(frameworkOf),
    sections: new Map(),
    main: scratch(),
    best: scratch(),
    sentence: scratch(),
    score: scratch(),
    vote: scratch(),
    lent: scratch(),
    lentFrom: new Int32Array(offset),
    fromSection: scratch(),
    last: { question: undefined, weights: undefined, terms: new Map(), score: scratch(), fromSection: scratch() },
  };
}

/** 2013 id -> the descriptions of the 2022 controls that replaced it (ISO/IEC 27002:2022 Annex B). */
function successorDescriptions(source: ControlSource): Map<string, string> {
  const byId = new Map(source.controls.filter((c) => c.framework === 'iso27001:2022').map((c) => [c.id, c]));
  const out = new Map<string, string>();
  for (const e of source.edges) {
    if (e.from.framework !== 'iso27001:2013' || e.to.framework !== 'iso27001:2022') continue;
    const text = byId.get(e.to.id)?.description;
    if (text) out.set(e.from.id, out.has(e.from.id) ? `${out.get(e.from.id)!} ${text}` : text);
  }
  return out;
}

function uniquePhrases(lists: ReadonlyArray<readonly string[]>): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const list of lists) {
    const terms = [...new Set(list)];
    const k = terms.sort().join(' ');
    if (terms.length < 2 || seen.has(k)) continue;
    seen.add(k);
    out.push(terms);
  }
  return out;
}

/** Adds `factor` x the idf of every keyphrase found whole in the question (best phrase of a control fully,
 *  its others at half) into out. */
function addPhrases(fx: FrameworkIndex, present: readonly string[], out: Float64Array, factor: number): void {
  const seen = fx.phraseSeen;
  const marked: number[] = [];
  for (const t of present) {
    const list = fx.phrasesWith.get(t);
    if (!list) continue;
    for (const p of list) if (seen[p]!++ === 0) marked.push(p);
  }
  if (marked.length > 0) {
    // Phrases are numbered control by control, so whole ones group by control after a sort.
    const whole = marked.filter((p) => seen[p] === fx.phraseLength[p]).sort((a, b) => a - b);
    let d = 0;
    for (let k = 0; k < whole.length;) {
      while (fx.phraseStart[d + 1]! <= whole[k]!) d++;
      let best = 0;
      let total = 0;
      for (; k < whole.length && whole[k]! < fx.phraseStart[d + 1]!; k++) {
        const idf = fx.phraseIdf[whole[k]!]!;
        best = Math.max(best, idf);
        total += idf;
      }
      out[fx.offset + d]! += factor * (best + 0.5 * (total - best));
    }
  }
  for (const p of marked) seen[p] = 0;
}

function classifier(source: ControlSource, W: ClassifierWeights): Classifier {
  let bySource = classifiers.get(source);
  if (!bySource) classifiers.set(source, (bySource = { byWeights: new WeakMap(), byShape: new Map() }));
  let c = bySource.byWeights.get(W);
  if (!c) {
    // Field weights and crosswalk factors shape the index; the other weights only the scoring, so weight
    // sets that differ only there (as when fitting) share one index.
    const shape = JSON.stringify([
      W.fields,
      W.successor,
      W.predecessor,
      W.peer,
      W.strength,
      W.inheritDescription,
      W.common,
      W.commonShare,
      W.k1,
    ]);
    c = bySource.byShape.get(shape);
    if (!c) {
      if (bySource.byShape.size >= 8) bySource.byShape.clear();
      bySource.byShape.set(shape, (c = build(source, W)));
    }
    bySource.byWeights.set(W, c);
  }
  return c;
}

/**
 * Process words of requirement and questionnaire language, as analysed terms (stems and lexicon concepts):
 * "Are X policies and procedures established, documented, approved, communicated, applied, evaluated and
 * maintained?" names its topic in X alone. The list is about the language, not about any catalog.
 */
const PROCESS_WORDS = new Set([
  'documentation',
  'document',
  'communic',
  'approv',
  'approval',
  'communication',
  'apply',
  'evalu',
  'enforc',
  'review',
  'upd',
  'frequency',
  'organ',
  'personnel',
  'author',
  'requir',
  'process',
  'manag',
  'responsibl',
  'defin',
  'implement',
  'perform',
  'conduct',
  'ensur',
  'establish',
  'maintain',
  'set',
]);

function damp(terms: WeightedTerms, factor: number): WeightedTerms {
  if (factor === 1) return terms;
  for (const [t, w] of terms) if (PROCESS_WORDS.has(t)) terms.set(t, w * factor);
  return terms;
}

/** The question and its context (without the section) as weighted terms. */
function mainTerms(q: QuestionInput, W: ClassifierWeights, parts: readonly string[]): WeightedTerms {
  const terms: WeightedTerms = new Map();
  const asks = parts.some((p) => p.endsWith('?'));
  parts.forEach((sentence, i) =>
    addTerms(
      terms,
      analyzeQuery(sentence),
      W.question * ((asks ? sentence.endsWith('?') : i === 0) ? 1 : W.laterSentences),
    ),
  );
  if (q.helper) addTerms(terms, analyzeQuery(q.helper), W.helper);
  if (q.section && W.sectionTerms > 0) addTerms(terms, analyzeQuery(q.section), W.sectionTerms);
  for (const option of q.options ?? [])
    addTerms(terms, analyzeQuery(option), W.options / Math.max(1, (q.options?.length ?? 1) / 2));
  if (W.concept !== 1) {
    const canonical = getLexicon().canonical;
    for (const [t, w] of terms) if (canonical.has(t)) terms.set(t, w * W.concept);
  }
  return expand(damp(terms, W.process), W.expansion);
}

/** The question and its context as weighted terms; exported for tests and tools. */
export function questionTerms(q: QuestionInput, W: ClassifierWeights = CLASSIFIER_WEIGHTS): WeightedTerms {
  return mainTerms(q, W, sentences(q.question));
}

export interface ClassifyOptions {
  source?: ControlSource;
  /** Controls per framework (default 5). */
  limit?: number;
  frameworks?: readonly Framework[];
  /** Library entries close to the question, with their controls (library-vote.ts builds these). */
  votes?: readonly LibraryVote[];
  /** Other weights, for fitting and benchmarks. */
  weights?: ClassifierWeights;
  /** false: leave `why` empty (for callers that read only ids and scores; default true). */
  explain?: boolean;
}

/** Divides each framework's slice of `a` by its best value (slices with nothing stay 0). */
function normalise(c: Classifier, a: Float64Array): void {
  for (const framework of FRAMEWORKS) {
    const fx = c.byFramework[framework];
    const end = fx.offset + fx.controls.length;
    let max = 0;
    for (let i = fx.offset; i < end; i++) if (a[i]! > max) max = a[i]!;
    if (max > 0) for (let i = fx.offset; i < end; i++) a[i]! /= max;
  }
}

/** Per framework, every control within the best `top` counts as the best (1), the rest relative to the
 *  top-th: a section heading names a family of controls ("Configuration Management"), not one of them. */
function flattenTop(c: Classifier, a: Float64Array, top: number): void {
  for (const framework of FRAMEWORKS) {
    const fx = c.byFramework[framework];
    const slice = Array.from(a.subarray(fx.offset, fx.offset + fx.controls.length)).sort((x, y) => y - x);
    const bar = slice[Math.min(top, slice.length) - 1] ?? 0;
    if (bar <= 0) continue;
    for (let i = fx.offset, end = fx.offset + fx.controls.length; i < end; i++) a[i] = Math.min(1, a[i]! / bar);
  }
}

function sectionScores(c: Classifier, section: string, W: ClassifierWeights): Float64Array {
  // Weight sets that share an index (see classifier()) share this cache: the key holds what shapes the scores.
  const cacheKey = `${W.expansion}|${W.sectionTop}|${section}`;
  let s = c.sections.get(cacheKey);
  if (!s) {
    s = new Float64Array(c.total);
    const terms = expand(new Map(analyzeQuery(section).map((t) => [t, 1])), W.expansion);
    for (const framework of FRAMEWORKS) {
      const fx = c.byFramework[framework];
      fx.catalog.score(terms, s, fx.offset);
    }
    normalise(c, s);
    if (W.sectionTop > 1) flattenTop(c, s, W.sectionTop);
    if (c.sections.size >= SECTION_CACHE) c.sections.clear();
    c.sections.set(cacheKey, s);
  }
  return s;
}

/** Steps 1-3 of classifyControls: the lexical views mixed into `c.score` (normalised per framework, clause
 *  prior applied) and each control's share from the section heading into `c.fromSection`. */
function lexicalScores(c: Classifier, q: QuestionInput, W: ClassifierWeights): WeightedTerms {
  const { main, best, sentence, score, fromSection } = c;
  fromSection.fill(0);
  const parts = sentences(q.question);
  const terms = mainTerms(q, W, parts);
  const present: string[] = [];
  for (const [t, w] of terms) if (w >= W.question * 0.59) present.push(t);
  // 1. Lexical evidence per framework: whole question (+ whole keyphrases), normalised to the best.
  main.fill(0);
  for (const framework of FRAMEWORKS) {
    const fx = c.byFramework[framework];
    fx.catalog.score(terms, main, fx.offset);
    if (W.phrase > 0) addPhrases(fx, present, main, W.phrase);
  }
  normalise(c, main);
  score.set(main);
  // 2. The best sentence on its own, for questions of several sentences.
  if (W.sentence > 0 && parts.length > 1) {
    best.fill(0);
    for (const part of parts) {
      const st = expand(new Map(analyzeQuery(part).map((t) => [t, 1])), W.expansion);
      if (st.size < 2) continue;
      sentence.fill(0);
      for (const framework of FRAMEWORKS) {
        const fx = c.byFramework[framework];
        fx.catalog.score(st, sentence, fx.offset);
      }
      normalise(c, sentence);
      for (let i = 0; i < c.total; i++) if (sentence[i]! > best[i]!) best[i] = sentence[i]!;
    }
    for (let i = 0; i < c.total; i++) score[i]! += W.sentence * best[i]!;
  }
  // 3. The section heading as a prior.
  if (W.section > 0 && q.section) {
    const s = sectionScores(c, q.section, W);
    for (let i = 0; i < c.total; i++) {
      const add = W.section * s[i]!;
      score[i]! += add;
      fromSection[i] = score[i]! > 0 ? add / score[i]! : 0;
    }
  }
  for (let i = 0; i < c.total; i++) if (c.isClause[i]) score[i]! *= W.clausePrior;
  normalise(c, score);
  return terms;
}

/** Ranked controls, grouped by framework (2022, 2013, SOC 2), best first within each framework. */
export function classifyControls(q: QuestionInput, opts: ClassifyOptions = {}): ControlMatch[] {
  const W = opts.weights ?? CLASSIFIER_WEIGHTS;
  const c = classifier(opts.source ?? defaultControlSource(), W);
  const { score, vote, lent, lentFrom, fromSection } = c;
  // The matcher classifies a question once on its words and, when library entries vote, once more with
  // their votes: the lexical stage of the last question is kept for that second call.
  const memo = c.last;
  let terms: WeightedTerms;
  if (memo.question === q && memo.weights === W) {
    terms = memo.terms;
    score.set(memo.score);
    fromSection.set(memo.fromSection);
  } else {
    terms = lexicalScores(c, q, W);
    memo.question = q;
    memo.weights = W;
    memo.terms = terms;
    memo.score.set(score);
    memo.fromSection.set(fromSection);
  }
  // 4. Library votes: entries close to the question name their controls.
  vote.fill(0);
  const voters = opts.votes ?? [];
  if (voters.length > 0) {
    let mass = 0;
    for (const v of voters) mass += v.weight;
    for (const v of voters)
      for (const ref of v.controls) {
        const i = c.position.get(key(ref.framework, ref.id));
        if (i !== undefined) vote[i]! += v.weight / Math.max(mass, 1);
      }
    for (let i = 0; i < c.total; i++) if (score[i]! >= W.voteGate) score[i]! += W.vote * vote[i]!;
    normalise(c, score);
  }
  // 5. Crosswalk evidence: the strongest supporting counterpart, not the sum (hub criteria such as CC6.1
  //    have dozens of edges and would otherwise win every question).
  lent.fill(0);
  lentFrom.fill(-1);
  for (let i = 0; i < c.total; i++) {
    const s = score[i]!;
    if (s <= 0) continue;
    for (let n = c.neighbourStart[i]!, end = c.neighbourStart[i + 1]!; n < end; n++) {
      const j = c.neighbourIndex[n]!;
      const v = c.neighbourWeight[n]! * s;
      if (v > lent[j]!) {
        lent[j] = v;
        lentFrom[j] = i;
      }
    }
  }
  const wanted = opts.frameworks ?? FRAMEWORKS;
  const limit = Math.max(0, opts.limit ?? W.limit);
  const out: ControlMatch[] = [];
  const maxLend = Math.max(W.successor, W.peer);
  const explaining = opts.explain ?? true;
  const headingOnly = explaining ? sectionOnlyTerms(q) : EMPTY;
  const bestIndex = new Int32Array(limit);
  const bestScore = new Float64Array(limit);
  for (const framework of FRAMEWORKS) {
    if (!wanted.includes(framework) || limit === 0) continue;
    const fx = c.byFramework[framework];
    // Best `limit` by (score desc, id asc) in a short insertion list: most controls cost one comparison.
    let n = 0;
    for (let i = fx.offset, end = fx.offset + fx.controls.length; i < end; i++) {
      const s = score[i]! + lent[i]!;
      if (s <= 0) continue;
      if (n === limit && !outranks(s, i, bestScore[n - 1]!, bestIndex[n - 1]!, c.idRank)) continue;
      let at = n < limit ? n++ : n - 1;
      while (at > 0 && outranks(s, i, bestScore[at - 1]!, bestIndex[at - 1]!, c.idRank)) {
        bestScore[at] = bestScore[at - 1]!;
        bestIndex[at] = bestIndex[at - 1]!;
        at--;
      }
      bestScore[at] = s;
      bestIndex[at] = i;
    }
    let nameable: ExplainTerm[] | undefined;
    for (let r = 0; r < n; r++) {
      const i = bestIndex[r]!;
      const total = bestScore[r]!;
      if (total < bestScore[0]! * W.floor) break;
      const ctl = fx.controls[i - fx.offset]!;
      out.push({
        framework,
        id: ctl.id,
        title: ctl.title,
        score: Math.round((total / (1 + maxLend)) * 1000) / 1000,
        why: !explaining
          ? []
          : explain(
              c,
              fx,
              i,
              (nameable ??= explainable(fx, terms, headingOnly)),
              voters,
              lentFrom[i]!,
              lent[i]! / total,
              {
                section: q.section,
                share: (fromSection[i]! * score[i]!) / total,
              },
            ),
      });
    }
  }
  return out;
}

/** Terms the section heading brought that the question itself does not have: explanations mark them. */
function sectionOnlyTerms(q: QuestionInput): ReadonlySet<string> {
  if (!q.section) return EMPTY;
  const own = new Set<string>();
  for (const text of [q.question, q.helper ?? '', ...(q.options ?? [])]) for (const t of analyzeQuery(text)) own.add(t);
  const out = new Set<string>();
  for (const t of analyzeQuery(q.section)) if (!own.has(t)) out.add(t);
  return out;
}
const EMPTY: ReadonlySet<string> = new Set();

/** The heading is named when it brought this share of a control's score: a control that got the full
 *  section prior has at least section / (1 + sentence + section) of it (0.33 with the committed weights). */
const SECTION_SHARE = 0.15;

const outranks = (s: number, i: number, t: number, j: number, idRank: Int32Array): boolean =>
  s > t || (s === t && idRank[i]! < idRank[j]!);

/**
 * What led to control i, strongest first: the question's words with the field of the control that holds
 * them ("mfa -> keywords"), the library entries that named it ("entry TW-033 (0.82)": entry id and vote
 * weight), the section heading when it brought SECTION_SHARE of the score or more, and the counterpart the
 * crosswalk lent from ("via A.8.5 (crosswalk)") when that lent a quarter or more.
 */
/** A question term strong enough to be named, with its row in one framework's catalog. */
interface ExplainTerm {
  term: string;
  weight: number;
  row: CatalogRow;
  label: string;
}

/** The question's nameable terms (weight >= 0.2) that occur in a framework's catalog: looked up once per
 *  framework and question, then read for each reported control. */
function explainable(fx: FrameworkIndex, terms: WeightedTerms, sectionOnly: ReadonlySet<string>): ExplainTerm[] {
  const out: ExplainTerm[] = [];
  for (const [term, weight] of terms) {
    if (weight < 0.2) continue;
    const row = fx.catalog.row(term);
    if (row) out.push({ term, weight, row, label: sectionOnly.has(term) ? ' (section)' : '' });
  }
  return out;
}

function explain(
  c: Classifier,
  fx: FrameworkIndex,
  i: number,
  terms: readonly ExplainTerm[],
  voters: readonly LibraryVote[],
  from: number,
  lentShare: number,
  heading: { section: string | undefined; share: number },
): string[] {
  const d = i - fx.offset;
  const found: Array<{ t: ExplainTerm; field: number; weight: number }> = [];
  for (const t of terms) {
    const { weight, field } = held(t.row, d);
    if (field > 0) found.push({ t, field, weight: t.weight * weight });
  }
  found.sort((a, b) => b.weight - a.weight);
  const why = found.slice(0, 6).map(({ t, field }) => `${t.term} -> ${FIELD_NAMES[field - 1]}${t.label}`);
  const ctl = fx.controls[d]!;
  for (const v of voters)
    if (v.controls.some((r) => r.framework === ctl.framework && r.id === ctl.id))
      why.push(`entry ${v.entryId} (${v.weight.toFixed(2)})`);
  if (heading.section && heading.share >= SECTION_SHARE) why.push(`section "${heading.section}"`);
  if (from >= 0 && lentShare >= 0.25) {
    const f = FRAMEWORKS[c.frameworkNumber[from]!]!;
    const other = c.byFramework[f];
    why.push(`via ${other.controls[from - other.offset]!.id} (crosswalk)`);
  }
  return why;
}
