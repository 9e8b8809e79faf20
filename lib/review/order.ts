// Questionnaire order for the reviewer: sections in the order the questionnaire has them, questions by their
// printed number within a section ("2.10" after "2.9"), then page position, then fill time. Records from
// before numbers and positions were kept fall back to fill order.
import type { FillRecord } from './schema';

/** Compare "2.10" and "2.9" (or "IAM-02" and "IAM-10") the way a reader counts. */
export function compareNumbers(a: string, b: string): number {
  const parts = (s: string) => s.toLowerCase().match(/\d+|\D+/g) ?? [];
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d) return d;
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

type Orderable = Pick<FillRecord, 'section' | 'number' | 'position' | 'at' | 'id'>;

export function questionnaireOrder<T extends Orderable>(records: readonly T[]): T[] {
  // A section's place: the earliest position of any of its questions, else its earliest fill.
  const sectionRank = new Map<string, [number, string]>();
  for (const r of records) {
    const key = r.section ?? '';
    const [pos, at] = sectionRank.get(key) ?? [Infinity, r.at];
    sectionRank.set(key, [Math.min(pos, r.position ?? Infinity), at < r.at ? at : r.at]);
  }
  const rank = (r: T) => sectionRank.get(r.section ?? '')!;
  return [...records].sort((a, b) => {
    const [pa, ta] = rank(a);
    const [pb, tb] = rank(b);
    if ((a.section ?? '') !== (b.section ?? '')) return pa !== pb ? (pa < pb ? -1 : 1) : ta.localeCompare(tb);
    if (a.number && b.number) {
      const d = compareNumbers(a.number, b.number);
      if (d) return d;
    }
    const qa = a.position ?? Infinity;
    const qb = b.position ?? Infinity;
    if (qa !== qb) return qa < qb ? -1 : 1;
    return a.at.localeCompare(b.at) || a.id.localeCompare(b.id);
  });
}
