// Multi-selects answer as several checked options (kind 'checkbox'), whatever draws them: a native
// <select multiple>, an ARIA listbox marked aria-multiselectable, or a dropdown widget whose markup says it
// holds several values (Ant Design "ant-select-multiple", MUI "MuiSelect-multiple", react-select's
// "multiValue" chips). A closed react-select isMulti with nothing chosen shows none of that, so there the
// question's own words decide: "select all that apply", or "select the <plural noun>".
import { composedParent } from './dom';
import { listboxOf } from './values';
import { cleanQuestion } from './text';

const MULTI_CLASS = /(?:^|[-_])multi(?:ple|select|value)?$/i;
const ALL_THAT_APPLY =
  /\b(?:all|any|each) (?:that|which) appl(?:y|ies)\b|\bone or more\b|\bmultiple (?:answers|choices|selections)\b/i;
const SELECT_PLURAL =
  /^(?:please )?(?:select|choose|pick|tick|check|mark) (?:all |any )?(?:the |of the |your )?(?:[\p{L}-]+ ){0,2}[\p{L}-]*[^s\W]s\b/iu;

// "Which certifications do you hold?", "What kinds of tests run?": asks for every item of a plural noun.
// The noun is the first or second word after which/what; -ss/-is/-us words (process, basis, status) and
// auxiliary verbs ending in s are not plurals, and a word followed by a determiner is a verb taking its
// object ("Which lawful basis covers the ..."). Only for widgets whose markup says neither single nor multi.
const WHICH_PLURAL =
  /^(?:which|what)(?: (?:kinds?|types?|sorts?) of)?(?: [\p{L}-]+)?? ((?!(?:does|has|was|is|goes|kinds|types|sorts)\b)[\p{L}-]{2,}[^siu\W]s)\b(?! (?:the|a|an|your|our|their|its|this|these|those|all|any|each|every)\b)/iu;
const SINGLE_CLASS = /(?:^|[-_])single(?:value)?$/i;

const hasMultiClass = (el: Element): boolean => [...el.classList].some((c) => MULTI_CLASS.test(c));
const hasSingleClass = (el: Element): boolean => [...el.classList].some((c) => SINGLE_CLASS.test(c));

/** True when `el` (a select, combobox or listbox) takes several values; `question` is what it asks. */
export function isMultiSelect(el: Element, question: string): boolean {
  if (el.tagName === 'SELECT') return (el as HTMLSelectElement).multiple;
  const box = listboxOf(el);
  if (el.getAttribute('aria-multiselectable') === 'true' || box?.getAttribute('aria-multiselectable') === 'true')
    return true;
  // The widget around the input: a few levels up, while it holds no other form control.
  let single = false;
  for (let a: Element | null = el, n = 0; a && n < 4; a = composedParent(a), n++) {
    if (a !== el && a.querySelectorAll('input,select,textarea,[role=combobox]').length > 1) break;
    if (hasMultiClass(a) || [...a.querySelectorAll('[class*=multi],[class*=Multi]')].some(hasMultiClass)) return true;
    single ||= hasSingleClass(a) || [...a.querySelectorAll('[class*=single],[class*=Single]')].some(hasSingleClass);
  }
  if (ALL_THAT_APPLY.test(question) || SELECT_PLURAL.test(question)) return true;
  // A widget that says it holds one value (Ant Design "ant-select-single", react-select "singleValue") is
  // single whatever the question's number; one that says nothing is read by what the question asks for.
  return !single && WHICH_PLURAL.test(cleanQuestion(question).text);
}
