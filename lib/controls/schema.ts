// zod schemas for everything under data/controls, data/crosswalk and data/framework-notes.json.
// The files are written by people (catalogs) and by lib/controls/build-crosswalk.ts (edges), so they are
// validated once at first use and in a unit test; types come from z.infer so code and data cannot drift.
import { z } from 'zod';
import { Framework } from './framework';

// ---------- control catalogs (data/controls/*.json; this schema is the format) ----------

export const ControlKind = z.enum(['annex', 'clause', 'criterion']);
export type ControlKind = z.infer<typeof ControlKind>;

export const IsoTheme = z.enum(['Organizational', 'People', 'Physical', 'Technological']);
export type IsoTheme = z.infer<typeof IsoTheme>;

export const Soc2Category = z.enum([
  'Control Environment',
  'Communication and Information',
  'Risk Assessment',
  'Monitoring Activities',
  'Control Activities',
  'Logical and Physical Access Controls',
  'System Operations',
  'Change Management',
  'Risk Mitigation',
  'Availability',
  'Confidentiality',
  'Processing Integrity',
  'Privacy',
]);
export type Soc2Category = z.infer<typeof Soc2Category>;

const Text = z.string().trim().min(1);

/** One control as written in a catalog file (the framework is stated once, at file level). */
export const CatalogEntry = z.object({
  id: Text,
  kind: ControlKind,
  title: Text,
  summary: Text,
  /** What the control covers in practice, in our words: the topics a questionnaire asks about under it. */
  description: Text.optional(),
  keywords: z.array(Text).min(1),
  theme: IsoTheme.optional(),
  group: Text.optional(),
  category: Soc2Category.optional(),
});
export type CatalogEntry = z.infer<typeof CatalogEntry>;

/** A control as the rest of the code sees it: the catalog entry plus its framework. */
export const Control = CatalogEntry.extend({ framework: Framework });
export type Control = z.infer<typeof Control>;

/**
 * Canonical id shapes per framework and kind. A typo such as "A.8.5 " or "CC 6.1" in a catalog would
 * otherwise make the control unreachable by resolveControlId, so the catalog schema rejects it.
 */
export const ID_PATTERN: Record<Framework, Partial<Record<ControlKind, RegExp>>> = {
  'iso27001:2022': { annex: /^A\.[5-8]\.\d{1,2}$/, clause: /^(?:[4-9]|10)\.\d(?:\.\d)?$/ },
  'iso27001:2013': { annex: /^A\.(?:[5-9]|1[0-8])\.\d\.\d{1,2}$/, clause: /^(?:[4-9]|10)\.\d(?:\.\d)?$/ },
  'soc2:2017': { criterion: /^(?:CC[1-9]|A1|C1|PI1|P[1-8])\.\d{1,2}$/ },
};

export const CatalogFile = z
  .object({ framework: Framework, source: Text, controls: z.array(CatalogEntry).min(1) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.controls.forEach((c, i) => {
      const pattern = ID_PATTERN[file.framework][c.kind];
      if (!pattern) {
        ctx.addIssue({
          code: 'custom',
          path: ['controls', i, 'kind'],
          message: `${c.id}: kind "${c.kind}" does not occur in ${file.framework}; use ${Object.keys(ID_PATTERN[file.framework]).join(' or ')}`,
        });
      } else if (!pattern.test(c.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['controls', i, 'id'],
          message: `"${c.id}" is not a canonical ${file.framework} ${c.kind} id (expected ${pattern.source})`,
        });
      }
      if (seen.has(c.id)) {
        ctx.addIssue({ code: 'custom', path: ['controls', i, 'id'], message: `duplicate id ${c.id}: keep one entry` });
      }
      seen.add(c.id);
      if (file.framework === 'iso27001:2022' && c.kind === 'annex' && !c.theme) {
        ctx.addIssue({
          code: 'custom',
          path: ['controls', i, 'theme'],
          message: `${c.id}: ISO 27001:2022 Annex A controls need a theme`,
        });
      }
      if (file.framework === 'soc2:2017' && !c.category) {
        ctx.addIssue({
          code: 'custom',
          path: ['controls', i, 'category'],
          message: `${c.id}: SOC 2 criteria need a category`,
        });
      }
    });
  });
export type CatalogFile = z.infer<typeof CatalogFile>;

// ---------- crosswalk edges (data/crosswalk/*.json, written by build-crosswalk.ts) ----------

/** Where an edge comes from. Ids are stable strings so reports and citations can quote them. */
export const EdgeSource = z.enum([
  'iso27002:2022-annex-b',
  'aicpa-nist80053-chain',
  'ciso-assistant-adobe-pivot',
  'comparison-guide',
]);
export type EdgeSource = z.infer<typeof EdgeSource>;

export const Strength = z.enum(['strong', 'partial', 'weak']);
export type Strength = z.infer<typeof Strength>;
/** Higher is stronger; used to rank and to combine the legs of a chained edge. */
export const STRENGTH_RANK: Record<Strength, number> = { strong: 3, partial: 2, weak: 1 };

/** The published mapping's answer where the comparison guide says something else. */
export const Disagreement = z.object({
  /** Ids (in the edge's target framework) the published mappings support instead. */
  published: z.array(Text).min(1),
  /** Our own words: what is wrong with the guide's row and where to look instead. */
  note: Text,
});
export type Disagreement = z.infer<typeof Disagreement>;

/** Numbers behind a published SOC 2 -> ISO 2022 edge, kept so the strength rule can be re-checked. */
export const EdgeSupport = z.object({
  sharedNist80053: z.number().int().positive().optional(),
  via80053: z.array(Text).optional(),
  pointsOfFocusMapped: z.number().int().positive().optional(),
  /** Guide edges: how many published edges (2013 domain -> Annex B -> 2022 -> SOC 2) reach the same target. */
  publishedEdges: z.number().int().nonnegative().optional(),
});
export type EdgeSupport = z.infer<typeof EdgeSupport>;

export const EdgeLevel = z.enum(['control', 'domain', 'series']);
export type EdgeLevel = z.infer<typeof EdgeLevel>;

export const CrosswalkEdge = z.object({
  from: Text,
  to: Text,
  sources: z.array(EdgeSource).min(1),
  strength: Strength,
  /** 'domain': an ISO 2013 domain such as "A.15"; 'series': a SOC 2 series the source wrote as "CC8.x". */
  fromLevel: EdgeLevel.default('control'),
  toLevel: EdgeLevel.default('control'),
  /** The target exactly as the source wrote it (e.g. "CC8.x"), when that differs from `to`. */
  stated: Text.optional(),
  /** True when the source names a control that does not exist (the guide's CC6.9); never used for lookups. */
  targetMissing: z.boolean().default(false),
  support: EdgeSupport.optional(),
  disagreement: Disagreement.optional(),
});
export type CrosswalkEdge = z.infer<typeof CrosswalkEdge>;

export const CrosswalkFile = z.object({
  format: z.literal('crosswalk-edges'),
  version: z.literal(1),
  from: Framework,
  to: Framework,
  description: Text,
  /** Where the facts come from and under which terms (mirrors ../shared/data/PROVENANCE.md). */
  provenance: Text,
  /** How `strength` was decided, in words, so a reader can check edges without reading code. */
  strengthRule: Text,
  edges: z.array(CrosswalkEdge).min(1),
});
export type CrosswalkFile = z.infer<typeof CrosswalkFile>;

// ---------- framework notes (data/framework-notes.json) ----------

export const NoteTopic = z.enum([
  'scope',
  'who-acts',
  'trigger',
  'obligations',
  'evidence',
  'timing',
  'assurance-route',
  'reuse',
  'decision-rule',
]);
export type NoteTopic = z.infer<typeof NoteTopic>;

export const FrameworkNote = z.object({
  key: NoteTopic,
  topic: Text,
  iso: Text,
  soc2: Text,
  reuseRule: Text.optional(),
});
export type FrameworkNote = z.infer<typeof FrameworkNote>;

export const FrameworkNotesFile = z
  .object({
    format: z.literal('crosswalk-framework-notes'),
    version: z.literal(1),
    source: Text,
    notes: z.array(FrameworkNote).min(1),
  })
  .superRefine((file, ctx) => {
    const keys = file.notes.map((n) => n.key);
    for (const topic of NoteTopic.options) {
      if (!keys.includes(topic))
        ctx.addIssue({ code: 'custom', path: ['notes'], message: `missing note for topic "${topic}"` });
    }
    if (new Set(keys).size !== keys.length)
      ctx.addIssue({ code: 'custom', path: ['notes'], message: 'each topic may appear once' });
  });
export type FrameworkNotesFile = z.infer<typeof FrameworkNotesFile>;
