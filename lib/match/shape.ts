// Shapes a library answer for the field it goes into: an option label for choice fields (mapped by
// meaning, so "N/A" finds "Not applicable" and "Yes" finds "Yes, we encrypt all data"), the full text for
// free-text fields, plus an optional citation footer.
import type { FieldKind } from '../page/types';
import type { AnswerEntry, ShortAnswer } from '../library/schema';
import { words } from './lexicon';

const CHOICE_KINDS: ReadonlySet<FieldKind> = new Set(['radio', 'select', 'checkbox']);

/** What an option label means, tested in this order ("Not applicable" must not read as "No"). */
const MEANINGS: ReadonlyArray<readonly [ShortAnswer, RegExp]> = [
  ['N/A', /^(?:n\/?a\b|not applicable|does not apply|doesn'?t apply|not relevant|na\b)/],
  ['Partial', /^(?:partial(?:ly)?\b|in progress|planned|some\b|limited\b|in part\b)/],
  ['Yes', /^(?:yes\b|y\b|true\b|we do\b|implemented\b|in place\b|compliant\b|always\b|fully\b)/],
  ['No', /^(?:no\b|n\b|false\b|we do not\b|we don'?t\b|not (?:implemented|in place)\b|none\b|never\b)/],
  ['Other', /^(?:other\b|see (?:comment|attached|notes?)\b|explain\b)/],
];

export function optionMeaning(label: string): ShortAnswer | undefined {
  const text = label.trim().toLowerCase().replace(/^[\s"'(\[]+/, '');
  for (const [meaning, pattern] of MEANINGS) if (pattern.test(text)) return meaning;
  return undefined;
}

function overlap(a: string, b: string): number {
  const A = new Set(words(a).filter((w) => w.length > 2));
  const B = new Set(words(b).filter((w) => w.length > 2));
  if (A.size === 0 || B.size === 0) return 0;
  let n = 0;
  for (const w of A) if (B.has(w)) n++;
  return (2 * n) / (A.size + B.size);
}

export interface FieldShape {
  kind?: FieldKind;
  options?: readonly string[];
}

export interface ShapedAnswer {
  answer: string;
  /** The option label chosen, for choice fields. */
  option?: string;
  /** False when the field offers choices and none of them says what the entry says. */
  fits: boolean;
}

export interface FooterFormat {
  /** Placeholders: {entryId} {version} {owner} {approvedAt} {controls} {evidence}. */
  format: string;
}
export const DEFAULT_FOOTER: FooterFormat = { format: '[Source: {entryId} v{version}; {controls}]' };

export function renderFooter(format: FooterFormat, values: Record<'entryId' | 'version' | 'owner' | 'approvedAt' | 'controls' | 'evidence', string>): string {
  return format.format.replace(/\{(entryId|version|owner|approvedAt|controls|evidence)\}/g, (_, k: keyof typeof values) => values[k]);
}

export function shapeAnswer(entry: Pick<AnswerEntry, 'answer' | 'shortAnswer'>, field: FieldShape, footer?: string): ShapedAnswer {
  const options = field.options ?? [];
  const isChoice = (field.kind !== undefined && CHOICE_KINDS.has(field.kind)) || (field.kind === undefined && options.length > 0);
  if (!isChoice) {
    const text = footer ? `${entry.answer}\n\n${footer}` : entry.answer;
    return { answer: text, fits: true };
  }
  if (options.length === 0) return { answer: entry.shortAnswer ?? entry.answer, fits: entry.shortAnswer !== undefined };
  let best: { label: string; score: number } | undefined;
  for (const label of options) {
    const meaning = optionMeaning(label);
    // Same meaning is required; among equals the option whose words echo the answer wins
    // ("Yes, for all customer data" over "Yes, for some systems" when the answer says "all").
    if (entry.shortAnswer !== undefined && meaning !== entry.shortAnswer) continue;
    const score = (meaning !== undefined ? 1 : 0) + overlap(label, entry.answer);
    if (entry.shortAnswer === undefined && score < 0.5) continue;
    if (!best || score > best.score) best = { label, score };
  }
  if (!best) return { answer: entry.shortAnswer ?? entry.answer, fits: false };
  return { answer: best.label, option: best.label, fits: true };
}
