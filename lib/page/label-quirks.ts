// Label rules for markup that real form libraries generate but the label-for/legend ladder misreads
// (evidence: test/fixtures/frameworks2, pages rendered by JSON Forms, react-jsonschema-form, form.io).
import { commonAncestor } from './dom';
import { cleanQuestion } from './text';

/**
 * for=id labels that really belong to `el` when the id is not unique. Libraries that derive option ids
 * from option values (JSON Forms vanilla radios: id="yes" in every Yes/No group) repeat ids across
 * questions, so label[for=yes] matches one label per group. A person reads the label sitting next to the
 * control: keep the labels whose lowest common ancestor with `el` holds no other element with that id.
 */
export function ownForLabels(el: Element, labels: Element[]): Element[] {
  if (labels.length < 2 || !el.id) return labels;
  const root = el.getRootNode() as Document | ShadowRoot;
  const twins = [...root.querySelectorAll(`[id="${el.id.replace(/["\\]/g, '\\$&')}"]`)].filter((t) => t !== el);
  if (twins.length === 0) return labels;
  return labels.filter((l) => {
    const shared = commonAncestor(l, el);
    return !!shared && !twins.some((t) => shared.contains(t));
  });
}

/**
 * A lone checkbox whose own label asks a question ("Do you perform background checks …?") is a yes/no
 * question in itself (JSON-schema booleans in rjsf and JSON Forms, form.io checkbox): its label is the
 * question, not an option, and the legend or heading before it names the section around it.
 */
export const asksQuestion = (label: string): boolean =>
  cleanQuestion(label)
    .text.replace(/[\s*]+$/, '')
    .endsWith('?');
