// The plain-BM25 baseline the classifier is compared with: the same catalog text (title, summary,
// description, keywords) in one field, plain word split, no lexicon, no stemming, no section heading, no
// crosswalk, no library.
import { FRAMEWORKS, type Framework } from '../../../lib/controls/framework';
import { Bm25Index } from '../../../lib/match/bm25';
import type { ControlSource } from '../../../lib/match/control-source';
import { words } from '../../../lib/match/lexicon';

const STOP = new Set(
  'a an and are as at be by do does for from has have how in is it of on or the to what which who with you your'.split(
    ' ',
  ),
);
const plain = (text: string): string[] => words(text).filter((w) => !STOP.has(w));

/** (question, framework) -> the three best control ids. */
export function plainBm25(source: ControlSource): (question: string, framework: Framework) => string[] {
  const per = new Map<Framework, { bm25: Bm25Index; ids: string[]; order: Int32Array }>();
  for (const framework of FRAMEWORKS) {
    const controls = source.controls.filter((c) => c.framework === framework);
    const bm25 = new Bm25Index([{ name: 'all', weight: 1, b: 0.75 }]);
    for (const c of controls)
      bm25.add([plain(`${c.title} ${c.summary} ${c.description ?? ''} ${c.keywords.join(' ')}`)]);
    const ids = controls.map((c) => c.id);
    // Ties break by control id: each document's place in id order.
    const order = new Int32Array(ids.length);
    ids
      .map((id, d) => [id, d] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .forEach(([, d], r) => (order[d] = r));
    per.set(framework, { bm25, ids, order });
  }
  return (question, framework) => {
    const p = per.get(framework)!;
    const q = new Map<string, number>();
    for (const t of plain(question)) q.set(t, (q.get(t) ?? 0) + 1);
    return p.bm25.search(q, 3, p.order).map((h) => p.ids[h.doc]!);
  };
}
