// Shapes a library answer for the field it goes into: option label(s) for choice fields, picked by what the
// options mean (Yes/No/N/A, a frequency, a duration or count, a named framework or provider) and what the
// answer's text says; the full text for free-text fields, plus an optional citation footer. A choice the
// text does not support is not picked: a wrong confident option is worse than none.
import type { FieldKind } from '../page';
import { shortAnswerMeaning, type AnswerEntry, type ShortAnswer } from '../library/model';
import { words } from './lexicon';
import { memoText } from './memo';
import { chooseOptions, type ChoicePick, type OptionConcept } from './shape-choice';
import { frequencyTerms, nameTokens, expandAliases, parseAmountOption } from './shape-concepts';
import { shapeText } from './shape-text';

const CHOICE_KINDS: ReadonlySet<FieldKind> = new Set(['radio', 'select', 'checkbox']);

/** What an option label means, tested in this order ("Not applicable" must not read as "No"). */
const MEANINGS: ReadonlyArray<readonly [ShortAnswer, RegExp]> = [
  ['N/A', /^(?:n\/?a\b|not applicable|does not apply|doesn'?t apply|not relevant|na\b)/],
  ['Partial', /^(?:partial(?:ly)?\b|in progress|planned|some\b|limited\b|in part\b)/],
  ['Yes', /^(?:yes\b|y\b|true\b|we do\b|implemented\b|in place\b|compliant\b|always\b|fully\b)/],
  ['No', /^(?:no\b|n\b|false\b|we do not\b|we don'?t\b|not (?:implemented|in place)\b|none\b|never\b)/],
  ['Other', /^(?:other\b|see (?:comment|attached|notes?)\b|explain\b)/],
];

const clean = (label: string): string =>
  label
    .trim()
    .toLowerCase()
    .replace(/^[\s"'([]+/, '');

export function optionMeaning(label: string): ShortAnswer | undefined {
  const text = clean(label);
  for (const [meaning, pattern] of MEANINGS) if (pattern.test(text)) return meaning;
  return undefined;
}

/** "Never", "None of the above", "Not performed", "No defined target": the practice is absent. */
const ABSENT =
  /^(?:never\b|none\b|not\s+(?:performed|tested|conducted|required|done|defined|reviewed)\b|no\s+(?:defined|formal|set|fixed|target|timeframe|schedule)\b)/;

/** What one option label means: a short answer, a frequency, an amount, absence, or a named thing.
 *  Memoised: labels ("Yes", "N/A", "Annually") recur field after field. */
export const optionConcept: (label: string) => OptionConcept = memoText((label) => conceptOf(label), 2_000);

function conceptOf(label: string): OptionConcept {
  const text = clean(label);
  const meaning = optionMeaning(label);
  if (meaning === 'Other' || meaning === 'N/A' || meaning === 'Partial' || meaning === 'Yes')
    return { type: 'short', meaning };
  if (ABSENT.test(text)) return { type: 'none' };
  if (meaning === 'No') return { type: 'short', meaning };
  const terms = frequencyTerms(text);
  if (terms.length > 0) {
    // "At least annually" accepts any schedule at least that frequent.
    const atLeast = /\bat least\b|\bor more often\b/.test(text);
    return {
      type: 'freq',
      terms: terms.map((t) => (atLeast && t.kind === 'period' ? { ...t, lo: 0 } : t)),
      only: /\bonly\b/.test(text),
    };
  }
  const amount = parseAmountOption(text);
  if (amount) return { type: 'amount', amount };
  return { type: 'named', tokens: nameTokens(expandAliases(label)) };
}

/** Words of 3+ letters; memoised, as an entry's answer is compared with several option labels. */
const wordSet = memoText((text) => new Set(words(text).filter((w) => w.length > 2)), 2_000);

function overlap(a: string, b: string): number {
  const A = wordSet(a);
  const B = wordSet(b);
  if (A.size === 0 || B.size === 0) return 0;
  let n = 0;
  for (const w of A) if (B.has(w)) n++;
  return (2 * n) / (A.size + B.size);
}

export interface FieldShape {
  kind?: FieldKind;
  options?: readonly string[];
  /** The page's question: tells which of several values in the answer it asks about. */
  question?: string;
}

export interface ShapedAnswer {
  answer: string;
  /** The option label chosen, for choice fields ("; "-joined labels for a multi-select checkbox group). */
  option?: string;
  /** False when the field offers choices and none of them says what the entry says. */
  fits: boolean;
  /** 0-1: how strongly the entry's text supports the chosen option (1 for free text). */
  evidence: number;
  /** The entry's full answer, when `answer` is an option label that differs from it. */
  narrative?: string;
  /** Why the option pick is weak or missing, for the reviewer. */
  note?: string;
}

export interface FooterFormat {
  /** Placeholders: {entryId} {version} {owner} {approvedAt} {controls} {evidence}. */
  format: string;
}
export const DEFAULT_FOOTER: FooterFormat = { format: '[Source: {entryId} v{version}; {controls}]' };

export function renderFooter(
  format: FooterFormat,
  values: Record<'entryId' | 'version' | 'owner' | 'approvedAt' | 'controls' | 'evidence', string>,
): string {
  return format.format.replace(
    /\{(entryId|version|owner|approvedAt|controls|evidence)\}/g,
    (_, k: keyof typeof values) => values[k],
  );
}

export function shapeAnswer(
  entry: Pick<AnswerEntry, 'answer' | 'shortAnswer'>,
  field: FieldShape,
  footer?: string,
): ShapedAnswer {
  const options = field.options ?? [];
  const isChoice =
    (field.kind !== undefined && CHOICE_KINDS.has(field.kind)) || (field.kind === undefined && options.length > 0);
  if (!isChoice) {
    const shaped = shapeText(entry.answer, field.question);
    const text = footer ? `${shaped.answer}\n\n${footer}` : shaped.answer;
    return { answer: text, fits: true, evidence: 1, ...(shaped.narrative ? { narrative: shaped.narrative } : {}) };
  }
  if (options.length === 0)
    return {
      answer: entry.shortAnswer ?? entry.answer,
      fits: entry.shortAnswer !== undefined,
      evidence: entry.shortAnswer !== undefined ? 1 : 0,
    };
  const stated = statedStance(entry);
  const concepts = options.map((label) => ({ label, concept: optionConcept(label) }));
  const picked =
    field.kind === 'checkbox' && options.length === 1
      ? confirmBox(options[0]!, stated)
      : isYesNo(concepts)
        ? pickYesNo(entry, concepts, stated)
        : chooseOptions({
            question: field.question ?? '',
            answer: entry.answer,
            stance: stated?.stance,
            options: concepts,
            multi: field.kind === 'checkbox',
          });
  if (picked.labels.length === 0)
    return { answer: entry.answer, fits: false, evidence: 0, ...(picked.note ? { note: picked.note } : {}) };
  const option = picked.labels.join('; ');
  return {
    answer: option,
    option,
    fits: true,
    evidence: picked.evidence,
    ...(entry.answer.trim() !== option ? { narrative: entry.answer } : {}),
    ...(picked.note ? { note: picked.note } : {}),
  };
}

interface Stance {
  stance: ShortAnswer;
  /** Whether the entry says it in so many words (short answer or a leading "Yes."), or it is inferred. */
  explicit: boolean;
}

/** The entry's Yes/No/N/A position: its short answer, else the answer's leading word. */
function statedStance(entry: Pick<AnswerEntry, 'answer' | 'shortAnswer'>): Stance | undefined {
  // A short answer that is not a choice ("612") states no stance: fall back to the answer's text.
  const meaning = shortAnswerMeaning(entry.shortAnswer);
  if (meaning !== undefined) return { stance: meaning, explicit: true };
  const t = clean(entry.answer);
  if (/^yes\b/.test(t)) return { stance: 'Yes', explicit: true };
  if (
    /^(?:no\b(?!\s+(?:one|longer|more|later|less|single)\b)|none\b|never\b|we (?:do not|don't|have not|haven't)\b)/.test(
      t,
    )
  )
    return { stance: 'No', explicit: /^no\b\s*[.,;:!-]/.test(t) };
  if (/^(?:n\/a\b|not applicable\b)/.test(t)) return { stance: 'N/A', explicit: true };
  if (/^(?:partially|partly|in part)\b/.test(t)) return { stance: 'Partial', explicit: true };
  return undefined;
}

/** Yes/No/N/A fields: every option is a short answer or an absence ("Never" reads as "No" here). */
function isYesNo(concepts: ReadonlyArray<{ concept: OptionConcept }>): boolean {
  const shorts = concepts.filter((c) => c.concept.type === 'short' || c.concept.type === 'none');
  return (
    shorts.length === concepts.length &&
    concepts.some((c) => c.concept.type === 'short' && (c.concept.meaning === 'Yes' || c.concept.meaning === 'No'))
  );
}

function pickYesNo(
  entry: Pick<AnswerEntry, 'answer'>,
  concepts: ReadonlyArray<{ label: string; concept: OptionConcept }>,
  stated: Stance | undefined,
): ChoicePick {
  let stance = stated;
  let evidence = stated?.explicit ? 1 : 0.8;
  let note: string | undefined;
  if (!stance) {
    // A statement of practice ("Every change is peer reviewed") implies Yes, unless its first sentence
    // denies something; either way the entry never said "Yes", so a person confirms the pick.
    const first = entry.answer.split(/[.;!?](?=\s|$)/)[0] ?? '';
    if (/\b(?:not|never|no|none|neither|nor|without)\b|n't\b/i.test(first)) {
      return { labels: [], evidence: 0, note: 'The library answer does not say Yes or No; choose the option by hand.' };
    }
    stance = { stance: 'Yes', explicit: false };
    evidence = 0.75;
    note =
      'The library answer does not say "Yes" in so many words; "Yes" is read from its description of the practice.';
  }
  let best: { label: string; score: number } | undefined;
  for (const { label, concept } of concepts) {
    const meaning = concept.type === 'none' ? 'No' : concept.type === 'short' ? concept.meaning : undefined;
    if (meaning !== stance.stance) continue;
    // Among equals the option whose words echo the answer wins ("Yes, for all customer data" over
    // "Yes, for some systems" when the answer says "all").
    const score = overlap(label, entry.answer);
    if (!best || score > best.score) best = { label, score };
  }
  if (!best)
    return {
      labels: [],
      evidence: 0,
      note: `No option means "${stance.stance}", which is what the library answer says; choose one by hand.`,
    };
  return { labels: [best.label], evidence, ...(note ? { note } : {}) };
}

/** A lone confirmation checkbox ("We confirm that shared IDs are not used"): ticked only on an explicit Yes. */
function confirmBox(label: string, stated: Stance | undefined): ChoicePick {
  if (stated?.stance === 'Yes' && stated.explicit) {
    return {
      labels: [label],
      evidence: 0.75,
      note: 'A confirmation box restates the question in its own words; check that the library answer confirms all of it.',
    };
  }
  return {
    labels: [],
    evidence: 0,
    note: 'The library answer does not confirm this statement; tick it by hand if it holds.',
  };
}
