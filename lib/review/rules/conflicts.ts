// Conflicts: another approved entry asks nearly the same question but answers differently (a different short
// answer, or answer text with little in common). Reusing either without resolving this risks contradicting
// ourselves in the same questionnaire. Similarity is the library's own near-duplicate measure.
import { jaccard, questionTokens, LIMITS, type AnswerEntry } from '../../library/model';
import type { Flag } from '../schema';
import type { ReuseContext } from './context';

/** Answer texts sharing less than this share of words say different things. */
export const ANSWER_AGREEMENT = 0.5;

// The side panel checks each suggestion against the same library array: tokenize each entry once.
const tokenCache = new WeakMap<AnswerEntry, string[][]>();

function questions(e: AnswerEntry): string[][] {
  let t = tokenCache.get(e);
  if (!t) {
    t = [e.question, ...e.alternatives].map(questionTokens);
    tokenCache.set(e, t);
  }
  return t;
}

/** Jaccard of a prepared set and a token list, skipping pairs whose sizes alone rule out `threshold`. */
function similarEnough(x: ReadonlySet<string>, y: readonly string[], threshold: number): boolean {
  if (!x.size || y.length < threshold * x.size || x.size < threshold * y.length) return false;
  let inter = 0;
  for (const t of y) if (x.has(t)) inter++;
  return inter / (x.size + y.length - inter) >= threshold;
}

export function sameQuestion(a: AnswerEntry, b: AnswerEntry, threshold: number = LIMITS.nearDuplicateJaccard): boolean {
  const qa = questions(a).map((x) => new Set(x));
  const qb = questions(b);
  return qa.some((x) => qb.some((y) => similarEnough(x, y, threshold)));
}

/** 'short' = the Yes/No answers differ; 'text' = no short answers to compare and the texts disagree. */
export function answersDiffer(a: AnswerEntry, b: AnswerEntry): 'short' | 'text' | null {
  if (a.shortAnswer && b.shortAnswer) return a.shortAnswer === b.shortAnswer ? null : 'short';
  return jaccard(questionTokens(a.answer), questionTokens(b.answer)) < ANSWER_AGREEMENT ? 'text' : null;
}

export function conflictsRule(ctx: ReuseContext): Flag | null {
  const mine = questions(ctx.entry).map((x) => new Set(x));
  const clashes = (ctx.otherEntries ?? []).filter(
    (o) =>
      o.id !== ctx.entry.id &&
      o.status === 'approved' &&
      questions(o).some((y) => mine.some((x) => similarEnough(x, y, LIMITS.nearDuplicateJaccard))) &&
      answersDiffer(ctx.entry, o) !== null,
  );
  if (!clashes.length) return null;
  const first = clashes[0]!;
  const how =
    answersDiffer(ctx.entry, first) === 'short'
      ? `answers "${first.shortAnswer}" instead of "${ctx.entry.shortAnswer}"`
      : 'gives a different answer';
  const more = clashes.length > 1 ? ` (and ${clashes.length - 1} more)` : '';
  return {
    code: 'conflict',
    severity: 'high',
    message: `Another approved entry (${first.id}, owner ${first.owner}) asks nearly the same question and ${how}${more}.`,
    fix: 'Decide which answer is true, then retire or correct the other entry in the library before reusing either.',
  };
}
