// Retrieval and auto-fill figures over labelled questions: top-1, hit@3 and MRR over the answerable ones,
// auto-fill precision and coverage, unanswerable questions auto-filled, and the precision-coverage curve
// of a confidence. Pure arithmetic over outcomes, so the same code scores the engine, its out-of-fold
// refits and the baselines.

/** What one method did with one labelled question. */
export interface Outcome {
  id: string;
  source: string;
  /** Entry ids that answer it (empty: the library has no answer). */
  answers: readonly string[];
  /** Entry ids best first (at least the top 10 when the method has them). */
  ranked: readonly string[];
  /** Confidence of the top suggestion (0 when there is none). */
  confidence: number;
  /** Whether the top suggestion would be auto-filled. */
  autoFill: boolean;
  /** The gate's verdict on the top suggestion, when the method has one. */
  verdict?: 'confident' | 'suggest' | 'weak';
}

export interface Figures {
  questions: number;
  answerable: number;
  top1: number;
  hit3: number;
  mrr: number;
  autoFilled: number;
  autoFilledRight: number;
  /** Unanswerable questions whose top suggestion was auto-filled. */
  unanswerableFilled: number;
  unanswerable: number;
  /** Answerable questions whose top suggestion was wrong but shown as weak: a miss the reader is warned of. */
  weakWhenWrong: number;
  wrong: number;
}

export const isRight = (o: Outcome, id: string | undefined): boolean => id !== undefined && o.answers.includes(id);

export function figures(outcomes: readonly Outcome[]): Figures {
  const f: Figures = {
    questions: outcomes.length,
    answerable: 0,
    top1: 0,
    hit3: 0,
    mrr: 0,
    autoFilled: 0,
    autoFilledRight: 0,
    unanswerableFilled: 0,
    unanswerable: 0,
    weakWhenWrong: 0,
    wrong: 0,
  };
  for (const o of outcomes) {
    const topRight = isRight(o, o.ranked[0]);
    if (o.answers.length > 0) {
      f.answerable++;
      if (topRight) f.top1++;
      if (o.ranked.slice(0, 3).some((id) => isRight(o, id))) f.hit3++;
      const at = o.ranked.findIndex((id) => isRight(o, id));
      if (at >= 0 && at < 10) f.mrr += 1 / (at + 1);
    } else f.unanswerable++;
    if (!topRight && o.ranked.length > 0) {
      f.wrong++;
      if (o.verdict === 'weak') f.weakWhenWrong++;
    }
    if (o.autoFill) {
      f.autoFilled++;
      if (topRight) f.autoFilledRight++;
      else if (o.answers.length === 0) f.unanswerableFilled++;
    }
  }
  f.mrr = f.answerable > 0 ? f.mrr / f.answerable : 0;
  return f;
}

export const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
export const precision = (f: Figures): number => (f.autoFilled === 0 ? 1 : f.autoFilledRight / f.autoFilled);
export const coverage = (f: Figures): number => (f.answerable === 0 ? 0 : f.autoFilledRight / f.answerable);

/** One line of figures, the same layout for every method and set. */
export function describeFigures(f: Figures, withAutoFill = true): string {
  const head = `top-1 ${pct(f.top1, f.answerable)} hit@3 ${pct(f.hit3, f.answerable)} MRR ${f.mrr.toFixed(3)}`;
  if (!withAutoFill) return head;
  return (
    `${head} | auto-fill precision ${pct(f.autoFilledRight, f.autoFilled)} (${f.autoFilledRight}/${f.autoFilled}) ` +
    `coverage ${pct(f.autoFilledRight, f.answerable)} | unanswerable auto-filled ${f.unanswerableFilled}/${f.unanswerable}`
  );
}

export interface CurvePoint {
  threshold: number;
  autoFilled: number;
  right: number;
  precision: number;
  coverage: number;
}

/**
 * Precision and coverage if the top suggestion were auto-filled whenever its confidence reached each
 * threshold (and `eligible` allows it: the gate's other checks), from the most confident down.
 */
export function precisionCoverage(
  outcomes: readonly Outcome[],
  eligible: (o: Outcome) => boolean = () => true,
  thresholds: readonly number[] = Array.from({ length: 20 }, (_, i) => 0.95 - i * 0.05),
): CurvePoint[] {
  const answerable = outcomes.filter((o) => o.answers.length > 0).length;
  return thresholds.map((threshold) => {
    let autoFilled = 0;
    let right = 0;
    for (const o of outcomes) {
      if (o.ranked.length === 0 || o.confidence < threshold || !eligible(o)) continue;
      autoFilled++;
      if (isRight(o, o.ranked[0])) right++;
    }
    return {
      threshold,
      autoFilled,
      right,
      precision: autoFilled === 0 ? 1 : right / autoFilled,
      coverage: answerable === 0 ? 0 : right / answerable,
    };
  });
}
