// The import preview in plain words: what happens to the answers once imported, as the side panel will treat
// them ("158 answers will be suggested, and may be auto-filled, for customers under NDA"). Pure, for tests.
import type { PlanOutcome, ReusePermission } from '../../lib/library';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function audience(r: ReusePermission): string {
  switch (r.level) {
    case 'public':
      return 'any questionnaire, public ones included';
    case 'nda':
      return 'customers under NDA';
    case 'internal':
      return 'internal use only, never for a customer';
    case 'customer':
      return `${r.customer} only`;
  }
}

export function outcomeSentences(o: PlanOutcome): string[] {
  const out: string[] = [];
  const groups = [...o.approvedByReuse.values()].sort((a, b) => b.count - a.count);
  for (const g of groups)
    out.push(`${plural(g.count, 'answer')} will be suggested, and may be auto-filled, for ${audience(g.reuse)}.`);
  if (o.draft)
    out.push(
      `${plural(o.draft, 'draft')} will be suggested but never filled until someone approves ${o.draft === 1 ? 'it' : 'them'}.`,
    );
  if (o.retired) out.push(`${plural(o.retired, 'retired entry', 'retired entries')}: kept, never suggested.`);
  return out;
}
