// UK spellings folded onto US ones before stemming, so "data centre" meets "data center" and "behaviour"
// meets "behavior". The stemmer already folds -ise/-isation onto -ize/-ization; these are the spellings it
// cannot reach by stripping suffixes. A word list, not rules: "-our" and "-tre" endings have too many
// ordinary words ("hour", "four", "your") for a pattern to be safe.

const ROOTS: ReadonlyArray<readonly [uk: string, us: string, forms: readonly string[]]> = [
  ['centre', 'center', ['', 's', 'd']],
  ['fibre', 'fiber', ['', 's']],
  ['metre', 'meter', ['', 's']],
  ['litre', 'liter', ['', 's']],
  ['calibre', 'caliber', ['']],
  ['behaviour', 'behavior', ['', 's', 'al']],
  ['colour', 'color', ['', 's', 'ed']],
  ['favour', 'favor', ['', 's', 'ed', 'able', 'ite']],
  ['honour', 'honor', ['', 's', 'ed']],
  ['labour', 'labor', ['', 's']],
  ['neighbour', 'neighbor', ['', 's', 'ing', 'hood']],
  ['endeavour', 'endeavor', ['', 's']],
  ['rumour', 'rumor', ['', 's']],
  ['licence', 'license', ['', 's']],
  ['defence', 'defense', ['', 's']],
  ['offence', 'offense', ['', 's']],
  ['pretence', 'pretense', ['']],
  ['analyse', 'analyze', ['', 's', 'd', 'r', 'rs']],
  ['analysing', 'analyzing', ['']],
  ['paralyse', 'paralyze', ['', 'd']],
  ['catalogue', 'catalog', ['', 's']],
  ['dialogue', 'dialog', ['', 's']],
  ['programme', 'program', ['', 's']],
  ['practise', 'practice', ['', 's', 'd']],
  ['practising', 'practicing', ['']],
  ['judgement', 'judgment', ['', 's']],
  ['acknowledgement', 'acknowledgment', ['', 's']],
  ['ageing', 'aging', ['']],
  ['grey', 'gray', ['']],
  ['enrol', 'enroll', ['', 's']],
  ['enrolment', 'enrollment', ['', 's']],
  ['fulfil', 'fulfill', ['', 's']],
  ['fulfilment', 'fulfillment', ['']],
  ['instalment', 'installment', ['', 's']],
  ['cheque', 'check', ['', 's']],
  ['tyre', 'tire', ['', 's']],
  ['storey', 'story', ['']],
  ['aluminium', 'aluminum', ['']],
  ['sceptical', 'skeptical', ['']],
  ['manoeuvre', 'maneuver', ['', 's']],
  ['plough', 'plow', ['']],
  ['whilst', 'while', ['']],
  ['amongst', 'among', ['']],
];

/** Doubled "l" before -ed/-ing/-er in UK spelling: "labelled", "modelling", "cancelled", "travelled". */
const DOUBLE_L = [
  'label',
  'model',
  'cancel',
  'travel',
  'signal',
  'fuel',
  'channel',
  'level',
  'tunnel',
  'counsel',
  'marshal',
  'dial',
  'total',
  'equal',
  'initial',
];

const MAP = new Map<string, string>();
for (const [uk, us, forms] of ROOTS) for (const f of forms) MAP.set(uk + f, us + f);
for (const w of DOUBLE_L) for (const f of ['ed', 'ing', 'er', 'ers']) MAP.set(`${w}l${f}`, `${w}${f}`);

/** The US spelling of a lowercase word, or the word itself. */
export function usSpelling(word: string): string {
  return MAP.get(word) ?? word;
}
