// Question -> suggestions from the answer library, each with a calibrated confidence, the gate's verdict
// (confident / suggest / weak, with reasons) and citations, or a typed abstention. A wrong answer is worse
// than none: conflicting, stale, draft, weakly matching or company-committing suggestions are never
// auto-filled, and a match below the fitted floor is shown as weak.
import type { AnswerEntry, Scope } from '../library/model';
import type { AnswerIndex } from './answer-index';
import { FIELD } from './answer-index';
import { askingSentence, questionForm, type QuestionForm, type QuestionKind } from './answer-kind';
import { buildCitations } from './citations';
import { classifyControls } from './classify';
import { libraryVotes } from './library-vote';
import { commitmentOf } from './commitment';
import { OPTION_EVIDENCE_TO_FILL } from './confidence';
import { defaultControlSource, type ControlSource } from './control-source';
import { MatchError, invalidQuestionError } from './errors';
import { gate, GATE_SETTINGS, type GateInput } from './gate';
import { confidenceFeatures, confidenceOf, DEFAULT_MODEL, RF, type MatchModel } from './model';
import { rankCandidates, similarAtLeast, type Candidate, type Ranking } from './rank';
import {
  citedItems,
  clearance,
  describePermission,
  isStale,
  neverCleared,
  outdatedEvidence,
  SCOPE_AXIS_LABEL,
  scopeGaps,
  todayIso,
  unshareableEvidence,
  unshareableEvidenceMessage,
  type Audience,
} from './reuse';
import { renderFooter, shapeAnswer, type FooterFormat, type ShapedAnswer } from './shape';
import { LEADING_STANCE } from './shape-text';
import { analyzeQueryWords } from './text';
import {
  QuestionInput,
  type AbstainReason,
  type Citations,
  type ControlMatch,
  type MatchResult,
  type Suggestion,
  type Warning,
} from './types';

export interface MatchOptions {
  /** Today as YYYY-MM-DD (review dates and evidence expiry are compared with it). */
  today?: string;
  /** Where the answer will hold; an entry scoped elsewhere on any stated axis is held back. */
  scope?: Partial<Scope>;
  /** Who receives the questionnaire. Default: an unnamed recipient under NDA, the usual case for a questionnaire. */
  recipient?: Audience;
  /** Auto-fill threshold (default: the fitted model's). */
  threshold?: number;
  /** Suggestions to return (default 3). */
  limit?: number;
  /** Appends a citation footer to free-text answers. */
  footer?: FooterFormat;
  /** Controls already classified for this question (saves a second classification). */
  controls?: ControlMatch[];
  source?: ControlSource;
  /** Ranker, confidence and floor (default: the bundled fit; benchmarks pass out-of-fold refits). */
  model?: MatchModel;
}

/** Conflict detection between near-identical approved entries that answer differently. */
export const CONFLICT_SETTINGS = {
  /** Both entries this close to the question (Dice over words and concepts; see the design note). */
  conflictSim: 0.5,
  conflictGap: 0.35,
  conflictSame: 0.45,
};

const NDA: Audience = { recipient: '', nda: true };

export function matchQuestion(index: AnswerIndex, input: QuestionInput, opts: MatchOptions = {}): MatchResult {
  const parsed = QuestionInput.safeParse(input);
  if (!parsed.success)
    throw new MatchError('invalid-question', invalidQuestionError(parsed.error.issues[0]?.message ?? 'invalid input'));
  const q = parsed.data;
  const source = opts.source ?? defaultControlSource();
  const model = opts.model ?? DEFAULT_MODEL;
  const today = opts.today ?? todayIso();
  // Ranking reads the classifier's lexical controls (a feature of each candidate); the controls reported
  // with the result also hear the library's own labels: entries close to the question vote for theirs.
  // Ranking reads only ids and scores, so the lexical pass skips the explanations; the controls reported
  // are classified again below (the lexical stage is kept from this call) with explanations.
  const lexical = opts.controls ?? classifyControls(q, { source, explain: false });
  const ranking = rankCandidates(index, q, lexical, source, model, today);
  const ranked = ranking.candidates;
  const votes = opts.controls
    ? []
    : libraryVotes(
        ranked.map((c) => ({ entry: c.ie.entry, sim: c.sim })),
        today,
      );
  const controls =
    opts.controls ?? (votes.length > 0 ? classifyControls(q, { source, votes }) : classifyControls(q, { source }));
  // Built field by field (not spread from a shared base): this runs for every question of a page.
  const result = (suggestions: Suggestion[], reasons: MatchResult['reasons']): MatchResult =>
    q.id !== undefined
      ? { id: q.id, question: q.question, controls, suggestions, reasons }
      : { question: q.question, controls, suggestions, reasons };
  if (ranked.length === 0) {
    return result(
      [],
      [
        {
          code: 'no-match',
          message: 'No library entry shares the words of this question. Add an approved answer for it to the library.',
        },
      ],
    );
  }
  const recipient = opts.recipient ?? NDA;
  const held: Array<{ code: AbstainReason; id: string; detail: string }> = [];
  // The shared reuse rule (reuse.ts): candidates no declaration can clear (internal only, another customer's,
  // scoped to something else entirely) are held back; those a declaration would decide ("NDA in place", the
  // recipient's name, a scope covering every declared value) stay, with a warning the fill policy acts on.
  const usable = ranked.filter((c) => {
    const cleared = clearance(c.ie.entry.reuse, recipient);
    if (neverCleared(cleared)) {
      held.push({
        code: 'not-cleared-for-reuse',
        id: c.ie.entry.id,
        detail: describePermission(c.ie.entry.reuse),
      });
      return false;
    }
    const gap = scopeGaps(c.ie.entry.scope, opts.scope).find((g) => g.disjoint);
    if (gap) {
      held.push({ code: 'out-of-scope', id: c.ie.entry.id, detail: `${gap.axis} ${gap.allowed.join(', ')}` });
      return false;
    }
    return true;
  });
  const reasons: MatchResult['reasons'] = [];
  if (usable.length === 0) {
    for (const code of ['not-cleared-for-reuse', 'out-of-scope'] as const) {
      const h = held.filter((x) => x.code === code);
      if (h.length) reasons.push({ code, message: heldMessage(code, h) });
    }
    return result([], reasons);
  }
  const threshold = opts.threshold ?? model.threshold;
  const conflicted = findConflict(index, usable, today);
  if (conflicted.size > 0) {
    reasons.push({
      code: 'conflicting-entries',
      message: `Approved entries ${[...conflicted].join(' and ')} answer this question differently. Reconcile them in the library before reusing either.`,
    });
  }
  const ctx = suggestContext(index, q, lexical, ranking, {
    today,
    recipient,
    scope: opts.scope,
    threshold,
    model,
    conflicted,
    source,
    ...(opts.footer ? { footer: opts.footer } : {}),
  });
  const commitment = ctx.commitment;
  const suggestions = usable.slice(0, opts.limit ?? 3).map((c, i) => suggest(index, q, c, usable, i, ctx));
  if (suggestions.every((s) => s.warnings.some((w) => w.code === 'stale'))) {
    reasons.push({
      code: 'only-stale',
      message: 'Every matching entry is past its review date. Review and re-approve one before reusing it.',
    });
  }
  const top = suggestions[0]!;
  if (commitment)
    reasons.push({
      code: 'needs-expert',
      message:
        'This question commits the company (its history, legal or financial standing, or terms it agrees to). Have someone who can answer for the company answer it; library entries are shown for context.',
    });
  if (top.verdict === 'weak')
    reasons.push({
      code: 'no-good-match',
      message: `No good match: the closest entries are below confidence ${model.floor.toFixed(2)} and are shown as related only. Write the answer, or add it to the library.`,
    });
  if (
    (q.kind === 'radio' || q.kind === 'select' || q.kind === 'checkbox') &&
    (q.options?.length ?? 0) > 0 &&
    top.option === undefined
  ) {
    reasons.push({
      code: 'no-matching-option',
      message:
        'No option of this field matches the library answer. Choose one by hand; the full answer is shown for reference.',
    });
  }
  if (top.verdict !== 'weak' && !top.autoFill && top.confidence < threshold) {
    reasons.push({
      code: 'below-threshold',
      message: `The best match has confidence ${top.confidence.toFixed(2)} (< ${threshold}). It is a suggestion only; check it before filling.`,
    });
  }
  return result(suggestions, reasons);
}

const normalizedAnswers = new WeakMap<AnswerEntry, string>();
function normalizedAnswer(e: AnswerEntry): string {
  let n = normalizedAnswers.get(e);
  if (n === undefined) normalizedAnswers.set(e, (n = e.answer.toLowerCase().replace(/\s+/g, ' ').trim()));
  return n;
}

export function sameAnswer(a: AnswerEntry, b: AnswerEntry): boolean {
  if (a.shortAnswer !== undefined && a.shortAnswer === b.shortAnswer) return true;
  return normalizedAnswer(a) === normalizedAnswer(b);
}

/**
 * Two current approved entries that both fit the question, ask nearly the same thing as each other, and
 * answer differently (e.g. "logs kept 12 months" vs "audit records kept 24 months").
 */
function findConflict(index: AnswerIndex, usable: readonly Candidate[], today: string): Set<string> {
  const current = usable.filter((c) => c.ie.entry.status === 'approved' && !isStale(c.ie.entry, today));
  const first = current[0];
  const out = new Set<string>();
  if (!first || first.sim < CONFLICT_SETTINGS.conflictSim) return out;
  for (const other of current.slice(1, 5)) {
    if (other.sim < CONFLICT_SETTINGS.conflictSim || first.sim - other.sim > CONFLICT_SETTINGS.conflictGap) continue;
    if (sameAnswer(first.ie.entry, other.ie.entry)) continue;
    if (similarAtLeast(index, first.ie, other.ie, CONFLICT_SETTINGS.conflictSame))
      out.add(first.ie.entry.id).add(other.ie.entry.id);
  }
  return out;
}

export interface SuggestContext {
  today: string;
  recipient: Audience;
  scope: Partial<Scope> | undefined;
  threshold: number;
  model: MatchModel;
  conflicted: ReadonlySet<string>;
  source: ControlSource;
  kind: QuestionKind;
  commitment: ReturnType<typeof commitmentOf>;
  form: QuestionForm | undefined;
  salient: Salient;
  /** The classifier is sure of at least one control for this question. */
  controlsSure: boolean;
  footer?: FooterFormat;
}

/** What a question's suggestions share: its kind, form, commitment, salient terms and control certainty. */
export function suggestContext(
  index: AnswerIndex,
  q: QuestionInput,
  controls: readonly ControlMatch[],
  ranking: Ranking,
  base: Pick<
    SuggestContext,
    'today' | 'recipient' | 'scope' | 'threshold' | 'model' | 'conflicted' | 'source' | 'footer'
  >,
): SuggestContext {
  return {
    ...base,
    kind: ranking.kind.kind,
    commitment: commitmentOf(q.question),
    form: questionForm(q.question),
    salient: salientTerms(index, ranking.searched),
    controlsSure: controls.some((c) => c.score >= GATE_SETTINGS.controlsSure),
  };
}

/** The asking sentence's distinctive terms (not in a large share of the library) and their idf; `rare`
 *  marks those few entries have (or none): a question that names one asks about exactly that. */
interface Salient {
  ids: Int32Array;
  idf: Float64Array;
  rare: Uint8Array;
  mass: number;
}
const TEXT_FIELDS = (1 << FIELD.question) | (1 << FIELD.answer) | (1 << FIELD.tags);
/** Terms in more than this share of the library carry no topic ("security", "data"). */
const SALIENT_MAX_DF = 0.2;

function salientTerms(index: AnswerIndex, question: string): Salient {
  const bm25 = index.bm25;
  const ids: number[] = [];
  const idf: number[] = [];
  const rare: number[] = [];
  let mass = 0;
  const rareDf = Math.max(2, bm25.size * SALIENT_RARE_DF);
  for (const t of new Set(analyzeQueryWords(askingSentence(question)))) {
    const id = bm25.termIndex(t);
    const df = bm25.df(t);
    if (df > bm25.size * SALIENT_MAX_DF) continue;
    const w = bm25.idfAt(id);
    ids.push(id);
    idf.push(w);
    // A word of three letters or fewer ("iec", "sla") is too often an acronym the lexicon folds elsewhere.
    rare.push(df < rareDf && t.length > 3 ? 1 : 0);
    mass += w;
  }
  return { ids: Int32Array.from(ids), idf: Float64Array.from(idf), rare: Uint8Array.from(rare), mass };
}
/** Terms in fewer than this share of the library (and at least 2 entries) are rare. */
const SALIENT_RARE_DF = 0.01;

/** Share of the salient idf mass the entry holds; 0 when it lacks a rare salient term. */
function salientCover(index: AnswerIndex, s: Salient, slot: number): number {
  if (s.mass <= 0) return 1;
  let found = 0;
  for (let i = 0; i < s.ids.length; i++) {
    if (index.bm25.containsInAt(s.ids[i]!, slot, TEXT_FIELDS)) found += s.idf[i]!;
    else if (s.rare[i] === 1) return 0;
  }
  return found / s.mass;
}

/** Everything about one candidate except its confidence: entry warnings, the shaped answer, gate checks. */
export interface Assessment {
  warnings: Warning[];
  shaped: ShapedAnswer;
  checks: Omit<GateInput, 'confidence' | 'threshold' | 'floor'>;
  /** The question commits the company and the entry does not state exactly that: no Yes/No from it. */
  withholdStance: boolean;
  citations: Citations;
}

export function assess(index: AnswerIndex, q: QuestionInput, c: Candidate, ctx: SuggestContext): Assessment {
  const entry = c.ie.entry;
  const citations = buildCitations(entry, index.evidence, ctx.source);
  const warnings: Warning[] = [];
  if (isStale(entry, ctx.today))
    warnings.push({ code: 'stale', message: `Past its review date (${entry.reviewBy}); re-approve before reuse.` });
  if (entry.status === 'draft') warnings.push({ code: 'draft', message: 'Draft entry: not approved for reuse yet.' });
  if (ctx.conflicted.has(entry.id))
    warnings.push({ code: 'conflict', message: 'Another approved entry answers this differently.' });
  const cited = citedItems(entry, index.evidence);
  for (const { item: e, why } of outdatedEvidence(cited, ctx.today)) {
    warnings.push({
      code: 'evidence-expired',
      message:
        why === 'retired'
          ? `Evidence "${e.title}" is retired; cite its replacement.`
          : `Evidence "${e.title}" expired on ${e.validUntil}; renew it before citing.`,
    });
  }
  const cleared = clearance(entry.reuse, ctx.recipient);
  if (cleared !== 'ok')
    warnings.push({
      code: 'not-cleared-for-reuse',
      message:
        cleared === 'needs-nda'
          ? 'Shareable under NDA only, and no NDA is declared for this questionnaire.'
          : `Cleared only for ${entry.reuse.level === 'customer' ? entry.reuse.customer : 'one customer'}, and no recipient is declared.`,
    });
  for (const g of scopeGaps(entry.scope, ctx.scope))
    warnings.push({
      code: 'out-of-scope',
      message: `Holds for ${SCOPE_AXIS_LABEL[g.axis]} ${g.allowed.join(', ')} only, not ${g.missing.join(', ')}.`,
    });
  const unshareable = unshareableEvidence(cited, ctx.recipient);
  if (unshareable.length)
    warnings.push({ code: 'evidence-not-shareable', message: unshareableEvidenceMessage(unshareable) });
  const footer = ctx.footer
    ? renderFooter(ctx.footer, {
        entryId: entry.id,
        version: String(entry.version),
        owner: entry.owner,
        approvedAt: entry.approvedAt ?? '',
        controls: citations.controls
          .filter((x) => !x.via)
          .map((x) => x.id)
          .join(', '),
        evidence: citations.evidence.map((e) => (e.section ? `${e.title} ${e.section}` : e.title)).join('; '),
      })
    : undefined;
  // A question that commits the company gets no bare Yes/No unless the entry asks the same thing.
  const stated = ctx.commitment !== undefined && commitmentOf(entry.question) === ctx.commitment && c.sim >= 0.5;
  const withholdStance = ctx.commitment !== undefined && !stated;
  const shaped = shapeAnswer(
    withholdStance ? { answer: entry.answer.replace(LEADING_STANCE, '') || entry.answer } : entry,
    { ...(q.kind ? { kind: q.kind } : {}), ...(q.options ? { options: q.options } : {}), question: q.question },
    footer,
  );
  if (shaped.note) warnings.push({ code: 'option-mismatch', message: shaped.note });
  return {
    warnings,
    shaped,
    withholdStance,
    citations,
    checks: {
      salientCover: salientCover(index, ctx.salient, c.ie.slot),
      kind: ctx.kind,
      kindMiss: c.features[RF.kindMiss]! > 0,
      controlsDisagree: ctx.controlsSure && entry.controls.length > 0 && c.features[RF.controls]! === 0,
      commitment: ctx.commitment,
      form: ctx.form,
    },
  };
}

/** Entry warnings that stop an auto-fill. Who may receive the answer and where it holds are the fill
 *  policy's call (lib/policy), not match quality. */
export function blocks(warnings: readonly Warning[]): boolean {
  return warnings.some((w) => !NOT_MATCH_QUALITY.has(w.code));
}
const NOT_MATCH_QUALITY = new Set<Warning['code']>([
  'not-cleared-for-reuse',
  'out-of-scope',
  'evidence-not-shareable',
  'option-mismatch',
]);

function suggest(
  index: AnswerIndex,
  q: QuestionInput,
  c: Candidate,
  all: readonly Candidate[],
  i: number,
  ctx: SuggestContext,
): Suggestion {
  const entry = c.ie.entry;
  // The rival says something else in words: two entries that both start "Yes." still answer differently.
  const rival = all.find((o) => o !== c && normalizedAnswer(o.ie.entry) !== normalizedAnswer(entry));
  const margin = rival ? c.score - rival.score : RIVAL_LESS_MARGIN;
  const matchConf = confidenceOf(ctx.model, confidenceFeatures(c.score, margin, c.features));
  const a = assess(index, q, c, ctx);
  // The confidence is the match's alone (the same on a page with Yes/No buttons as in the CLI); an option
  // the answer only implies or that was picked among ambiguous ones keeps it from auto-filling, with the
  // shaper's note saying why.
  const conf = matchConf;
  const verdict = gate({ confidence: conf, threshold: ctx.threshold, floor: ctx.model.floor, ...a.checks });
  const warnings = [...a.warnings, ...verdict.reasons];
  const confident =
    verdict.verdict === 'confident' &&
    !blocks(a.warnings) &&
    a.shaped.fits &&
    a.shaped.evidence >= OPTION_EVIDENCE_TO_FILL &&
    i === 0;
  const finalVerdict = confident ? 'confident' : verdict.verdict === 'weak' ? 'weak' : 'suggest';
  // The short-answer chip only where a stance is asked for and may be given.
  const chip =
    entry.shortAnswer !== undefined &&
    finalVerdict !== 'weak' &&
    !a.withholdStance &&
    (ctx.kind === 'yesno' || ctx.kind === 'open')
      ? entry.shortAnswer
      : undefined;
  return {
    entryId: entry.id,
    version: entry.version,
    answer: a.shaped.answer,
    ...(chip ? { shortAnswer: chip } : {}),
    ...(a.shaped.option ? { option: a.shaped.option } : {}),
    ...(a.shaped.narrative ? { narrative: a.shaped.narrative } : {}),
    matchedQuestion: entry.question,
    confidence: conf,
    verdict: finalVerdict,
    autoFill: confident,
    citations: a.citations,
    warnings,
  };
}

/** Margin of a candidate with no rival (every other candidate answers the same way). */
const RIVAL_LESS_MARGIN = 3;

function heldMessage(
  code: 'not-cleared-for-reuse' | 'out-of-scope',
  held: ReadonlyArray<{ id: string; detail: string }>,
): string {
  const list = held.map((h) => `${h.id} (${h.detail})`).join('; ');
  return code === 'out-of-scope'
    ? `Matching entries hold for another scope: ${list}. Add an entry for this scope or widen the entry's scope if it truly applies.`
    : `Matching entries may not go to this recipient: ${list}. Ask the owner to clear one for reuse, or write a new answer.`;
}
