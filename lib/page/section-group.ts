// Section names from an enclosing group rather than a heading element: a fieldset's legend, a labelled
// group/region/section (SurveyJS panels), or a card/panel header block. Each counts only when the group
// holds several questions; a group around one question is that question's own title, not a section.
import { attr, CONTROLISH, idRefs } from './dom';
import { textOf } from './read-text';
import { isCommentLike, isNumberOnly, normalize } from './text';

const LABELLED = /^(group|region)$/;
const NOT_HEADER = `${CONTROLISH},a[href],button,[role=button],[role=link],[role=tab],[role=menuitem]`;

function labelOf(el: Element): string {
  const ids = idRefs(el, 'aria-labelledby');
  if (ids.length) return normalize(ids.map((r) => textOf(r)).join(' '));
  return normalize(attr(el, 'aria-label'));
}

/** A short title-like text: not a sentence, not a question, not a number or a comment cue. */
function titleLike(t: string): boolean {
  return !!t && t.length <= 80 && t.split(' ').length <= 10 && !/[.?]$/.test(t) && !isNumberOnly(t) && !isCommentLike(t);
}

/** Section title carried by `group`, an ancestor that holds more than one question (caller checks). */
export function groupTitle(group: Element): string {
  if (/^(HTML|BODY)$/.test(group.tagName)) return '';
  if (group.tagName === 'FIELDSET') {
    const legend = group.querySelector(':scope > legend');
    const t = legend ? textOf(legend) : '';
    if (t) return t;
  }
  if (LABELLED.test(attr(group, 'role')) || group.tagName === 'SECTION') {
    const t = labelOf(group);
    if (t) return t;
  }
  // Card / panel header: the first block, when it is plain short text (never a button, link or control).
  const head = group.firstElementChild;
  if (!head || head.matches(NOT_HEADER) || head.querySelector(NOT_HEADER)) return '';
  const t = textOf(head);
  return titleLike(t) ? t : '';
}
