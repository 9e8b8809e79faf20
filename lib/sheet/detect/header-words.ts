// What a column header says the column is for. Ordered rules, first match wins: reviewer-only columns ("Assessor
// comments", "Score") are recognised before answer words, so a vendor's answer is never written into the buyer's
// column. Patterns are about the words questionnaires use, not about any one template.
export const ROLES = [
  'question',
  'answer',
  'choice',
  'comment',
  'evidence',
  'id',
  'section',
  'guidance',
  'ignore',
] as const;
export type ColumnRole = (typeof ROLES)[number];

/** Roles that are written by a fill. */
export const WRITABLE: ReadonlySet<ColumnRole> = new Set(['answer', 'choice', 'comment']);

export const ROLE_LABEL: Record<ColumnRole, string> = {
  question: 'Question',
  answer: 'Answer (text)',
  choice: 'Answer (choice)',
  comment: 'Comment / explanation',
  evidence: 'Evidence / reference',
  id: 'Question id',
  section: 'Section',
  guidance: 'Guidance (read only)',
  ignore: 'Not used',
};

export function normHeader(text: string): string {
  return text
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/[*:]+\s*$/, '')
    .trim()
    .toLowerCase();
}

/** Option words a "Yes / No / N/A" header or a mark column uses. */
export const OPTION_WORD =
  /^(yes|no|n\/?a|na|not applicable|partial(ly)?|in progress|planned|unknown|y|n|true|false|compliant|non-compliant|not compliant)$/;

const RULES: [ColumnRole, RegExp][] = [
  // Columns for the buyer, the assessor or the scoring sheet: never written.
  [
    'ignore',
    /\b(assessor|reviewer|auditor|analyst|evaluator|approver|(internal|office|official|bank|university|institution|buyer|client|customer) (use|only|comments?|notes?|response|review|assessment|feedback)|for (the )?(bank|buyer|client|customer|university|institution|assessor|reviewer)|scor(e|es|ing)|weight(ing)?|points?|rating|risk (level|rating|score|tier)|expected (answer|response|value)|compliant (answer|response)|preferred (answer|response)|desired (answer|response)|follow[- ]?up|findings?|remediation|validated|verified|verification|maturity|sme|owner|date|due|priority|severity|impact|likelihood)\b/,
  ],
  [
    'guidance',
    /\b(guidance|guidelines?|help ?text|hints?|instructions?|examples?|what (we|to) (look|expect)|intent|purpose|why (we|this))\b/,
  ],
  // The questionnaire's own numbering.
  [
    'id',
    /^(#|no\.?|nr\.?|n°|num(ber)?|s\.? ?no\.?|sr\.? ?no\.?|sl\.? ?no\.?|ref\.?|reference|ref(erence)? ?(no\.?|#|id|number|code)|ids?|item ?(no\.?|#|id|number)|(question|ques|q|control|req|requirement|criteri(on|a)|item|line)\.? ?(id|#|no\.?|nr\.?|num|number|ref(erence)?|code|key)|key|code|index|seq(uence)?|q ?#|question ?(ref|reference))$/,
  ],
  // Framework mappings and other reference data columns.
  [
    'ignore',
    /\b(iso|soc ?[12]?|nist|pci|hipaa|gdpr|cobit|ccm|mapping|mapped|cis|csf|800-53|800-171|tsc|hitrust|fedramp|cmmc|aicpa|bits|fisma|nerc|jericho|cloud controls matrix|control (id|ref|reference|number|title|owner)|ssrm|ownership|responsibilit(y|ies)|applicab(le|ility) to)\b/,
  ],
  [
    'section',
    /^(category|categories|domain|section|area|topic|sub-?category|control (domain|family|area|category)|family|chapter|group|heading|domain title|(ccm )?domain name|subject|theme|category name|section name|domain \/ category|process|function)$/,
  ],
  // Answers: a choice when the header itself lists the options.
  ['choice', /\b(yes ?\/ ?no|y ?\/ ?n|yes, no|\(y\/n\)|yes or no|true ?\/ ?false)\b/],
  [
    'comment',
    /\b(commentaires?|kommentare?|bemerkung(en)?|comentarios?|comment[io]|opmerking(en)?|observa[cç][õo]es|comments?|explanations?|explain|additional (information|info|details?|comments?|notes?|context|remarks)|notes?|remarks?|justification|justify|details?|elaborat\w*|clarifications?|narrative|description of|implementation (description|details?|notes?|statement)|describe|rationale|supporting (information|details?)|context|free[- ]?text|if (no|yes|not|n\/?a|partial)\b|please (describe|explain|provide|specify))\b/,
  ],
  [
    'evidence',
    /\b(evidence|supporting (documentation|documents?|evidence|materials?)|attachments?|attached|artifacts?|artefacts?|documentation|documents?|document (name|ref|reference|title)|policy (name|reference|ref)|references|links?|urls?|proof|exhibits?|file ?names?|upload)\b/,
  ],
  [
    'answer',
    /\b(réponses?|antworte?n?|respuestas?|rispost[ae]|antwoord(en)?|respostas?|responses?|answers?|reply|replies|vendor (answers?|response)|supplier (answers?|response)|provider (answers?|response)|your (answers?|response)|compliance( status)?|compliant\??|status|implemented\??|in place\??|selection|select|result|self[- ]assessment|csp caiq answer|caiq answer|vendor input|supplier input|fill in|to be completed)\b/,
  ],
  [
    'question',
    /\b(fragen?|preguntas?|domand[ae]|vra(ag|gen)|perguntas?|questions?|question text|query|queries|request|requests|inquiry|requirements?|control (questions?|statements?|descriptions?|requirements?|objectives?|specifications?|activit(y|ies))|criteri(a|on)|statements?|descriptions?|items?|check ?points?|controls?|assessment (questions?|items?)|security (questions?|requirements?)|consensus assessment questions?|question\/request|ask)\b/,
  ],
];

/** The role a header names, or undefined when it names none of them. */
export function headerRole(text: string): ColumnRole | undefined {
  const h = normHeader(text);
  // Header cells are labels; a long sentence is a question or an instruction, whatever words it uses.
  if (!h || h.length > 120 || h.split(' ').length > 12) return undefined;
  if (OPTION_WORD.test(h)) return undefined; // a mark column ("Yes" | "No" | "N/A"): see markGroups
  for (const [role, re] of RULES) if (re.test(h)) return role;
  return undefined;
}

/** Options a header spells out, e.g. "Response (Yes/No/N/A)" -> Yes, No, N/A. */
export function headerOptions(text: string): string[] | undefined {
  const m = /\(([^()]*[/|][^()]*)\)/.exec(text) ?? /:\s*([^:]*\/[^:]*)$/.exec(text);
  const inner = m?.[1] ?? /\b(yes ?\/ ?no(?: ?\/ ?n\/?a)?)\b/i.exec(text)?.[1] ?? '';
  if (!inner) return undefined;
  const parts = inner
    .split(/\s*(?:\/(?![Aa]\b)|\||,|\bor\b)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.length >= 2 && parts.every((p) => p.length <= 20) ? parts : undefined;
}
