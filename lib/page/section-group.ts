// Section names from an enclosing group rather than a heading element: a fieldset's legend, a labelled
// group/region/section (SurveyJS panels), or a card/panel header block. Each counts only when the group
// holds several questions; a group around one question is that question's own title, not a section.
import { attr, CONTROLISH } from './dom';
import { ariaName } from './label';
import { textOf } from './read-text';
import { isCommentLike, isNumberOnly } from './text';

const NOT_HEADER = `${CONTROLISH},a,button,[role=button],[role=link]`;

/** A short title-like text: not a sentence, not a question, not a number or a comment cue. */
const titleLike = (t: string): boolean =>
  !!t && t.length <= 80 && t.split(' ').length <= 10 && !/[.?]$/.test(t) && !isNumberOnly(t) && !isCommentLike(t);

/** Section title carried by `group`, an ancestor that holds more than one question (caller checks). */
export function groupTitle(group: Element): string {
  // Tables name sections with caption / spanning rows (section.ts); a header row is column titles.
  if (
    /^(HTML|BODY|TABLE|THEAD|TBODY|TFOOT|TR)$/.test(group.tagName) ||
    /^(grid|table|rowgroup|row)$/.test(attr(group, 'role'))
  )
    return '';
  const legend = group.tagName === 'FIELDSET' && group.querySelector(':scope>legend');
  if (legend && textOf(legend)) return textOf(legend);
  if (/^(group|region)$/.test(attr(group, 'role')) || group.tagName === 'SECTION') {
    const t = ariaName(group);
    if (t) return t;
  }
  // Card / panel header: the first block, when it is plain short text (never a button, link or control) or
  // the toggle that opens the panel body right after it (an accordion header; form.io's card-header
  // role=button aria-controls=<body>), whose words name that panel.
  const head = group.firstElementChild;
  if (!head) return '';
  const body = attr(head, 'aria-controls');
  if ((!(body && body === head.nextElementSibling?.id) && head.matches(NOT_HEADER)) || head.querySelector(NOT_HEADER))
    return '';
  const t = textOf(head);
  return titleLike(t) ? t : '';
}
