// The dev-set figures split by the label conventions their READMEs describe, so a miss can be told apart
// from the way a set labels: Adobe CCF lists one or two house-chosen ids per statement, some only
// management-system clauses; NIST's labels are shared by every requirement of a merged Appendix D cell,
// some are all asterisked ("does not fully satisfy"), and the eleven controls new in 2022 can never be a
// label. Printed beside the headline figures; nothing here is fitted or used to rank.
import type { Framework } from '../../../lib/controls/framework';
import type { ControlSource } from '../../../lib/match/control-source';
import { hits, pct, type Hits, type Ranker } from './metrics';
import type { LabelledQuestion, LabelledSet } from './sets';

interface Split {
  name: string;
  frameworks: readonly Framework[];
  keep: (q: LabelledQuestion, f: Framework) => boolean;
}

const isClause = (id: string): boolean => !/^(A\.|CC|[A-Z]+\d)/.test(id);
const labelsOf = (q: LabelledQuestion, f: Framework): string[] => q.labels[f] ?? [];

const SPLITS: Record<string, Split[]> = {
  'Adobe CCF': [
    {
      name: 'an Annex A control among the labels',
      frameworks: ['iso27001:2022'],
      keep: (q, f) => labelsOf(q, f).some((id) => !isClause(id)),
    },
    {
      name: 'management-system clauses only',
      frameworks: ['iso27001:2022'],
      keep: (q, f) => labelsOf(q, f).every(isClause),
    },
    { name: 'one label', frameworks: ['iso27001:2022', 'soc2:2017'], keep: (q, f) => labelsOf(q, f).length === 1 },
    {
      name: 'two or more labels',
      frameworks: ['iso27001:2022', 'soc2:2017'],
      keep: (q, f) => labelsOf(q, f).length > 1,
    },
  ],
  'NIST 800-171': [
    {
      name: 'own Appendix D cell',
      frameworks: ['iso27001:2022', 'iso27001:2013'],
      keep: (q) => !!q.tags?.includes('own-cell'),
    },
    {
      name: 'cell shared with other requirements',
      frameworks: ['iso27001:2022', 'iso27001:2013'],
      keep: (q) => !!q.tags?.includes('shared-cell'),
    },
    {
      name: 'every ISO id asterisked',
      frameworks: ['iso27001:2022', 'iso27001:2013'],
      keep: (q) => !!q.tags?.includes('all-asterisked'),
    },
  ],
};

const line = (h: Hits): string => `${pct(h.hit1, h.n)} / ${pct(h.hit3, h.n)} (n=${h.n})`;

function only(set: LabelledSet, f: Framework, keep: Split['keep']): LabelledSet {
  return {
    ...set,
    frameworks: [f],
    questions: set.questions.filter((q) => labelsOf(q, f).length > 0 && keep(q, f)),
  };
}

/** 2022 controls no 2013 control turns into (ISO/IEC 27002:2022 Annex B): never a NIST label. */
export function newIn2022(source: ControlSource): Set<string> {
  const inherited = new Set(
    source.edges
      .filter((e) => e.from.framework === 'iso27001:2013' && e.to.framework === 'iso27001:2022')
      .map((e) => e.to.id),
  );
  return new Set(
    source.controls
      .filter((c) => c.framework === 'iso27001:2022' && c.kind !== 'clause' && !inherited.has(c.id))
      .map((c) => c.id),
  );
}

/** Prints hit@1 / hit@3 of each ranker on each convention's subset of a set. */
export function printConventions(
  set: LabelledSet,
  rankers: ReadonlyArray<{ name: string; rank: Ranker }>,
  source: ControlSource,
): void {
  for (const split of SPLITS[set.name] ?? [])
    for (const f of split.frameworks) {
      const sub = only(set, f, split.keep);
      if (sub.questions.length === 0) continue;
      const figures = rankers.map((r) => `${r.name} ${line(hits(sub, r.rank)[f]!)}`).join(' | ');
      console.log(`  by label convention: ${set.name} ${f}, ${split.name}: ${figures}`);
    }
  if (set.name !== 'NIST 800-171') return;
  // The 2013 -> 2022 conversion can never produce a control new in 2022; a rank-1 miss that names one is
  // marked wrong by construction. Counted as hits, they bound what the conversion costs.
  const fresh = newIn2022(source);
  for (const r of rankers) {
    let missNew = 0;
    let n = 0;
    let hit1 = 0;
    for (const q of set.questions) {
      const labels = labelsOf(q, 'iso27001:2022');
      if (labels.length === 0) continue;
      n++;
      const top = r.rank(q)['iso27001:2022']?.[0];
      if (top !== undefined && labels.includes(top)) hit1++;
      else if (top !== undefined && fresh.has(top)) missNew++;
    }
    console.log(
      `  by label convention: ${set.name} iso27001:2022, ${r.name}: ${missNew} rank-1 misses name a control new in 2022 (never a label); counted as hits hit@1 would be ${pct(hit1 + missNew, n)}`,
    );
  }
}
