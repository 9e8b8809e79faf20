// Citations for a suggestion: the entry (id, version, owner, dates), its evidence, and its controls in all
// three frameworks: its own, plus crosswalk counterparts with the edge (source, strength, dispute) that
// links them, so a reader can see which framework each claim actually satisfies.
import { FRAMEWORKS, type ControlRef, type Framework } from '../controls';
import type { AnswerEntry, EvidenceItem } from '../library/model';
import type { ControlSource, MatchEdge } from './control-source';
import type { Citations, EdgeCitation, EvidenceCitation } from './types';

type CitedControl = Citations['controls'][number];

interface EdgeIndex {
  titles: Map<string, string>;
  out: Map<string, MatchEdge[]>;
}
const edgeIndexes = new WeakMap<ControlSource, EdgeIndex>();
/** Entries share control sets, so citations are cached by the set (per source). */
const citedBySet = new WeakMap<ControlSource, Map<string, readonly CitedControl[]>>();
/** The same answer by the entry's own control list (entries are immutable), sparing the signature. */
const citedByList = new WeakMap<readonly ControlRef[], { source: ControlSource; cited: readonly CitedControl[] }>();
const k = (r: ControlRef): string => `${r.framework}|${r.id}`;

function edgeIndex(source: ControlSource): EdgeIndex {
  let idx = edgeIndexes.get(source);
  if (idx) return idx;
  const titles = new Map(source.controls.map((c) => [k(c), c.title]));
  const out = new Map<string, MatchEdge[]>();
  const push = (e: MatchEdge): void => {
    const list = out.get(k(e.from)) ?? [];
    list.push(e);
    out.set(k(e.from), list);
  };
  for (const e of source.edges) {
    push(e);
    push({ ...e, from: e.to, to: e.from }); // the reverse reading of the same published fact
  }
  // Guide edges start at a 2013 domain ("A.15"); they apply to every control in it.
  for (const e of source.domainEdges) {
    for (const c of source.controls) {
      if (c.framework === e.from.framework && c.id.startsWith(`${e.from.id}.`))
        push({ ...e, from: { framework: c.framework, id: c.id } });
    }
  }
  edgeIndexes.set(source, (idx = { titles, out }));
  return idx;
}

const RANK = { strong: 3, partial: 2, weak: 1 } as const;

/**
 * The entry's controls and their counterparts. Weak edges are cited only when no stronger edge reaches
 * that framework; a 2013 control reaches SOC 2 through its 2022 successor when no direct edge exists.
 */
export function citeControls(own: readonly ControlRef[], source: ControlSource): readonly CitedControl[] {
  const mine = citedByList.get(own);
  if (mine && mine.source === source) return mine.cited;
  let cache = citedBySet.get(source);
  if (!cache) {
    cache = new Map();
    citedBySet.set(source, cache);
  }
  const signature = own.map(k).join(',');
  let cited = cache.get(signature);
  if (!cited) {
    // Frozen through and through: suggestions share these objects instead of copying them.
    cited = Object.freeze(walk(own, source).map((c) => Object.freeze(c.via ? { ...c, via: Object.freeze(c.via) } : c)));
    if (cache.size < 20_000) cache.set(signature, cited);
  }
  citedByList.set(own, { source, cited });
  return cited;
}

function walk(own: readonly ControlRef[], source: ControlSource): CitedControl[] {
  const { titles, out } = edgeIndex(source);
  const result = new Map<string, CitedControl>();
  for (const ref of own) result.set(k(ref), { ...ref, title: titles.get(k(ref)) ?? ref.id });
  // Hop 1: direct edges from the entry's own controls. Hop 2: only into frameworks hop 1 did not reach
  // (e.g. a 2013 control -> its 2022 successor -> SOC 2).
  let frontier: ControlRef[] = [...own];
  let reached = new Set(own.map((r) => r.framework));
  for (let hop = 0; hop < 2 && frontier.length > 0; hop++) {
    const next: ControlRef[] = [];
    const allowed = (f: Framework): boolean => (hop === 0 ? true : !reached.has(f));
    for (const from of frontier) {
      const edges = (out.get(k(from)) ?? []).filter(
        (e) => e.to.framework !== from.framework && allowed(e.to.framework),
      );
      const best = new Map<Framework, number>();
      for (const e of edges) best.set(e.to.framework, Math.max(best.get(e.to.framework) ?? 0, RANK[e.strength]));
      for (const e of edges) {
        if (RANK[e.strength] < best.get(e.to.framework)! || result.has(k(e.to))) continue;
        const via: EdgeCitation = {
          from,
          to: e.to,
          source: e.source,
          strength: e.strength,
          ...(e.disputed ? { disputed: e.disputed } : {}),
        };
        result.set(k(e.to), { ...e.to, title: titles.get(k(e.to)) ?? e.to.id, via });
        next.push(e.to);
      }
    }
    reached = new Set([...result.values()].map((r) => r.framework));
    frontier = next;
  }
  const order = (f: Framework): number => FRAMEWORKS.indexOf(f);
  return [...result.values()].sort(
    (a, b) => Number(a.via !== undefined) - Number(b.via !== undefined) || order(a.framework) - order(b.framework),
  );
}

/** Evidence citations by evidence item (items are replaced, never changed in place), shared frozen. */
const evidenceCitations = new WeakMap<EvidenceItem, EvidenceCitation>();

export function citeEvidence(ids: readonly string[], evidence: ReadonlyMap<string, EvidenceItem>): EvidenceCitation[] {
  const out: EvidenceCitation[] = [];
  for (const id of ids) {
    const e = evidence.get(id);
    if (!e || e.status === 'retired') continue;
    let cited = evidenceCitations.get(e);
    if (!cited) evidenceCitations.set(e, (cited = Object.freeze(evidenceCitation(e))));
    out.push(cited);
  }
  return out;
}

function evidenceCitation(e: EvidenceItem): EvidenceCitation {
  return {
    id: e.id,
    title: e.title,
    kind: e.kind,
    location: e.location.uri,
    ...(e.location.section ? { section: e.location.section } : {}),
    owner: e.owner,
    ...(e.issuedAt ? { issuedAt: e.issuedAt } : {}),
    ...(e.validUntil ? { validUntil: e.validUntil } : {}),
    version: e.version,
  };
}

export function buildCitations(
  entry: AnswerEntry,
  evidence: ReadonlyMap<string, EvidenceItem>,
  source: ControlSource,
): Citations {
  return {
    entryId: entry.id,
    version: entry.version,
    owner: entry.owner,
    ...(entry.approvedAt ? { approvedAt: entry.approvedAt } : {}),
    ...(entry.reviewBy ? { reviewBy: entry.reviewBy } : {}),
    evidence: citeEvidence(entry.evidenceIds, evidence),
    controls: [...citeControls(entry.controls, source)],
  };
}
