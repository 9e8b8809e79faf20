// Free-text shaping: what goes into a text box for a question, from an entry's answer.
//   - "Yes." / "No." leads the text only when the question is a yes/no question. A question that asks
//     for a fact ("Contact details for your data protection officer", "List the sub-processors",
//     "Identify the certification body") or a description ("Describe ...", "How do you ...") gets the
//     answer text alone: a leading "Yes." there reads as if the form had asked something else.
//   - When the entry states the asked kind of fact more than once (one paragraph giving both the recovery
//     time and the recovery point objective), the clause whose words best match the question is the
//     answer, so two different fields do not receive the same paragraph. The full text stays beside it.
// A question that names nothing in particular (a bare topic label such as "Encryption at rest") keeps the
// answer as written: whether it asks for a stance is unknown.
import { answerFacts, askingSentence, FACTS, questionKind, type FactKind } from './answer-kind';
import { analyze } from './text';

/** Leading "Yes." / "No." (with its punctuation) of a free-text answer. */
export const LEADING_STANCE = /^\s*(?:yes|no)\s*[.,;:!-]+\s*/i;

/** Prompts that ask for a description, never for a stance. */
const DESCRIBE =
  /^(?:describe|explain|outline|detail|summari[sz]e|tell us|please (?:describe|explain|provide)|how\b|what\b|which\b|why\b|who\b|where\b|when\b|provide\b|list\b|identify\b|name\b|give\b|state\b)/;

/** Kinds of fact a single clause states; names, dates, lists and contacts come with their context. */
const CLAUSE_KINDS: ReadonlySet<FactKind> = new Set(['count', 'percentage', 'duration', 'frequency']);

export interface ShapedText {
  answer: string;
  /** The entry's full answer, when `answer` is a part of it. */
  narrative?: string;
}

/** The text for a free-text field asking `question`. */
export function shapeText(answer: string, question: string | undefined): ShapedText {
  if (!question) return { answer };
  const { kind } = questionKind(question);
  if (kind === 'yesno') return { answer };
  const asking = askingSentence(question).toLowerCase().trim();
  // "When handling personal data, do you ...?": a yes/no question after a leading clause.
  if (
    kind === 'open' &&
    (!DESCRIBE.test(asking) || /,\s*(?:do|does|did|is|are|can|will|would|have|has)\b/.test(asking))
  )
    return { answer };
  const bare = answer.replace(LEADING_STANCE, '').trim() || answer;
  // A question asking for two things ("the certification body and expiry date") needs the whole answer.
  if (!CLAUSE_KINDS.has(kind as FactKind) || /\band\b/.test(asking)) return { answer: bare };
  const clause = answeringClause(bare, kind as FactKind, question);
  return clause ? { answer: clause, narrative: answer } : { answer: bare };
}

/** Sentences split further at "; " and at ", and the ..." / " and the ..." joining two statements. */
function clauses(text: string): string[] {
  return text
    .split(/(?<=[.?!])\s+|;\s+|:\s+|,?\s+(?:and|while|whereas)\s+(?=(?:the|our|its|their|a|an)\s)/i)
    .map((c) => c.trim().replace(/[.;:,]+$/, ''))
    .filter((c) => c.length > 0);
}

/**
 * The clause that states the asked fact about what the question names: only when two or more clauses state
 * that kind of fact (otherwise the whole answer is the answer) and one of them shares strictly more of the
 * question's terms than every other.
 */
function answeringClause(answer: string, kind: FactKind, question: string): string | undefined {
  if (!answerFacts(answer).has(kind)) return undefined;
  const stating = clauses(answer).filter((c) => FACTS[kind].test(c));
  if (stating.length < 2) return undefined;
  const asked = new Set(analyze(question));
  const scored = stating
    .map((c) => ({ c, n: new Set(analyze(c).filter((t) => asked.has(t))).size }))
    .sort((a, b) => b.n - a.n);
  const [best, next] = scored;
  if (!best || best.n === 0 || (next && next.n >= best.n)) return undefined;
  const text = best.c.charAt(0).toUpperCase() + best.c.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
