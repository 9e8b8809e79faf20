// The labelled answer-retrieval sets the model is fitted and judged on, each with its library: Tidewater
// (real questions, a team-style library; ../shared/data/retrieval-dev) and the team's own paraphrases of
// the demo library (test/bench/data/answer-paraphrases.json).
import type { AnswerEntry, EvidenceItem } from '../../../lib/library/schema';
import {
  assess,
  blocks,
  buildIndex,
  classifyControls,
  gate,
  suggestContext,
  defaultControlSource,
  DEFAULT_MODEL,
  matchQuestion,
  rankCandidates,
  type AnswerIndex,
  type MatchModel,
} from '../../../lib/match';
import { demoLibrary, paraphrases } from './fixtures';
import type { Item } from './fit';
import type { Outcome } from './retrieval-metrics';
import { tidewater, type LabelledRetrievalQuestion } from './tidewater';

/** The date the benchmark runs "on": review dates and staleness are compared with it. */
export const BENCH_TODAY = '2026-12-07';

export interface AnswerSet {
  name: string;
  entries: AnswerEntry[];
  evidence: EvidenceItem[];
  index: AnswerIndex;
  questions: LabelledRetrievalQuestion[];
}

export function paraphraseQuestions(): LabelledRetrievalQuestion[] {
  return paraphrases().map((p) => ({
    id: p.id,
    set: 'paraphrases',
    source: 'paraphrases',
    input: { id: p.id, question: p.question },
    answers: p.expected === null ? [] : Array.isArray(p.expected) ? p.expected : [p.expected],
    partial: [],
  }));
}

/** Tidewater (when the shared data is there) and the paraphrases. */
export function answerSets(): AnswerSet[] {
  const out: AnswerSet[] = [];
  const tw = tidewater();
  if (tw)
    out.push({
      name: 'tidewater',
      entries: tw.entries,
      evidence: [],
      index: buildIndex(tw.entries),
      questions: tw.questions,
    });
  const demo = demoLibrary();
  out.push({
    name: 'paraphrases',
    entries: demo.entries,
    evidence: demo.evidence,
    index: buildIndex(demo.entries, demo.evidence),
    questions: paraphraseQuestions(),
  });
  return out;
}

const normalised = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** Marks the sets of library self-questions (confidence examples only; never judged or used for thresholds). */
export const SELF_SET = '-self';

/**
 * Each library entry asked in its own words, answered by itself (or by any entry with the same answer): the
 * dev sets' real questions hardly ever repeat a library question, so without these the confidence never sees
 * what an exact match looks like and can rate one weak. Only the confidence is fitted on them.
 */
export function selfQuestions(set: AnswerSet): AnswerSet {
  const live = set.entries.filter((e) => e.status !== 'retired');
  return {
    ...set,
    name: set.name + SELF_SET,
    questions: live.map((e) => ({
      id: `self:${e.id}`,
      set: set.name + SELF_SET,
      source: 'self',
      input: { id: `self:${e.id}`, question: e.question },
      answers: live.filter((o) => normalised(o.answer) === normalised(e.answer)).map((o) => o.id),
      partial: [],
    })),
  };
}

/** Every question's candidates and features (what fitting needs; the same for every model). */
export function itemsOf(set: AnswerSet): Item[] {
  const source = defaultControlSource();
  return set.questions.map((q) => {
    const controls = classifyControls(q.input);
    const ranking = rankCandidates(set.index, q.input, controls, source, DEFAULT_MODEL, BENCH_TODAY);
    const ctx = suggestContext(set.index, q.input, controls, ranking, {
      today: BENCH_TODAY,
      recipient: { recipient: '', nda: true },
      scope: undefined,
      threshold: 0,
      model: DEFAULT_MODEL,
      conflicted: new Set(),
      source,
    });
    const assessed = ranking.candidates.map((c) => assess(set.index, q.input, c, ctx));
    return {
      // Whether each candidate would pass every check but confidence, and how strongly its text supports
      // the option it would fill (which scales its confidence).
      eligible: assessed.map(
        (a) =>
          gate({ confidence: 1, threshold: 0, floor: 0, ...a.checks }).verdict === 'confident' &&
          !blocks(a.warnings) &&
          a.shaped.fits,
      ),
      evidence: assessed.map((a) => a.shaped.evidence),
      q,
      ids: ranking.candidates.map((c) => c.ie.entry.id),
      features: ranking.candidates.map((c) => c.features),
      answers: ranking.candidates.map((c) => normalised(c.ie.entry.answer)),
    };
  });
}

/** What the whole engine (ranking, confidence, gate, shaping) does with each question under a model. */
export function outcomes(
  set: AnswerSet,
  questions: readonly LabelledRetrievalQuestion[],
  model: MatchModel,
): Outcome[] {
  return questions.map((q) => {
    const r = matchQuestion(set.index, q.input, {
      today: BENCH_TODAY,
      limit: 10,
      model,
      controls: classifyControls(q.input),
    });
    const top = r.suggestions[0];
    return {
      id: q.id,
      source: q.source,
      answers: q.answers,
      ranked: r.suggestions.map((s) => s.entryId),
      confidence: top?.confidence ?? 0,
      autoFill: top?.autoFill ?? false,
      ...(top ? { verdict: top.verdict } : {}),
    };
  });
}
