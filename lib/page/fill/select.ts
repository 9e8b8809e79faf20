// Native <select>: pick the option by its visible text (Angular option values look like "1: yes"),
// tolerant of synonyms ("N/A" ≈ "Not applicable"); input + change so every framework commits.
import { blur, fireChange, fireInput, focus } from './events';
import { canonical, isPlaceholderOption, matchOption, splitMulti } from '../text';
import { optionText } from '../option-text';
import { done, fail, type WriteOutcome } from './types';
import { selectText as readSelect } from '../values';
import * as ERR from '../errors';

export function writeSelect(sel: HTMLSelectElement, value: string): WriteOutcome {
  const opts = [...sel.options];
  const texts = opts.map(optionText);
  const wanted = sel.multiple ? splitMulti(value) : [value];
  const picks = new Set<number>();
  if (value.trim() !== '') {
    for (const w of wanted) {
      let i = matchOption(texts, w);
      if (i < 0) i = opts.findIndex((o) => canonical(o.value) === canonical(w));
      if (i < 0 || (isPlaceholderOption(texts[i] ?? '') && !isPlaceholderOption(w)))
        return fail(
          readSelect(sel),
          ERR.noOption(
            w,
            texts.filter((t) => !isPlaceholderOption(t)),
          ),
        );
      if (opts[i]!.disabled) return fail(readSelect(sel), ERR.optionDisabled(texts[i] ?? ''));
      picks.add(i);
    }
  } else {
    // Clearing: back to the placeholder option, or to no selection.
    const ph = opts.findIndex((o) => o.value === '' || isPlaceholderOption(optionText(o)));
    if (ph >= 0) picks.add(ph);
  }
  focus(sel);
  if (sel.multiple) opts.forEach((o, i) => (o.selected = picks.has(i)));
  else sel.selectedIndex = picks.size ? [...picks][0]! : -1;
  fireInput(sel, null, 'insertReplacementText');
  fireChange(sel);
  blur(sel);
  const got = readSelect(sel);
  // Read back in page order, whatever order the answer named them in.
  const expect = [...picks]
    .sort((a, b) => a - b)
    .filter((i) => !isPlaceholderOption(texts[i] ?? ''))
    .map((i) => texts[i])
    .join('; ');
  return got === expect ? done(got) : fail(got, ERR.notKept(got, expect));
}
