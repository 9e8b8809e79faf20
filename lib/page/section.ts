// Section context: the nearest heading before a question in document order, found by walking backwards
// from the question's container. The walk stops at the previous question's container and inherits its
// section, so a whole page costs one pass and an incremental rescan only walks the gap it changed.
import { attr, composedParent } from './dom';
import { textOf } from './read-text';
import { isSectionRow } from './table';
import { normalize } from './text';
import { groupTitle } from './section-group';

const HEADING_TAGS = /^(H1|H2|H3|H4|H5|H6|CAPTION)$/;

// Never a button, link or control: an accordion's "Collapse" toggle is not a section name. A legend only
// names a section through its fieldset (section-group.ts), since most legends are one question's title.
function headingText(el: Element): string | null {
  if (HEADING_TAGS.test(el.tagName) || attr(el, 'role') === 'heading') return textOf(el) || null;
  if (isSectionRow(el)) return textOf(el) || null;
  return null;
}

/** The question's own title (possibly with its number or required marker) is not its section. */
const ownTitle = (h: string, skip: string): boolean => h === skip || (skip.length > 0 && h.includes(skip));

/**
 * `sections` maps known question containers to their section ('' = none); it is read and extended. The walk
 * starts at `from` (the question's first control, so a heading inside its container counts); `holdsOther`
 * tells whether an ancestor also holds another question, making it a group that may carry a title.
 */
export function sectionOf(
  container: Element,
  sections: WeakMap<Element, string>,
  skip = '',
  from: Element = container,
  holdsOther: (el: Element) => boolean = () => false,
): string {
  const descend = (el: Element): { hit: string } | Element => {
    // Walk down the last-child chain; stop at a known container or a heading.
    let cur = el;
    for (;;) {
      const known = sections.get(cur);
      if (known !== undefined) return { hit: known };
      const h = headingText(cur);
      // A heading that is this question's own title (read from just before its container) is not its section.
      if (h && !ownTitle(normalize(h), skip)) return { hit: normalize(h) };
      const last = cur.lastElementChild;
      if (!last) return cur;
      cur = last;
    }
  };
  let cur: Element | null = from;
  let steps = 0;
  while (cur && steps++ < 20000) {
    const prev: Element | null = cur.previousElementSibling;
    if (prev) {
      const r = descend(prev);
      if ('hit' in r) return r.hit;
      cur = r;
      continue;
    }
    cur = composedParent(cur);
    if (!cur) break;
    const known = sections.get(cur);
    if (known !== undefined) return known;
    const g = cur !== container && holdsOther(cur) ? groupTitle(cur) : '';
    if (g && !ownTitle(g, skip)) return g;
  }
  return '';
}
