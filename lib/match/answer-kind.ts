// The kind of answer a question asks for ("How many", "What percentage", "Who is", "List the countries",
// "Provide the email address") and the kinds of fact an answer gives (numbers, percentages, durations,
// frequencies, dates, contacts, names, places, lists). A shared "how many" or "describe" is not a topic
// match: an entry that answers "How many employees do you have?" with a headcount does not answer "How many
// failed logins lock an account?" unless it also states that number, and an answer with no number at all
// cannot answer either. Both sides are read by patterns, which are general English, not tuned to any set.
import { memoText } from './memo';
import { sentences } from './text';

export const FACT_KINDS = [
  'count',
  'percentage',
  'duration',
  'frequency',
  'date',
  'contact',
  'name',
  'location',
  'list',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** What a question asks for: a fact of some kind, a yes/no stance, or an open description. */
export type QuestionKind = FactKind | 'yesno' | 'open';

const AUXILIARY =
  /^(?:do|does|did|is|are|was|were|has|have|had|can|could|will|would|shall|should|may|must)\b(?!\s+(?:you|we)\s+(?:describe|explain|list|provide|outline|detail)\b)/;

/**
 * A requirement statement ("Limit unsuccessful logon attempts.", "Employ the principle of least
 * privilege") is asked as "Do you ...?": its leading verb is an imperative from this list.
 */
const REQUIREMENT_VERB =
  /^(?:limit|employ|ensure|establish|enforce|protect|monitor|control|separate|track|create|implement|provide|identify|develop|assess|use|store|terminate|screen|escort|authorize|authorise|deny|analyze|analyse|remediate|scan|authenticate|prohibit|prevent|verify|review|maintain|restrict|require|encrypt|employ|apply|perform|conduct|test|train|define|document|retain|report|respond|correct|isolate|disable|audit|manage|update|approve|allow|permit|record|log|alert|detect|patch|back up|backup|sanitize|sanitise|destroy|dispose|change|rotate|revoke|remove|grant|inform|notify|supervise|control)\b/;

/** Open prompts that a yes/no form never takes ("Describe ...", "How do you ...", "What ... do you"). */
const OPEN = /^(?:describe|explain|outline|detail|summari[sz]e|tell us|how\b|what\b|which\b|why\b|please describe)/;

/** Patterns per fact kind on the question, in precedence order (the first that matches wins). */
const ASKS: ReadonlyArray<readonly [FactKind, RegExp]> = [
  ['percentage', /\b(?:what|which) (?:percentage|percent|proportion|share)\b|\bpercentage of\b|\bhow much of\b/],
  [
    'contact',
    /\b(?:e-?mail address(?:es)?|phone number|telephone|contact (?:details|information|person|point)|point of contact|url|web ?site address|link to)\b/,
  ],
  [
    'frequency',
    /\bhow (?:often|frequently)\b|\bat what (?:interval|frequency)\b|\bwhat is the frequency\b|\bhow regularly\b/,
  ],
  [
    'duration',
    /\bhow (?:long|quickly|soon|fast)\b|\bwhat (?:duration|period of time|length of time)\b|\bhow much time\b|\bwithin (?:how|what) (?:many|long|time)\b|\bwhat is (?:the|your) (?:rto|rpo|retention period|recovery time|recovery point)\b|\btime ?frame\b|\bturnaround time\b/,
  ],
  ['count', /\bhow many\b|\bnumber of\b|\bheadcount\b|\bhow large\b|\bhow big\b|\bsize of (?:your|the)\b/],
  [
    'date',
    /^when (?:was|were|did|is|are|does|do|will|has|have|can|would)\b|\bwhat date\b|\bwhich year\b|\bin what year\b|\bdate of\b|\bwhen (?:was|were|did|is|does)\b|\byear (?:founded|established|incorporated)\b/,
  ],
  [
    'location',
    /\bwhere (?:is|are|do|does|will|can|would)\b|\bwhich (?:countries|country|regions?|locations?|jurisdictions?)\b|\bwhat (?:countries|country|regions?|locations?)\b/,
  ],
  [
    'name',
    /^who\b|\bwho (?:is|are)\b|\bname (?:of|and|the)\b|\bnamed? (?:person|individual|contact)\b|\bwhat is the name\b|\bwhich (?:company|companies|vendor|vendors|provider|providers|firm|auditor|tool|tools|products?|certification body|registrar)\b|\bidentify the\b|\bjob title\b/,
  ],
  ['list', /^(?:list|enumerate|name)\b|\bprovide a list\b|\blist (?:of|all|the|your|any)\b/],
];

/** Time targets a form names as a bare label; a question that starts with "Do you" about them stays yes/no. */
const TIME_TARGET = /\b(?:rto|rpo|recovery (?:time|point) objectives?|retention period|maximum tolerable downtime)\b/;

export interface QuestionKindInfo {
  kind: QuestionKind;
  /** The question is a requirement statement (an imperative), asked as "Do you ...?". */
  requirement: boolean;
}

/** The sentence that asks: the first with a question mark, else the last (preambles come first). */
export function askingSentence(question: string): string {
  const parts = sentences(question);
  return parts.find((s) => s.includes('?')) ?? parts[parts.length - 1] ?? question;
}

/** What a question asks for. Its asking sentence decides; the preamble does not. */
export const questionKind = memoText((question: string): QuestionKindInfo => {
  const asking = askingSentence(question)
    .toLowerCase()
    .replace(/^[\s\d.()a-z]{0,6}[.)]\s+/, '')
    .trim();
  for (const [kind, pattern] of ASKS) if (pattern.test(asking)) return { kind, requirement: false };
  if (AUXILIARY.test(asking)) return { kind: 'yesno', requirement: false };
  // A bare label naming a time target ("Recovery time objective (RTO) for the service") asks for a period.
  if (TIME_TARGET.test(asking)) return { kind: 'duration', requirement: false };
  if (!asking.includes('?') && REQUIREMENT_VERB.test(asking)) return { kind: 'yesno', requirement: true };
  if (OPEN.test(asking)) return { kind: 'open', requirement: false };
  return { kind: 'open', requirement: false };
}, 2_000);

export const FACTS: Record<FactKind, RegExp> = {
  percentage: /\d\s?%|\bper ?cent\b|\bpercentage\b/i,
  contact: /[\w.+-]+@[\w-]+\.[\w.-]+|https?:\/\/|\bwww\.|\+?\d[\d ().-]{8,}\d/i,
  frequency:
    /\b(?:daily|weekly|fortnightly|monthly|quarterly|annually|yearly|semi-annually|biannually|hourly|nightly|continuous(?:ly)?|real[- ]time|every|each (?:day|week|month|quarter|year)|per (?:day|week|month|quarter|year)|once (?:a|per|every)|twice (?:a|per)|at least (?:once|annually|yearly|quarterly|monthly)|times a (?:day|week|month|year))\b/i,
  duration:
    /\b\d+(?:\.\d+)?\s*(?:-\s*)?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|business days|working days|weeks?|months?|years?)\b|\b(?:one|two|three|four|five|six|seven|eight|ten|twelve|twenty-four|thirty|sixty|ninety)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\b/i,
  count: /\b\d[\d,]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand)\b/i,
  date: /\b(?:19|20)\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{4}-\d{2}-\d{2}\b/i,
  location:
    /\b(?:region|regions|country|countries|located|location|hosted in|based in|data cent(?:er|re)s? in|eu|eea|european union|united states|us|usa|uk|united kingdom|canada|australia|germany|ireland|france|netherlands|india|japan|singapore|brazil|virginia|oregon|ohio|frankfurt|dublin|london|[a-z]{2}-[a-z]+-\d)\b/i,
  name: /\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+\b|\b(?:ciso|cto|ceo|cio|cpo|dpo|officer|director|manager|head of|lead|team|committee|firm|llp|inc|ltd|gmbh)\b/,
  list: /(?:[^,;]+[,;]){2,}|\n\s*[-•*]|\band\b.*\band\b/i,
};

/** Which kinds of fact an answer states. Memoised: an entry's answer is read for every question it meets. */
export const answerFacts = memoText((answer: string): ReadonlySet<FactKind> => {
  const out = new Set<FactKind>();
  for (const kind of FACT_KINDS) if (FACTS[kind].test(answer)) out.add(kind);
  return out;
}, 4_000);

/** Whether an answer gives the kind of fact a question asks for (yes/no and open questions: always). */
export function kindAgrees(asked: QuestionKind, facts: ReadonlySet<FactKind>): boolean {
  if (asked === 'yesno' || asked === 'open') return true;
  // A count can be stated as a duration or a percentage's base ("3 regions", "22 people", "within 24
  // hours" answers "how many hours"); a frequency can be stated as "every 12 months".
  if (asked === 'count') return facts.has('count');
  if (asked === 'frequency') return facts.has('frequency') || facts.has('duration');
  if (asked === 'duration') return facts.has('duration');
  return facts.has(asked);
}

export const KIND_LABEL: Record<FactKind, string> = {
  count: 'a number',
  percentage: 'a percentage',
  duration: 'a time period',
  frequency: 'a frequency',
  date: 'a date',
  contact: 'contact details',
  name: 'a name',
  location: 'a place',
  list: 'a list',
};

/**
 * Questions no library entry answers by itself, whatever it shares with them:
 *   catch-all   "Is there anything else you want us to know about ...?", "Additional comments": a box for
 *               what the other answers left out, which only the person filling it can know
 *   follow-up   "If yes, describe ...", "Are the controls you selected above tested?", "the limits of these
 *               audits": it reads only with the previous answer, which the library entry never saw
 * A catch-all is at most a weak match; a follow-up is never auto-filled.
 */
export type QuestionForm = 'catch-all' | 'follow-up';

const CATCH_ALL =
  /\banything else\b|\bany (?:other|additional|further) (?:comments?|information|details|remarks|notes|feedback)\b|\badditional (?:comments?|information|notes|remarks)\b|\bother (?:comments?|remarks)\b|\bfeedback\b|\bis there anything\b/;
const FOLLOW_UP =
  /^(?:if (?:yes|no|so|not|applicable|other)\b|(?:please )?(?:explain|describe|specify|elaborate)(?: why| how)?\s*[:.]?\s*$)|\b(?:you (?:selected|chose|checked|indicated|mentioned|listed)|(?:selected|listed|mentioned|described) (?:above|earlier|previously)|previous (?:answer|question|response)|the above|(?:of|for|in|to) (?:these|those) [a-z]+)\b/;

export const questionForm = memoText((question: string): QuestionForm | undefined => {
  const asking = askingSentence(question).toLowerCase().trim();
  if (CATCH_ALL.test(asking)) return 'catch-all';
  if (FOLLOW_UP.test(asking) || /^if (?:yes|so|no|not)\b/.test(question.trim().toLowerCase())) return 'follow-up';
  return undefined;
}, 2_000);
