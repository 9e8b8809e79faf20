// A comment box in its own block right after its question's block: portals often render
// <fieldset>question + Yes/No/N/A</fieldset><div><label>Please explain</label><textarea></div>, so the two
// share no container of their own. The pair is accepted only when the two blocks are adjacent siblings,
// each holds nothing of another question, and the box's label says it is a follow-up.
import { composedContains, composedParent } from './dom';
import { readItems } from './read-text';
import { isCommentLike } from './text';

/** The child of `anc` that holds `el` (composed tree), or null. */
function childUnder(anc: Element, el: Element): Element | null {
  for (let cur: Element | null = el; cur;) {
    const p = composedParent(cur);
    if (p === anc) return cur;
    cur = p;
  }
  return null;
}

/**
 * `first`/`last`: the question's first and last controls; `box`: the comment box; `prev`: the last element
 * of the question before, `next`: the first control of the unit after the box.
 */
export function commentBlockAfter(
  lca: Element,
  first: Element,
  last: Element,
  box: Element,
  prev?: Element,
  next?: Element,
): boolean {
  const a = childUnder(lca, last);
  const b = childUnder(lca, box);
  if (!a || !b || a.nextElementSibling !== b || childUnder(lca, first) !== a) return false;
  if ((prev && composedContains(a, prev)) || (next && composedContains(b, next))) return false;
  // Any text in the box's block before it must be a follow-up cue too, not a new question.
  for (const it of readItems(b, { isControl: (el) => el === box, exclude: () => false })) {
    if (it.type === 'control') return true;
    if (!isCommentLike(it.text)) return false;
  }
  return true;
}
