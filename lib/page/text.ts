// Text as a person reads it: whitespace collapsed, numbering and required markers peeled off into their
// own fields, never truncated (questionnaire questions are long; see notes §F.5).

/** Collapse control characters and runs of whitespace to one space. */
export function normalize(s: string): string {
  // Fast path first: most strings hold no control or format characters (zero-width spaces, soft hyphens).
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
  const t = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/.test(s)
    ? s.replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    : s;
  return t.replace(/\s+/g, ' ').trim();
}

// Leading question numbers: "17.", "3.1", "1.2.3", "Q12:", "Question 4 -", "(a)", "IAM-02", "A&A-01.1".
// A bare number without punctuation ("100 employees") is not a number prefix.
// Written once and composed below (each regex literal would repeat them in the shipped bundle).
/** A dotted number: "17", "3.1", "1.2.3". */
const DOTTED = String.raw`\d{1,4}(?:\.\d{1,4})*`;
/** A control code: "IAM-02", "A&A-01.1". */
const CODE = String.raw`[A-Z][A-Z0-9&]{0,9}(?:[-_.][A-Z0-9&]{1,9})*-${DOTTED}`;

const NUMBER_PATTERNS: RegExp[] = [
  /^((?:Q(?:uestion)?\s?)?\d{1,3}(?:\.\d{1,3})+\.?)(?:\s*[-–—:)]\s*|\s+)/i, // 1.2 / 1.2.3 / Q1.2
  /^((?:Q(?:uestion)?\s?)?\d{1,4})(?:\s*[.):]\s*|\s*[-–—]\s+)/i, // 17. / 17) / 17: / 17 -
  /^(Q(?:uestion)?\s?\d{1,4})\s+/i, // Q12 Do you ...
  new RegExp(String.raw`^(${CODE})(?:\s*[.:)–—-]\s*|\s+)`), // IAM-02, A&A-01.1
  /^(\(?[a-z]\))\s+/, // (a) / a)
];

/** A whole string that is nothing but a question number or control code. */
const NUMBER_ONLY = new RegExp(String.raw`^(?:(?:Q(?:uestion)?\s?)?${DOTTED}|${CODE})[.:)]?$`, 'i');

/** A question number without its trailing punctuation ("3.1." -> "3.1"). */
export const bareNumber = (s: string): string => s.replace(/[.:)]$/, '');

export const isNumberOnly = (s: string): boolean => NUMBER_ONLY.test(s.trim());

// A label that only names an item ("Control AAC-02", "Evidence request HR-2", "Question 14", "Item 3.2",
// "CC6.1", "A.5.15", "Q7"): up to two words before a code or number, nothing asked. The question then lives
// in the help text. A code here may end in a dotted number too (SOC 2 and ISO control ids).
const CODE_LABEL = new RegExp(
  String.raw`^(?:[\p{L}]+ ){0,2}((?:Q|#\s?)?${DOTTED}|${CODE.replace(')*-', ')*[-.]')})[.:)]?$`,
  'iu',
);

/** The code a label is made of when it only names an item, else undefined. */
export function codeOnly(s: string): string | undefined {
  const t = normalize(s);
  if (t.includes('?')) return undefined;
  return CODE_LABEL.exec(t)?.[1];
}

export interface CleanText {
  text: string;
  number?: string;
  required: boolean;
}

const REQUIRED_TAIL = /\s*(?:\*+|\((?:required|mandatory)\)|\[(?:required|mandatory)\]|required\s*\*?)\s*$/i;
const REQUIRED_HEAD = /^\s*\*+\s*/;

// Label inference cleans the same strings many times per scan (each candidate, the chosen one again,
// "Yes"/"No" once per option): memoize. Results are frozen because they are shared.
const CLEANED = new Map<string, Readonly<CleanText>>();

/** Peel the number prefix and required markers off a question string. */
export function cleanQuestion(raw: string): Readonly<CleanText> {
  let hit = CLEANED.get(raw);
  if (!hit) {
    if (CLEANED.size > 5000) CLEANED.clear();
    CLEANED.set(raw, (hit = Object.freeze(clean(raw))));
  }
  return hit;
}

function clean(raw: string): CleanText {
  let text = normalize(raw);
  let required = false;
  let number: string | undefined;
  for (let i = 0; i < 3; i++) {
    const before = text;
    if (REQUIRED_HEAD.test(text)) {
      text = text.replace(REQUIRED_HEAD, '');
      required = true;
    }
    if (/[*)\]d]$/i.test(text) && REQUIRED_TAIL.test(text) && text.replace(REQUIRED_TAIL, '').length > 0) {
      text = text.replace(REQUIRED_TAIL, '');
      required = true;
    }
    if (!number) {
      for (const re of NUMBER_PATTERNS) {
        const m = re.exec(text);
        if (m?.[1] && text.length > m[0].length) {
          number = bareNumber(m[1]);
          text = text.slice(m[0].length);
          break;
        }
      }
    }
    text = (text.endsWith(':') ? text.replace(/\s*:$/, '') : text).trim();
    if (text === before) break;
  }
  return { text, ...(number ? { number } : {}), required };
}

/** Only punctuation / markers: Chromium's IsLabelValid rejects these (" *:-–()"). */
export const isBlank = (s: string): boolean => !/[\p{L}\p{N}]/u.test(s);

// Labels that name a slot rather than ask a question (notes §5.16, Comp AI isGenericAnswerLabel).
// Tested after punctuation became spaces, so no dots or dashes are left to match.
const GENERIC =
  /^(?:(?:your )?(?:answer|response)|reply|value|input|text|(?:select|choose)(?: one| an option)?|please (?:select|choose)|pick one|type (?:here|your answer)|enter (?:your )?(?:answer|response|text|value|here)|search|(?:file )?upload|upload (?:a )?file|(?:choose|select|browse for) (?:a )?files?|browse|no file chosen)$/i;

export function isGeneric(s: string): boolean {
  const t = normalize(s)
    .replace(/[-–—_*:.…]+/g, ' ')
    .trim();
  return t === '' || GENERIC.test(t);
}

// A comment / explanation box's own label ("Comments", "Please explain", "If no, why not?").
const COMMENT_LIKE =
  /^(?:(?:comments?|notes?|remarks?|explanation|justification|details?)(?: (?:for|on|about|regarding)\b.*)?|explain|justify|evidence(?: ?[/&] ?\w+)?|attach\w*|rationale|additional (?:comments?|notes?|info(?:rmation)?|details?|context)|other(?:\b.*)?|please (?:explain|specify|describe|provide|elaborate|comment|detail|justify|list|attach)\b.*|if (?:yes|no|not|other|applicable|so|partial(?:ly)?|n\/?a)\b.*|provide (?:details|comments?|an? explanation|evidence|justification)\b.*|supporting (?:details|information|evidence)|compensating controls?|reason|why not\??)$/i;

export function isCommentLike(s: string): boolean {
  const t = normalize(s)
    .replace(/[*:]+$/, '')
    .trim();
  if (t === '' || isGeneric(t) || COMMENT_LIKE.test(t)) return true;
  // Several slot names joined ("Evidence or comment", "Notes / explanation"): a follow-up box all the same.
  const parts = t.split(/\s*(?:\bor\b|\band\b|[/&,+])\s*/i).filter(Boolean);
  return parts.length > 1 && parts.every((p) => isGeneric(p) || COMMENT_LIKE.test(p));
}

/** Placeholder-ish texts shown in an empty dropdown. */
export function isPlaceholderOption(s: string): boolean {
  const t = normalize(s)
    .replace(/[-–—_*.…]+/g, ' ')
    .trim();
  // Dashes became spaces above: "---" is '' by now.
  return (
    t === '' ||
    /^(?:(?:please )?(?:select|choose)|pick|none(?: selected)?|select (?:one|an option|a value|an answer|response)|choose (?:one|an option))$/i.test(
      t,
    )
  );
}

// ---- option-value matching, shared by every writer ----

/** Canonical form of a short answer: "N/A" ≈ "Not applicable", "Y" ≈ "Yes". */
const CANON = new Map<string, string>();

export function canonical(s: string): string {
  let hit = CANON.get(s);
  if (hit === undefined) {
    // Option labels repeat on every question ("Yes", "No", "N/A"): memoize.
    if (CANON.size > 5000) CANON.clear();
    CANON.set(s, (hit = canon(s)));
  }
  return hit;
}

function canon(s: string): string {
  const t = normalize(s)
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}/ ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (/^(?:n ?\/ ?a|na|not applicable|non applicable|not relevant|does not apply|n a)$/.test(t)) return 'n/a';
  if (/^(?:y|yes|true|yes we do|affirmative)$/.test(t)) return 'yes';
  if (/^(?:n|no|false|we do not)$/.test(t)) return 'no';
  if (/^(?:partial|partially|partly|in part|partially implemented)$/.test(t)) return 'partial';
  return t;
}

/**
 * Index of the option a value names, or -1. Tolerant: exact text, canonical synonyms, then an answer
 * that *starts* with an option ("Yes. We enforce MFA ..." picks "Yes"). Longest match wins so
 * "No" does not steal "Not applicable".
 */
export function matchOption(options: readonly string[], value: string): number {
  const want = canonical(value);
  if (!want) return -1;
  const canon = options.map(canonical);
  const exact = options.findIndex((o) => normalize(o).toLowerCase() === normalize(value).toLowerCase());
  if (exact >= 0) return exact;
  const same = canon.indexOf(want);
  if (same >= 0) return same;
  // Leading word/sentence of a longer answer: "Yes - annually", "No, we don't".
  const lead = canonical(value.split(/[.,;:(\n–—-]/)[0] ?? '');
  if (lead && lead !== want) {
    const byLead = canon.indexOf(lead);
    if (byLead >= 0) return byLead;
  }
  let best = -1;
  let bestLen = 0;
  canon.forEach((c, i) => {
    if (c.length > bestLen && c.length >= 2 && (want.startsWith(`${c} `) || want === c || c.startsWith(`${want} `))) {
      best = i;
      bestLen = c.length;
    }
  });
  return best;
}

const TRUE_WORDS = /^(?:y|yes|true|1|on|checked|x|✓|✔|agree|i agree)$/i;
const FALSE_WORDS = /^(?:n|no|false|0|off|unchecked|)$/i;

/** For a lone checkbox: does the value mean "ticked"? undefined when it says neither. */
export function truthy(value: string, label?: string): boolean | undefined {
  const t = normalize(value);
  if (label && canonical(t) === canonical(label)) return true;
  if (TRUE_WORDS.test(t) || canonical(t) === 'yes') return true;
  if (FALSE_WORDS.test(t) || canonical(t) === 'no') return false;
  return undefined;
}

/** Multi-valued answers travel as labels joined by "; " (QuestionField.value). */
export function splitMulti(value: string): string[] {
  return value
    .split(/\s*[;\n]\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}
