// Multi-selects answer as several checked options (kind 'checkbox'), whatever draws them: a native
// <select multiple>, an ARIA listbox marked aria-multiselectable, or a dropdown widget whose markup says it
// holds several values (Ant Design "ant-select-multiple", MUI "MuiSelect-multiple", react-select's
// "multiValue" chips). A closed react-select isMulti with nothing chosen shows none of that, so there the
// question's own words decide: "select all that apply", or "select the <plural noun>".
import { composedParent } from './dom';
import { listboxOf } from './values';

const MULTI_CLASS = /(?:^|[-_])multi(?:ple|select|value)?$/i;
const ALL_THAT_APPLY =
  /\b(?:all|any|each) (?:that|which) appl(?:y|ies)\b|\bone or more\b|\bmultiple (?:answers|choices|selections)\b/i;
const SELECT_PLURAL =
  /^(?:please )?(?:select|choose|pick|tick|check|mark) (?:all |any )?(?:the |of the |your )?(?:[\p{L}-]+ ){0,2}[\p{L}-]*[^s\W]s\b/iu;

const hasMultiClass = (el: Element): boolean => [...el.classList].some((c) => MULTI_CLASS.test(c));

/** True when `el` (a select, combobox or listbox) takes several values; `question` is what it asks. */
export function isMultiSelect(el: Element, question: string): boolean {
  if (el.tagName === 'SELECT') return (el as HTMLSelectElement).multiple;
  const box = listboxOf(el);
  if (el.getAttribute('aria-multiselectable') === 'true' || box?.getAttribute('aria-multiselectable') === 'true')
    return true;
  // The widget around the input: a few levels up, while it holds no other form control.
  for (let a: Element | null = el, n = 0; a && n < 4; a = composedParent(a), n++) {
    if (a !== el && a.querySelectorAll('input,select,textarea,[role=combobox]').length > 1) break;
    if (hasMultiClass(a) || [...a.querySelectorAll('[class*=multi],[class*=Multi]')].some(hasMultiClass)) return true;
  }
  return ALL_THAT_APPLY.test(question) || SELECT_PLURAL.test(question);
}
