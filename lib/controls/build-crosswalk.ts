// Builds data/crosswalk/*.json from the research data in ../shared/data (beside the project root), reproducibly:
//   npx tsx lib/controls/build-crosswalk.ts [shared-dir] [out-dir]   (defaults: ../shared/data, data/crosswalk)
// The output is committed; this script exists so every edge, source and strength can be re-derived and
// reviewed. Only facts are carried over (ids, edges, counts); every note is written here in our words.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CrosswalkFile, type CrosswalkEdge, type Strength } from './schema';
import { GUIDE_CHECK, guideStrength, publishedStrength, STRENGTH_RULES } from './build-rules';

// Paths are resolved from the project root, not the working directory, so the script runs from anywhere.
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const sharedDir = resolve(process.argv[2] ?? join(projectRoot, '..', 'shared', 'data'));
const seedsDir = join(sharedDir, '..', 'seeds');
if (!existsSync(sharedDir))
  throw new Error(
    `build-crosswalk: the research data ${sharedDir} is missing. Place the shared research folder beside the project (../shared), or pass its data folder as the first argument.`,
  );
const outDir = process.argv[3] ?? fileURLToPath(new URL('../../data/crosswalk/', import.meta.url));

// ---- inputs, each checked against the shape this script relies on ----
const SharedIso = z.array(z.object({ id: z.string(), kind: z.string(), groups: z.array(z.string()).optional() }));
const SharedSoc2 = z.array(z.object({ id: z.string() }));
const SharedAnnexB = z.array(z.object({ iso2013: z.string(), iso2022: z.string() }));
const SharedSoc2Edges = z.array(
  z.object({
    soc2: z.string(),
    iso2022: z.string(),
    sources: z.object({
      aicpa_nist80053_chain: z.object({ shared_nist80053_controls: z.number(), via: z.string() }).optional(),
      ciso_assistant_adobe_pivot: z.object({ points_of_focus_mapped: z.number() }).optional(),
    }),
  }),
);

function read<T>(schema: z.ZodType<T>, file: string): T {
  return schema.parse(JSON.parse(readFileSync(join(sharedDir, file), 'utf8')));
}

const iso2022 = read(SharedIso, 'iso27001-2022.json');
const iso2013 = read(SharedIso, 'iso27001-2013.json').filter((c) => c.kind === 'annex-a');
const soc2 = read(SharedSoc2, 'soc2-2017-rev2022.json');
const annexB = read(SharedAnnexB, 'iso27001-2013-to-2022.json');
const soc2Edges = read(SharedSoc2Edges, 'soc2-to-iso27001-2022.json');

/** Sort edges in the catalogs' natural order (the shared files list controls in standard order). */
function orderOf(ids: string[]): (id: string) => number {
  const index = new Map(ids.map((id, i) => [id, i]));
  return (id) => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`build-crosswalk: ${id} is not in the shared catalog; fix the input data`);
    return i;
  };
}
const order2022 = orderOf(iso2022.map((c) => c.id));
const order2013 = orderOf(iso2013.map((c) => c.id));
const orderSoc2 = orderOf(soc2.map((c) => c.id));

const PROVENANCE = 'See ../shared/data/PROVENANCE.md and README.md "Data sources and licences".';

function write(name: string, file: CrosswalkFile): void {
  const checked = CrosswalkFile.parse(file);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, name), JSON.stringify(checked, null, 2) + '\n');
  console.log(`wrote ${join(outDir, name)}: ${checked.edges.length} edges`);
}

// ---- 1. ISO 27001:2013 Annex A -> 2022 (ISO/IEC 27002:2022 Annex B) ----
const annexBEdges: CrosswalkEdge[] = annexB
  .map((p) => ({ from: p.iso2013, to: p.iso2022 }))
  .sort((a, b) => order2013(a.from) - order2013(b.from) || order2022(a.to) - order2022(b.to))
  .map((p) => ({
    ...p,
    sources: ['iso27002:2022-annex-b'],
    strength: 'strong',
    fromLevel: 'control',
    toLevel: 'control',
    targetMissing: false,
  }));
write('iso2013-to-iso2022.json', {
  format: 'crosswalk-edges',
  version: 1,
  from: 'iso27001:2013',
  to: 'iso27001:2022',
  description: 'Each ISO/IEC 27001:2013 Annex A control and the 2022 control(s) that replaced it.',
  provenance: `Identifier pairs from ISO/IEC 27002:2022 Annex B (ids are facts; the standard is (c) ISO). ${PROVENANCE}`,
  strengthRule: STRENGTH_RULES.annexB,
  edges: annexBEdges,
});

// ---- 2. SOC 2 -> ISO 27001:2022, the published edges ----
const publishedEdges: CrosswalkEdge[] = soc2Edges
  .slice()
  .sort((a, b) => orderSoc2(a.soc2) - orderSoc2(b.soc2) || order2022(a.iso2022) - order2022(b.iso2022))
  .map((e) => {
    const chain = e.sources.aicpa_nist80053_chain;
    const pivot = e.sources.ciso_assistant_adobe_pivot;
    const sources: CrosswalkEdge['sources'] = [];
    if (chain) sources.push('aicpa-nist80053-chain');
    if (pivot) sources.push('ciso-assistant-adobe-pivot');
    const support = {
      ...(chain
        ? { sharedNist80053: chain.shared_nist80053_controls, via80053: chain.via.split(';').filter(Boolean) }
        : {}),
      ...(pivot ? { pointsOfFocusMapped: pivot.points_of_focus_mapped } : {}),
    };
    return {
      from: e.soc2,
      to: e.iso2022,
      sources,
      strength: publishedStrength(support),
      fromLevel: 'control',
      toLevel: 'control',
      targetMissing: false,
      support,
    };
  });
write('soc2-to-iso2022.json', {
  format: 'crosswalk-edges',
  version: 1,
  from: 'soc2:2017',
  to: 'iso27001:2022',
  description:
    'SOC 2 Trust Services Criteria -> ISO/IEC 27001:2022 controls, from two published derivations; each edge keeps its sources and the counts behind them.',
  provenance:
    'aicpa-nist80053-chain: AICPA TSC -> NIST SP 800-53r5 joined with NIST OLIR 800-53r5 -> ISO 27001:2022 (CyberRiskGuy/aicpa-soc-tsc-json, CISO Assistant). ' +
    `ciso-assistant-adobe-pivot: CISO Assistant point-of-focus mapping pivoted through Adobe CCF. Mapping edges are facts. ${PROVENANCE}`,
  strengthRule: STRENGTH_RULES.published,
  edges: publishedEdges,
});

// ---- 3. The comparison guide's own table (ISO 2013 domains -> SOC 2), with the published view beside it ----
const domainTitle = new Map<string, string>();
for (const c of iso2013) {
  const domain = c.id.split('.').slice(0, 2).join('.');
  if (!domainTitle.has(domain) && c.groups?.[1]) domainTitle.set(domain, c.groups[1].trim());
}
const soc2Ids = new Set(soc2.map((c) => c.id));

/** "CC6.1–6.7" -> CC6.1..CC6.7; "CC8.x" -> every CC8 criterion (level 'series'); "CC6.9" kept, flagged missing. */
type GuideTarget = { id: string; stated: string; level: 'control' | 'series' };
function parseTargets(cell: string): GuideTarget[] {
  const ids = cell.split(':')[0] ?? '';
  return ids.split(',').flatMap((raw): GuideTarget[] => {
    const token = raw.trim();
    const range = /^([A-Z]+)(\d+)\.(\d+)\s*[–-]\s*(\d+)\.(\d+)$/.exec(token);
    if (range) {
      const [, prefix, major, lo, , hi] = range;
      return Array.from({ length: Number(hi) - Number(lo) + 1 }, (_, i) => ({
        id: `${prefix}${major}.${Number(lo) + i}`,
        stated: token,
        level: 'control' as const,
      }));
    }
    const series = /^([A-Z]+\d+)\.x$/i.exec(token);
    if (series) {
      const members = soc2.map((c) => c.id).filter((id) => id.startsWith(`${series[1]}.`));
      return members.map((id) => ({ id, stated: token, level: 'series' as const }));
    }
    if (/^[A-Z]+\d+\.\d+$/.test(token)) return [{ id: token, stated: token, level: 'control' as const }];
    throw new Error(`build-crosswalk: cannot read guide target "${token}" in "${cell}"; extend parseTargets`);
  });
}

/** Published support for a guide edge: edges from any 2022 successor of the domain's controls to the target. */
function publishedSupport(domain: string, target: string): number {
  const successors = new Set(annexB.filter((p) => p.iso2013.startsWith(`${domain}.`)).map((p) => p.iso2022));
  return soc2Edges.filter((e) => e.soc2 === target && successors.has(e.iso2022)).length;
}

const guideText = readFileSync(join(seedsDir, 'framework-comparison-guide.md'), 'utf8');
const tableStart = guideText.indexOf('## Mapping the Frameworks');
const tableRows = guideText
  .slice(tableStart)
  .split('\n')
  .filter((line) => /^\|\s*A\.\d+\s/.test(line));
if (tableRows.length !== 14)
  throw new Error(`build-crosswalk: expected 14 guide rows (A.5..A.18), found ${tableRows.length}`);

const guideEdges: CrosswalkEdge[] = tableRows.flatMap((line) => {
  const [, isoCell = '', socCell = ''] = line.split('|').map((s) => s.trim());
  const domain = /^A\.\d+/.exec(isoCell)?.[0];
  if (!domain || !domainTitle.has(domain)) throw new Error(`build-crosswalk: unknown 2013 domain in "${isoCell}"`);
  return parseTargets(socCell).map((t) => {
    const check = GUIDE_CHECK[`${domain}>${t.id}`];
    const exists = soc2Ids.has(t.id);
    const support = publishedSupport(domain, t.id);
    const strength: Strength = guideStrength(check?.verdict, support);
    return {
      from: domain,
      to: t.id,
      sources: ['comparison-guide'],
      strength,
      fromLevel: 'domain',
      toLevel: t.level,
      ...(t.stated !== t.id ? { stated: t.stated } : {}),
      targetMissing: !exists,
      support: { publishedEdges: support },
      ...(check ? { disagreement: { published: check.published, note: check.note } } : {}),
    };
  });
});
const unused = Object.keys(GUIDE_CHECK).filter((k) => !guideEdges.some((e) => `${e.from}>${e.to}` === k));
if (unused.length)
  throw new Error(`build-crosswalk: guide-check rows not found in the guide table: ${unused.join(', ')}`);
write('comparison-guide.json', {
  format: 'crosswalk-edges',
  version: 1,
  from: 'iso27001:2013',
  to: 'soc2:2017',
  description:
    'The mapping table of the SOC 2 vs ISO 27001 comparison guide (seeds/framework-comparison-guide.md), recorded at the level it states: ' +
    'ISO 27001:2013 Annex A domains (A.5..A.18) to SOC 2 criteria. Rows the published mappings contradict carry a disagreement.',
  provenance: `Edges: the comparison guide's table. Disagreements: ../shared/data/guide-check.md (Cisco CCF, Adobe CCF, SCF, AICPA/NIST evidence). ${PROVENANCE}`,
  strengthRule: STRENGTH_RULES.guide,
  edges: guideEdges,
});
