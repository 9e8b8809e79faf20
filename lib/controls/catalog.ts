// Control lookups over the three catalogs. Controls keep the catalog's natural order (the order of the
// standard), which the CLI and every list rely on.
import { FRAMEWORKS, type Framework } from './framework';
import { loadCatalog } from './data';
import type { Control } from './schema';

interface CatalogIndex {
  list: readonly Control[];
  byId: ReadonlyMap<string, Control>;
  order: ReadonlyMap<string, number>;
}

const indexes = new Map<Framework, CatalogIndex>();

function index(framework: Framework): CatalogIndex {
  let idx = indexes.get(framework);
  if (!idx) {
    const list = Object.freeze(loadCatalog(framework).controls.map((c): Control => Object.freeze({ ...c, framework })));
    idx = {
      list,
      byId: new Map(list.map((c) => [c.id, c])),
      order: new Map(list.map((c, i) => [c.id, i])),
    };
    indexes.set(framework, idx);
  }
  return idx;
}

/** Exact lookup by canonical id (use resolveControlId first for user input). */
export function findControl(framework: Framework, id: string): Control | undefined {
  return index(framework).byId.get(id);
}

/** All controls of one framework in standard order, or of every framework (2022, 2013, SOC 2) when omitted. */
export function allControls(framework?: Framework): readonly Control[] {
  if (framework) return index(framework).list;
  return FRAMEWORKS.flatMap((f) => index(f).list);
}

/** Position of an id in its catalog, for sorting; unknown ids (e.g. 2013 domains) sort by their first control. */
export function controlOrder(framework: Framework, id: string): number {
  const idx = index(framework);
  const exact = idx.order.get(id);
  if (exact !== undefined) return exact;
  const first = idx.list.findIndex((c) => c.id.startsWith(`${id}.`));
  return first === -1 ? Number.MAX_SAFE_INTEGER : first - 0.5;
}

/**
 * ISO 27001:2013 domains ("A.15") as used by the comparison guide: the domain exists when the 2013 catalog
 * has controls under it; its title is the catalog's `group` (the official domain title).
 */
export function iso2013Domain(domain: string): { id: string; title: string; controls: readonly Control[] } | undefined {
  const controls = index('iso27001:2013').list.filter((c) => c.id.startsWith(`${domain}.`));
  const first = controls[0];
  if (!first) return undefined;
  return { id: domain, title: first.group ?? `Annex ${domain}`, controls };
}

/** The 2013 domain of a 2013 control id: "A.15.1.1" -> "A.15". */
export function domainOf(id: string): string {
  return id.split('.').slice(0, 2).join('.');
}
