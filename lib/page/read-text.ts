// Reading visible text out of page structure: one element's text (for labels, cells, headings), and a
// container read as an ordered list of text blocks and controls (for "preceding text" inference).
import { normalize } from './text';
import { attr, words } from './dom';

const SKIP = words('SCRIPT STYLE NOSCRIPT TEMPLATE SELECT OPTION TEXTAREA INPUT IFRAME svg SVG CANVAS OBJECT');
const INLINE = words(
  'SPAN B STRONG EM I U A ABBR SMALL CODE SUP SUB MARK FONT S Q CITE TIME BDI BDO DFN KBD VAR LABEL SLOT',
);
const HEADING = /^H[1-6]$/;

function hiddenInline(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return !!style && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** The children to read for `node`: slots read their assigned nodes, hosts read their shadow tree. */
function childrenOf(node: Node): ArrayLike<Node> {
  if (node.nodeType === 1) {
    const el = node as Element;
    if (el.tagName === 'SLOT') {
      const assigned = (el as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
      if (assigned.length > 0) return assigned;
    }
    if (el.shadowRoot) return el.shadowRoot.childNodes;
  }
  return node.childNodes;
}

export interface TextOptions {
  /** Skip these subtrees (other controls, option labels). */
  exclude?: (el: Element) => boolean;
}

/** Text content as read aloud: skips scripts, form controls, hidden nodes; crosses slots and open shadow roots. */
export function textOf(node: Element, opts: TextOptions = {}): string {
  return readItems(node, { isControl: () => false, exclude: opts.exclude ?? (() => false) })
    .map((i) => (i.type === 'text' ? i.text : ''))
    .join(' ');
}

export type Item = { type: 'text'; text: string; heading: boolean; el: Element } | { type: 'control'; el: Element };

export interface ReadOptions {
  /** Elements that are answer controls (not descended into; marked as control items). */
  isControl: (el: Element) => boolean;
  /** Subtrees to skip entirely (option labels, buttons). */
  exclude: (el: Element) => boolean;
}

export const isHeadingEl = (el: Element): boolean =>
  HEADING.test(el.tagName) || attr(el, 'role') === 'heading' || el.tagName === 'LEGEND';

/**
 * A container as an ordered list of text blocks and controls. Inline content merges into one block;
 * block-level elements start a new block (so "2.3" + "Describe ..." in one div stay together, and a
 * help paragraph stays apart).
 */
export function readItems(container: Element, opts: ReadOptions): Item[] {
  const items: Item[] = [];
  let buf: string[] = [];
  let bufEl: Element = container;
  let bufHeading = false;
  const flush = (): void => {
    const text = normalize(buf.join(''));
    if (text) items.push({ type: 'text', text, heading: bufHeading, el: bufEl });
    buf = [];
    bufHeading = false;
  };
  const walk = (n: Node, heading: boolean): void => {
    const kids = childrenOf(n);
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i]!;
      if (k.nodeType === 3) {
        if (buf.length === 0) bufEl = k.parentElement ?? container;
        if (heading) bufHeading = true;
        buf.push(k.nodeValue ?? '');
        continue;
      }
      if (k.nodeType !== 1) continue;
      const el = k as Element;
      if (opts.isControl(el)) {
        flush();
        items.push({ type: 'control', el });
        continue;
      }
      if (SKIP.has(el.tagName) || hiddenInline(el) || opts.exclude(el)) continue;
      const block = !INLINE.has(el.tagName);
      if (block) flush();
      walk(el, heading || isHeadingEl(el));
      if (block) flush();
    }
  };
  walk(container, isHeadingEl(container));
  flush();
  return items;
}
