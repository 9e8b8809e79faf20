// Question -> suggestions from the answer library, each with a calibrated confidence and citations, or a
// typed abstention. A wrong answer is worse than none: conflicting, stale, draft or poorly fitting
// entries are suggested at most, never auto-filled.
import type { AnswerEntry, Scope } from '../library/schema';
import {
  entryVariants,
  slotEntries,
  slotRanks,
  variantPool,
  type AnswerIndex,
  type IndexedEntry,
} from './answer-index';
import type { Bm25Index } from './bm25';
import { buildCitations, citeControls } from './citations';
import { classifyControls } from './classify';
import { confidence, DEFAULT_AUTOFILL_THRESHOLD, foldChoice } from './confidence';
import { defaultControlSource, type ControlSource } from './control-source';
import { MatchError, invalidQuestionError } from './errors';
import { libraryVotes } from './library-vote';
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
import { renderFooter, shapeAnswer, type FooterFormat } from './shape';
import { addTerms, analyzeQuery, expand, type WeightedTerms } from './text';
import { closeWord, correctTypos, unknownWords } from './typos';
import {
  QuestionInput,
  type AbstainReason,
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
  threshold?: number;
  /** Suggestions to return (default 3). */
  limit?: number;
  /** Appends a citation footer to free-text answers. */
  footer?: FooterFormat;
  /** Controls already classified for this question (saves a second classification). */
  controls?: ControlMatch[];
  source?: ControlSource;
}

/** Ranking blend and gates; fitted with the confidence model in test/bench/match-bench.ts. */
export const MATCH_WEIGHTS = {
  expansion: 0.3,
  expansionMaxDf: 0.2,
  sim: 0.7,
  rel: 0.2,
  ctrl: 0.1,
  minSim: 0.2,
  candidates: 30,
  conflictSim: 0.6,
  conflictGap: 0.35,
  conflictSame: 0.45,
};

export interface Candidate {
  ie: IndexedEntry;
  sim: number;
  /** Share of the question's idf mass found anywhere in the entry, answer included. */
  cover: number;
  ctrl: number;
  rank: number;
}

const NDA: Audience = { recipient: '', nda: true };

export function matchQuestion(index: AnswerIndex, input: QuestionInput, opts: MatchOptions = {}): MatchResult {
  const parsed = QuestionInput.safeParse(input);
  if (!parsed.success)
    throw new MatchError('invalid-question', invalidQuestionError(parsed.error.issues[0]?.message ?? 'invalid input'));
  const q = parsed.data;
  const source = opts.source ?? defaultControlSource();
  const today = opts.today ?? todayIso();
  const lexical = opts.controls ?? classifyControls(q, { source });
  const ranked = rankCandidates(index, q, lexical, source);
  // The library's own labels: entries close to the question vote for the controls they name.
  const votes = opts.controls
    ? []
    : libraryVotes(
        ranked.map((c) => ({ entry: c.ie.entry, sim: c.sim })),
        today,
      );
  const controls = votes.length > 0 ? classifyControls(q, { source, votes }) : lexical;
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
          message: 'No library entry asks this question. Add an approved answer for it to the library.',
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
  const threshold = opts.threshold ?? DEFAULT_AUTOFILL_THRESHOLD;
  const conflicted = findConflict(index, usable, today);
  if (conflicted.size > 0) {
    reasons.push({
      code: 'conflicting-entries',
      message: `Approved entries ${[...conflicted].join(' and ')} answer this question differently. Reconcile them in the library before reusing either.`,
    });
  }
  const suggestions = usable.slice(0, opts.limit ?? 3).map((c, i) =>
    suggest(index, q, c, usable, i, {
      today,
      recipient,
      scope: opts.scope,
      threshold,
      conflicted,
      source,
      ...(opts.footer ? { footer: opts.footer } : {}),
    }),
  );
  if (suggestions.every((s) => s.warnings.some((w) => w.code === 'stale'))) {
    reasons.push({
      code: 'only-stale',
      message: 'Every matching entry is past its review date. Review and re-approve one before reusing it.',
    });
  }
  const top = suggestions[0]!;
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
  if (!top.autoFill && top.confidence < threshold) {
    reasons.push({
      code: 'below-threshold',
      message: `The best match has confidence ${top.confidence.toFixed(2)} (< ${threshold}). It is a suggestion only; check it before filling.`,
    });
  }
  return result(suggestions, reasons);
}

export function rankCandidates(
  index: AnswerIndex,
  q: QuestionInput,
  controls: ControlMatch[],
  source: ControlSource,
): Candidate[] {
  const ranks = slotRanks(index);
  let analyzed = analyzeQuery(q.question);
  let hits = index.bm25.search(queryTerms(analyzed, q, index), MATCH_WEIGHTS.candidates, ranks);
  let question = q.question;
  const unknown = unknownWords(question, index.bm25);
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
      analyzed = analyzeQuery(question);
      hits = index.bm25.search(queryTerms(analyzed, q, index), MATCH_WEIGHTS.candidates, ranks);
    }
  }
  if (hits.length === 0) return [];
  const bm25 = index.bm25;
  const qTerms = [...new Set(analyzed)];
  // Term numbers (-1: a word no entry has) and idf per question term; variants are term numbers too.
  const qIds = new Int32Array(qTerms.length);
  const qIdf = new Float64Array(qTerms.length);
  let qMass = 0;
  for (let i = 0; i < qTerms.length; i++) {
    qIds[i] = bm25.termIndex(qTerms[i]!);
    qIdf[i] = bm25.idfAt(qIds[i]!);
    qMass += qIdf[i]!;
  }
  const wanted = questionControls(controls);
  const top = hits[0]!.score;
  const W = MATCH_WEIGHTS;
  const out: Candidate[] = [];
  const bySlot = slotEntries(index);
  const mark = markTerms(qIds, bm25);
  const pool = variantPool(index);
  // Entries share control sets (clones per product, templates), so the fit is worked out once per set.
  const fits = new Map<ControlKeys, number>();
  for (const h of hits) {
    const ie = bySlot[h.doc]!;
    let sim = 0;
    let o = entryVariants(index, pool, ie);
    const data = pool.data;
    for (let v = data[o++]!; v > 0; v--) {
      const length = data[o++]!;
      sim = Math.max(sim, dice(mark, qMass, data, o, length, bm25));
      o += length;
    }
    if (sim < W.minSim) continue;
    const ctrl = controlFit(ie, wanted, source, fits);
    // A question term is in the entry exactly when the entry's slot is on the term's posting list.
    let found = 0;
    for (let i = 0; i < qIds.length; i++) if (bm25.containsAt(qIds[i]!, h.doc)) found += qIdf[i]!;
    const cover = qMass > 0 ? found / qMass : 0;
    out.push({ ie, sim, cover, ctrl, rank: W.sim * sim + W.rel * (h.score / top) + W.ctrl * ctrl });
  }
  // Ties go to the smaller entry id; a slot's rank is its entry's place in id order.
  return out.sort((a, b) => b.rank - a.rank || ranks[a.ie.slot]! - ranks[b.ie.slot]!);
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

function queryTerms(analyzed: readonly string[], q: QuestionInput, index: AnswerIndex): WeightedTerms {
  const terms: WeightedTerms = new Map();
  addTerms(terms, analyzed, 1);
  if (q.helper) addTerms(terms, analyzeQuery(q.helper), 0.3);
  if (q.section) addTerms(terms, analyzeQuery(q.section), 0.3);
  // Related terms widen recall, but a related term found in a large share of the library ("security",
  // "access") only adds cost: its long posting list barely changes the order.
  const common = index.bm25.size * MATCH_WEIGHTS.expansionMaxDf;
  const expanded = expand(terms, MATCH_WEIGHTS.expansion);
  for (const t of expanded.keys()) if (!terms.has(t) && index.bm25.df(t) > common) expanded.delete(t);
  return expanded;
}

/**
 * Membership table over term numbers, shared by every Dice comparison: `marks[t] === stamp` while term t
 * belongs to the latest marked set. Re-ranking compares each of ~30 candidates' variants with the
 * question, and a typed-array read per term costs a fraction of scanning the question's terms.
 */
let marks = new Int32Array(1024);
let stamp = 0;

/** Marks `ids` (term numbers; -1 entries are skipped) as the current set and returns its stamp. */
function markTerms(ids: Int32Array, bm25: Bm25Index): number {
  if (marks.length < bm25.termCount) marks = new Int32Array(bm25.termCount * 2);
  if (stamp === 0x7fffffff) {
    marks.fill(0);
    stamp = 0;
  }
  stamp++;
  for (let i = 0; i < ids.length; i++) if (ids[i]! >= 0) marks[ids[i]!] = stamp;
  return stamp;
}

/** idf-weighted Dice between the marked term set (idf mass `mass`) and one question variant of an entry:
 *  `length` distinct term numbers at data[from...]. */
function dice(mark: number, mass: number, data: Int32Array, from: number, length: number, bm25: Bm25Index): number {
  let vMass = 0;
  let shared = 0;
  for (let i = from, end = from + length; i < end; i++) {
    const t = data[i]!;
    const w = bm25.idfAt(t);
    vMass += w;
    if (t >= 0 && marks[t] === mark) shared += w;
  }
  return mass + vMass > 0 ? (2 * shared) / (mass + vMass) : 0;
}

function questionControls(controls: readonly ControlMatch[]): Set<string> {
  const best = new Map<string, number>();
  for (const c of controls) best.set(c.framework, Math.max(best.get(c.framework) ?? 0, c.score));
  return new Set(
    controls
      .filter((c) => c.score >= 0.6 * (best.get(c.framework) ?? 0))
      .slice(0, 12)
      .map((c) => `${c.framework}|${c.id}`),
  );
}

/** Control keys (own + counterparts) of one control set, as "framework|id". */
interface ControlKeys {
  source: ControlSource;
  keys: Set<string>;
}
/** Control keys by the entry's control set; entries share sets, so this stays small. */
const controlKeysBySet = new Map<string, ControlKeys>();
const entryControlKeys = new WeakMap<AnswerEntry, ControlKeys>();

/** 1 when the question's likely controls meet the entry's (or their counterparts), 0 when not, 0.5 when
 *  the entry names none. `fits` memoises the answer per control set for one question. */
function controlFit(
  ie: IndexedEntry,
  wanted: ReadonlySet<string>,
  source: ControlSource,
  fits: Map<ControlKeys, number>,
): number {
  if (ie.entry.controls.length === 0 || wanted.size === 0) return 0.5;
  let bySource = entryControlKeys.get(ie.entry);
  if (!bySource || bySource.source !== source) {
    const signature = ie.entry.controls.map((c) => `${c.framework}|${c.id}`).join(',');
    let keys = controlKeysBySet.get(signature);
    if (!keys || keys.source !== source) {
      keys = { source, keys: new Set(citeControls(ie.entry.controls, source).map((c) => `${c.framework}|${c.id}`)) };
      if (controlKeysBySet.size < 20_000) controlKeysBySet.set(signature, keys);
    }
    entryControlKeys.set(ie.entry, (bySource = keys));
  }
  let fit = fits.get(bySource);
  if (fit === undefined) {
    fit = 0;
    for (const k of wanted) if (bySource.keys.has(k)) fit = 1;
    fits.set(bySource, fit);
  }
  return fit;
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
  if (!first || first.sim < MATCH_WEIGHTS.conflictSim) return out;
  for (const other of current.slice(1, 5)) {
    if (other.sim < MATCH_WEIGHTS.conflictSim || first.sim - other.sim > MATCH_WEIGHTS.conflictGap) continue;
    if (sameAnswer(first.ie.entry, other.ie.entry)) continue;
    if (entrySimilarity(index, first.ie, other.ie) >= MATCH_WEIGHTS.conflictSame)
      out.add(first.ie.entry.id).add(other.ie.entry.id);
  }
  return out;
}

/** Best idf-weighted Dice between any question variant of one entry and any of the other. */
function entrySimilarity(index: AnswerIndex, a: IndexedEntry, b: IndexedEntry): number {
  const pool = variantPool(index);
  entryVariants(index, pool, a);
  const bStart = entryVariants(index, pool, b);
  const data = pool.data; // read after both blocks exist: making one may have grown the pool
  const bm25 = index.bm25;
  let best = 0;
  let oa = pool.at[a.slot]!;
  for (let va = data[oa++]!; va > 0; va--) {
    const length = data[oa++]!;
    const terms = data.subarray(oa, oa + length);
    let mass = 0;
    for (const t of terms) mass += bm25.idfAt(t);
    const mark = markTerms(terms, bm25);
    let ob = bStart;
    for (let vb = data[ob++]!; vb > 0; vb--) {
      const lb = data[ob++]!;
      best = Math.max(best, dice(mark, mass, data, ob, lb, bm25));
      ob += lb;
    }
    oa += length;
  }
  return best;
}

interface SuggestContext {
  today: string;
  recipient: Audience;
  scope: Partial<Scope> | undefined;
  threshold: number;
  conflicted: ReadonlySet<string>;
  source: ControlSource;
  footer?: FooterFormat;
}

function suggest(
  index: AnswerIndex,
  q: QuestionInput,
  c: Candidate,
  all: readonly Candidate[],
  i: number,
  ctx: SuggestContext,
): Suggestion {
  const entry = c.ie.entry;
  const rival = all.find((o, j) => j !== i && !sameAnswer(o.ie.entry, entry));
  const margin = rival ? c.rank - rival.rank : 0.5;
  const matchConf = confidence({ sim: c.sim, cover: c.cover, ctrl: c.ctrl, margin });
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
  const shaped = shapeAnswer(
    entry,
    { ...(q.kind ? { kind: q.kind } : {}), ...(q.options ? { options: q.options } : {}), question: q.question },
    footer,
  );
  // A weakly supported option lowers the confidence itself (the note says why), rather than blocking outright.
  const conf = foldChoice(matchConf, shaped.evidence);
  if (shaped.note) warnings.push({ code: 'option-mismatch', message: shaped.note });
  // Who may receive the answer and where it holds are the fill policy's call (lib/policy), not match quality.
  const blocking = warnings.some((w) => !NOT_MATCH_QUALITY.has(w.code));
  return {
    entryId: entry.id,
    version: entry.version,
    answer: shaped.answer,
    ...(entry.shortAnswer ? { shortAnswer: entry.shortAnswer } : {}),
    ...(shaped.option ? { option: shaped.option } : {}),
    ...(shaped.narrative ? { narrative: shaped.narrative } : {}),
    matchedQuestion: entry.question,
    confidence: conf,
    autoFill: conf >= ctx.threshold && !blocking && shaped.fits && i === 0,
    citations,
    warnings,
  };
}

const NOT_MATCH_QUALITY = new Set<Warning['code']>([
  'not-cleared-for-reuse',
  'out-of-scope',
  'evidence-not-shareable',
  'option-mismatch',
]);

function heldMessage(
  code: 'not-cleared-for-reuse' | 'out-of-scope',
  held: ReadonlyArray<{ id: string; detail: string }>,
): string {
  const list = held.map((h) => `${h.id} (${h.detail})`).join('; ');
  return code === 'out-of-scope'
    ? `Matching entries hold for another scope: ${list}. Add an entry for this scope or widen the entry's scope if it truly applies.`
    : `Matching entries may not go to this recipient: ${list}. Ask the owner to clear one for reuse, or write a new answer.`;
}
