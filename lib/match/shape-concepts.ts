// What a choice option means, and what an answer text says, in comparable terms: how often (frequency
// terms), how long or how many (amounts), or which named thing ("SOC 2 Type II", "AWS"). Both sides are
// read with the same patterns, so "Annually" on the page meets "every 12 months" in the library.

/** Frequency terms. Periods carry their length in days; the others are events, not intervals. */
export interface FreqTerm {
  kind: 'period' | 'event' | 'hire' | 'continuous';
  /** Period bounds in days ("Every 2-3 years" = 730..1095; "At least annually" = 0..365). */
  lo: number;
  hi: number;
  /** Where in the text the term was found (answer side: which clause supports it). */
  at: number;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  eighteen: 18,
  thirty: 30,
  sixty: 60,
  ninety: 90,
  'twenty-four': 24,
  'seventy-two': 72,
};
const NUM = `(?:\\d+(?:[.,]\\d+)?|${Object.keys(NUMBER_WORDS).join('|')})`;
export function toNumber(s: string): number {
  const w = NUMBER_WORDS[s.toLowerCase()];
  return w ?? Number(s.replace(/,(?=\d{3}\b)/g, '').replace(',', '.'));
}

const PERIOD_DAYS: Record<string, number> = {
  day: 1,
  week: 7,
  fortnight: 14,
  month: 365 / 12,
  quarter: 365 / 4,
  year: 365,
};
const PERIOD_WORDS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\b(?:daily|nightly)\b/g, 1],
  [/\bweekly\b/g, 7],
  [/\b(?:fortnightly|bi-?weekly)\b/g, 14],
  [/\bmonthly\b/g, 365 / 12],
  [/\bquarterly\b/g, 365 / 4],
  [
    /\b(?:semi-?annual(?:ly)?|bi-?annual(?:ly)?|half-?year(?:ly)?|twice (?:a|per|each|every) year|two times (?:a|per) year)\b/g,
    365 / 2,
  ],
  [/\b(?:annual(?:ly)?|yearly)\b/g, 365],
  [/\bbiennial(?:ly)?\b/g, 730],
];
const EVERY = new RegExp(
  `\\b(?:every|each|per)\\s+(other\\s+)?(?:(${NUM})(?:\\s*(?:-|–|to|or)\\s*(${NUM}))?\\s+)?(day|week|fortnight|month|quarter|year)s?\\b`,
  'g',
);
const TIMES =
  /\b(once|twice|two times|three times|four times)\s+(?:a|per|each|every)\s+(day|week|month|quarter|year)\b/g;
const TIMES_N: Record<string, number> = { once: 1, twice: 2, 'two times': 2, 'three times': 3, 'four times': 4 };
const EVENT =
  /\b(?:ad[- ]hoc|as needed|as required|on demand|on change|out[- ]of[- ]cycle|event[- ]driven|triggered by|when(?:ever)?\b[^.;]{0,40}\bchang\w*|upon\b[^.;]{0,30}\bchang\w*|after (?:major|significant) (?:changes?|incidents?))/g;
const HIRE =
  /\b(?:(?:at|upon|on|after|before)\s+(?:hire|hiring|joining|onboarding|starting)|onboarding|new (?:hires?|joiners?|starters?)|of (?:starting|joining|hire)|when (?:they|staff|employees|people|workers) (?:join|start))\b/g;
const CONTINUOUS = /\b(?:continuous(?:ly)?|real[- ]time|around the clock|24\/7)\b/g;

function each(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) fn(m);
}

/** Frequency terms in a (lower-case) text, in order of appearance. */
export function frequencyTerms(input: string): FreqTerm[] {
  const out: FreqTerm[] = [];
  // Each phrase is read once: masking what matched keeps "semi-annually" from also reading as "annually".
  let text = input;
  const mask = (m: RegExpExecArray): void =>
    void (text = text.slice(0, m.index) + ' '.repeat(m[0].length) + text.slice(m.index + m[0].length));
  const period = (days: number, m: RegExpExecArray, hi = days): void => {
    out.push({ kind: 'period', lo: days, hi, at: m.index });
    mask(m);
  };
  each(TIMES, text, (m) => period(PERIOD_DAYS[m[2]!]! / TIMES_N[m[1]!]!, m));
  for (const [re, days] of PERIOD_WORDS) each(re, text, (m) => period(days, m));
  each(EVERY, text, (m) => {
    const unit = PERIOD_DAYS[m[4]!]!;
    const a = m[2] ? toNumber(m[2]) : 1;
    const b = m[3] ? toNumber(m[3]) : a;
    const k = m[1] ? 2 : 1;
    period(a * unit * k, m, b * unit * k);
  });
  each(EVENT, text, (m) => void out.push({ kind: 'event', lo: 0, hi: 0, at: m.index }));
  each(HIRE, text, (m) => void out.push({ kind: 'hire', lo: 0, hi: 0, at: m.index }));
  each(CONTINUOUS, text, (m) => void out.push({ kind: 'continuous', lo: 0, hi: 0, at: m.index }));
  return out.sort((x, y) => x.at - y.at);
}

/** An amount: a duration in hours, or a plain count. `lo`/`hi` bound it; open ends are 0 / Infinity. */
export interface Amount {
  unit: 'hours' | 'count';
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
  /** The number the text states (for "Within 7 days": 168 hours). */
  stated: number;
  at: number;
}

const UNIT_HOURS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:minutes?|mins?)$/, 1 / 60],
  [/^(?:hours?|hrs?|h)$/, 1],
  [/^(?:(?:business |working |calendar )?days?|d)$/, 24],
  [/^weeks?$/, 168],
  [/^months?$/, 730],
  [/^(?:years?|yrs?)$/, 8760],
];
const UNIT = '(?:minutes?|mins?|hours?|hrs?|h|(?:business |working |calendar )?days?|weeks?|months?|years?|yrs?)';
export function unitHours(unit: string | undefined): number | undefined {
  if (unit === undefined) return undefined;
  for (const [re, h] of UNIT_HOURS) if (re.test(unit.trim())) return h;
  return undefined;
}

const LESS = '(?:<=?|≤|less than|fewer than|under|below|within|up to|no more than|at most|maximum of)';
const MORE = '(?:>=?|≥|more than|over|greater than|longer than|at least|minimum of|above)';

/** Parses one option label as an amount ("< 24 hours", "1-4 hours", "90 days to 6 months", "51-200", "1,000+"). */
export function parseAmountOption(label: string): Amount | undefined {
  const t = label.toLowerCase().replace(/\s+/g, ' ').trim();
  const scaled = (
    n: string,
    unit: string | undefined,
    fallback?: string,
  ): { v: number; unit: Amount['unit'] } | undefined => {
    const h = unitHours(unit) ?? unitHours(fallback);
    if ((unit ?? fallback) !== undefined && h === undefined) return undefined;
    return { v: toNumber(n) * (h ?? 1), unit: h === undefined ? 'count' : 'hours' };
  };
  let m = new RegExp(`^(?:${LESS})\\s*(${NUM})\\s*(${UNIT})?$`).exec(t);
  if (m) {
    const a = scaled(m[1]!, m[2]);
    const open = !/within|up to|no more|at most|maximum|<=|≤/.test(t);
    return a && { unit: a.unit, lo: 0, hi: a.v, loOpen: false, hiOpen: open, stated: a.v, at: 0 };
  }
  m =
    new RegExp(`^(?:${MORE})\\s*(${NUM})\\s*(${UNIT})?$`).exec(t) ??
    new RegExp(`^(${NUM})\\s*(${UNIT})?\\s*(?:\\+|or more|or longer|and (?:over|above|more))$`).exec(t);
  if (m) {
    const a = scaled(m[1]!, m[2]);
    const open = /more than|over|greater|longer than|above|^>(?!=)/.test(t);
    return a && { unit: a.unit, lo: a.v, hi: Infinity, loOpen: open, hiOpen: true, stated: a.v, at: 0 };
  }
  m = new RegExp(`^(?:between )?(${NUM})\\s*(${UNIT})?\\s*(?:-|–|to|and)\\s*(${NUM})\\s*(${UNIT})?$`).exec(t);
  if (m) {
    const a = scaled(m[1]!, m[2], m[4]);
    const b = scaled(m[3]!, m[4], m[2]);
    return a && b && a.unit === b.unit
      ? { unit: a.unit, lo: a.v, hi: b.v, loOpen: false, hiOpen: false, stated: b.v, at: 0 }
      : undefined;
  }
  m = new RegExp(`^(${NUM})\\s*(${UNIT})$`).exec(t);
  if (m) {
    const a = scaled(m[1]!, m[2]);
    return a && { unit: a.unit, lo: a.v, hi: a.v, loOpen: false, hiOpen: false, stated: a.v, at: 0 };
  }
  return undefined;
}

/** Durations an answer states ("within 7 days", "retained for 12 months", "a 4-hour RTO"). */
export function answerDurations(text: string): Amount[] {
  const out: Amount[] = [];
  const re = new RegExp(`(?:(${LESS}|${MORE})\\s+)?\\b(${NUM})[\\s-]*(${UNIT})\\b`, 'g');
  each(re, text, (m) => {
    const h = unitHours(m[3]);
    if (h === undefined) return;
    const v = toNumber(m[2]!) * h;
    const q = m[1] ?? '';
    const atMost = new RegExp(`^${LESS}$`).test(q) && q !== '';
    const atLeast = new RegExp(`^${MORE}$`).test(q) && q !== '';
    out.push({
      unit: 'hours',
      lo: atMost ? 0 : v,
      hi: atLeast ? Infinity : v,
      loOpen: false,
      hiOpen: false,
      stated: v,
      at: m.index,
    });
  });
  return out;
}

/** Counts an answer states next to a noun the question uses ("about 180 employees" for "How many employees"). */
export function answerCounts(text: string, nouns: ReadonlySet<string>): Amount[] {
  const out: Amount[] = [];
  each(/\b(\d{1,3}(?:,\d{3})+|\d+)\s+([a-z-]+)/g, text, (m) => {
    const noun = m[2]!.replace(/s$/, '');
    if (!nouns.has(noun)) return;
    const v = toNumber(m[1]!);
    out.push({ unit: 'count', lo: v, hi: v, loOpen: false, hiOpen: false, stated: v, at: m.index });
  });
  return out;
}

/** Abbreviations expanded before named options are looked up ("US" -> "united states"). Acronyms are matched
 *  case-sensitively so "contact us" stays a pronoun. */
const ALIASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:US|USA|U\.S\.)(?![a-z])/g, ' united states '],
  [/\bEU\b/g, ' european union '],
  [/\bUK\b/g, ' united kingdom '],
  [/\bAPAC\b/g, ' asia-pacific '],
  [/\bAWS\b/g, ' amazon web services aws '],
  [/\bGCP\b/g, ' google cloud platform gcp '],
  [/\b[Aa]zure\b/g, ' microsoft azure '],
  [/\b[Tt]ype (?:II|ii|2)\b/g, ' type 2 '],
  [/\b[Tt]ype (?:I|i|1)\b/g, ' type 1 '],
];
/** Words a named option can omit or the answer can add without changing which thing is named. */
const FILLER = new Set([
  'iec',
  'the',
  'of',
  'and',
  'a',
  'an',
  'inc',
  'ltd',
  'llc',
  'certification',
  'certified',
  'report',
  'attestation',
  'standard',
  'region',
  'regions',
]);

/** Expands abbreviations (case-sensitive) and lower-cases; keeps offsets meaningful per sentence only. */
export function expandAliases(text: string): string {
  let t = text;
  for (const [re, v] of ALIASES) t = t.replace(re, v);
  return t.toLowerCase();
}

/** The words and version numbers that name a thing ("ISO/IEC 27001" -> iso, 27001). Expects expandAliases output. */
export function nameTokens(expanded: string): string[] {
  return (expanded.match(/[a-z]+|\d+(?:\.\d+)*/g) ?? []).filter((w) => !FILLER.has(w));
}
