// Section context: the nearest heading before a question in document order, found by walking backwards
// from the question's container. The walk stops at the previous question's container and inherits its
// section, so a whole page costs one pass and an incremental rescan only walks the gap it changed.
import { attr, composedParent } from './dom';
import { textOf } from './read-text';
import { isSectionRow } from './table';
import { normalize } from './text';

const HEADING_TAGS = /^(H1|H2|H3|H4|H5|H6|CAPTION)$/;

function headingText(el: Element): string | null {
  if (HEADING_TAGS.test(el.tagName) || attr(el, 'role') === 'heading' || el.tagName === 'LEGEND') return textOf(el) || null;
  if (isSectionRow(el)) return textOf(el) || null;
  // Accordion headers: a button that expands a region (notes P18).
  if (el.tagName === 'BUTTON' && el.hasAttribute('aria-expanded') && el.hasAttribute('aria-controls')) return textOf(el) || null;
  return null;
}

/** `sections` maps known question containers to their section ('' = none); it is read and extended. */
export function sectionOf(container: Element, sections: WeakMap<Element, string>, skip = ''): string {
  const descend = (el: Element): { hit: string } | Element => {
    // Walk down the last-child chain; stop at a known container or a heading.
    let cur = el;
    for (;;) {
      const known = sections.get(cur);
      if (known !== undefined) return { hit: known };
      const h = headingText(cur);
      // A heading that is this question's own title (read from just before its container) is not its section.
      if (h && normalize(h) !== skip) return { hit: normalize(h) };
      const last = cur.lastElementChild;
      if (!last) return cur;
      cur = last;
    }
  };
  let cur: Element | null = container;
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
  }
  return '';
}
