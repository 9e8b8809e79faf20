// Counterparts of a control in another framework, from every edge file:
// - ISO 2013 <-> 2022 through ISO/IEC 27002:2022 Annex B (both directions);
// - SOC 2 <-> ISO 2022 through the published edges (both directions);
// - ISO 2013 <-> SOC 2 through the chain 2013 -> Annex B -> 2022 -> published edge (and back), plus the
//   comparison guide's domain-level rows, which carry `disputed` text where the published mapping disagrees.
// One result per target control; its routes are kept so a citation can show every source behind it.
import { FRAMEWORK_LABEL, type ControlRef, type Framework } from './framework';
import { controlOrder, domainOf, findControl, iso2013Domain } from './catalog';
import { loadCrosswalk } from './data';
import { UnknownControlError } from './errors';
import { resolveControlId } from './resolve';
import { EdgeSource, STRENGTH_RANK, type CrosswalkEdge, type Strength } from './schema';

export interface CounterpartRoute {
  sources: EdgeSource[];
  strength: Strength;
  /** Intermediate ISO 27001:2022 controls of a chained route (2013 <-> 2022 <-> SOC 2). */
  via?: ControlRef[];
  /** Set when the route is the comparison guide's row for a whole ISO 2013 domain, e.g. "A.15". */
  domain?: string;
  disputed?: string;
}

export interface Counterpart {
  ref: ControlRef;
  title: string;
  /** 'domain' only for ISO 2013 domains ("A.15") reached through the comparison guide. */
  level: 'control' | 'domain';
  /** Sources joined with " + ", e.g. "aicpa-nist80053-chain + ciso-assistant-adobe-pivot". */
  source: string;
  sources: EdgeSource[];
  /** The strongest route's strength. */
  strength: Strength;
  via?: ControlRef[];
  /** Why the comparison guide's edge here is contested by the published mapping. */
  disputed?: string;
  routes: CounterpartRoute[];
}

export interface GuideDisagreement {
  /** The ISO 27001:2013 domain the guide's row starts from, e.g. { framework: 'iso27001:2013', id: 'A.15' }. */
  from: ControlRef;
  fromTitle: string;
  /** The SOC 2 target as the guide writes it ("CC7.2", "CC8.x", "CC6.9"). */
  stated: string;
  /** The SOC 2 criterion the row points to, or null when it does not exist (CC6.9). */
  to: ControlRef | null;
  strength: Strength;
  /** What the published mappings support instead. */
  published: ControlRef[];
  note: string;
}

type Route = CounterpartRoute & { target: string; level: 'control' | 'domain' };

const weaker = (a: Strength, b: Strength): Strength => (STRENGTH_RANK[a] <= STRENGTH_RANK[b] ? a : b);

function disputeText(edge: CrosswalkEdge): string | undefined {
  if (!edge.disagreement) return undefined;
  const title = iso2013Domain(edge.from)?.title ?? edge.from;
  const stated = edge.stated ?? edge.to;
  return `The comparison guide maps ${edge.from} ${title} to ${stated}; the published mappings support ${edge.disagreement.published.join(', ')} instead. ${edge.disagreement.note}`;
}

const direct = (edge: CrosswalkEdge, target: string): Route => ({
  target,
  level: 'control',
  sources: edge.sources,
  strength: edge.strength,
});

function guideRoute(edge: CrosswalkEdge, target: string, level: Route['level']): Route {
  const disputed = disputeText(edge);
  return {
    target,
    level,
    sources: edge.sources,
    strength: edge.strength,
    domain: edge.from,
    ...(disputed ? { disputed } : {}),
  };
}

/** 2013 -> 2022 -> SOC 2: every Annex B successor, then its published SOC 2 edges. */
function iso2013ToSoc2(id: string): Route[] {
  const routes: Route[] = [];
  for (const b of loadCrosswalk('annexB').edges.filter((e) => e.from === id)) {
    for (const p of loadCrosswalk('published').edges.filter((e) => e.to === b.to)) {
      routes.push({
        target: p.from,
        level: 'control',
        sources: [...b.sources, ...p.sources],
        strength: weaker(b.strength, p.strength),
        via: [{ framework: 'iso27001:2022', id: b.to }],
      });
    }
  }
  const domain = domainOf(id);
  for (const g of loadCrosswalk('guide').edges.filter((e) => e.from === domain && !e.targetMissing))
    routes.push(guideRoute(g, g.to, 'control'));
  return routes;
}

/** SOC 2 -> 2022 -> 2013, plus the guide rows that point at this criterion (as 2013 domains). */
function soc2ToIso2013(id: string): Route[] {
  const routes: Route[] = [];
  for (const p of loadCrosswalk('published').edges.filter((e) => e.from === id)) {
    for (const b of loadCrosswalk('annexB').edges.filter((e) => e.to === p.to)) {
      routes.push({
        target: b.from,
        level: 'control',
        sources: [...b.sources, ...p.sources],
        strength: weaker(b.strength, p.strength),
        via: [{ framework: 'iso27001:2022', id: p.to }],
      });
    }
  }
  for (const g of loadCrosswalk('guide').edges.filter((e) => e.to === id && !e.targetMissing))
    routes.push(guideRoute(g, g.from, 'domain'));
  return routes;
}

function routesFor(ref: ControlRef, target: Framework): Route[] {
  const { framework, id } = ref;
  const key = `${framework}>${target}` as const;
  switch (key) {
    case 'iso27001:2013>iso27001:2022':
      return loadCrosswalk('annexB')
        .edges.filter((e) => e.from === id)
        .map((e) => direct(e, e.to));
    case 'iso27001:2022>iso27001:2013':
      return loadCrosswalk('annexB')
        .edges.filter((e) => e.to === id)
        .map((e) => direct(e, e.from));
    case 'soc2:2017>iso27001:2022':
      return loadCrosswalk('published')
        .edges.filter((e) => e.from === id)
        .map((e) => direct(e, e.to));
    case 'iso27001:2022>soc2:2017':
      return loadCrosswalk('published')
        .edges.filter((e) => e.to === id)
        .map((e) => direct(e, e.from));
    case 'iso27001:2013>soc2:2017':
      return iso2013ToSoc2(id);
    case 'soc2:2017>iso27001:2013':
      return soc2ToIso2013(id);
    default:
      return []; // same framework: a control is not its own counterpart
  }
}

function merge(target: Framework, routes: Route[]): Counterpart[] {
  const byId = new Map<string, Route[]>();
  for (const r of routes) byId.set(r.target, [...(byId.get(r.target) ?? []), r]);
  const result: Counterpart[] = [];
  for (const [id, rs] of byId) {
    const sources = EdgeSource.options.filter((s) => rs.some((r) => r.sources.includes(s)));
    const strength = rs.reduce<Strength>(
      (best, r) => (STRENGTH_RANK[r.strength] > STRENGTH_RANK[best] ? r.strength : best),
      'weak',
    );
    const viaIds = [...new Set(rs.flatMap((r) => r.via ?? []).map((v) => v.id))].sort(
      (a, b) => controlOrder('iso27001:2022', a) - controlOrder('iso27001:2022', b),
    );
    const disputes = [...new Set(rs.flatMap((r) => (r.disputed ? [r.disputed] : [])))];
    const level = rs[0]?.level ?? 'control';
    const title = level === 'domain' ? (iso2013Domain(id)?.title ?? id) : (findControl(target, id)?.title ?? id);
    result.push({
      ref: { framework: target, id },
      title,
      level,
      source: sources.join(' + '),
      sources,
      strength,
      ...(viaIds.length ? { via: viaIds.map((v) => ({ framework: 'iso27001:2022' as const, id: v })) } : {}),
      ...(disputes.length ? { disputed: disputes.join(' ') } : {}),
      routes: rs.map(({ target: _t, level: _l, ...route }) => route),
    });
  }
  return result.sort(
    (a, b) =>
      STRENGTH_RANK[b.strength] - STRENGTH_RANK[a.strength] ||
      b.sources.length - a.sources.length ||
      controlOrder(target, a.ref.id) - controlOrder(target, b.ref.id),
  );
}

/**
 * Counterparts of `id` in `target`, strongest first. `from` names the framework of `id` when its shape is
 * ambiguous (a bare "5.1"); see resolve.ts. Throws UnknownControlError (with nearest ids) if `id` is unknown.
 */
export function counterparts(id: string, target: Framework, from?: Framework): Counterpart[] {
  const resolved = resolveControlId(id, from);
  if (!resolved.ok) throw new UnknownControlError(resolved.error, resolved.nearest);
  return merge(target, routesFor(resolved.ref, target));
}

/** The comparison guide's rows that the published mappings contradict, in the guide's order. */
export function disagreements(): GuideDisagreement[] {
  return loadCrosswalk('guide').edges.flatMap((e): GuideDisagreement[] => {
    if (!e.disagreement) return [];
    return [
      {
        from: { framework: 'iso27001:2013', id: e.from },
        fromTitle: iso2013Domain(e.from)?.title ?? e.from,
        stated: e.stated ?? e.to,
        to: e.targetMissing ? null : { framework: 'soc2:2017', id: e.to },
        strength: e.strength,
        published: e.disagreement.published.map((id) => ({ framework: 'soc2:2017' as const, id })),
        note: e.targetMissing
          ? `${e.to} does not exist in ${FRAMEWORK_LABEL['soc2:2017']}. ${e.disagreement.note}`
          : e.disagreement.note,
      },
    ];
  });
}
