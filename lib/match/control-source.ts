// The control catalogs and crosswalk edges as the matcher needs them, read from lib/controls. Kept behind a
// small interface so tests and benchmarks can hand the classifier another catalog.
import { type ControlRef, type Framework, allControls, loadCrosswalk } from '../controls';

export type EdgeStrength = 'strong' | 'partial' | 'weak';

export interface MatchControl {
  framework: Framework;
  id: string;
  kind: 'annex' | 'clause' | 'criterion';
  title: string;
  summary: string;
  /** Longer account of what the control covers, in our words (the classifier's widest field). */
  description?: string;
  keywords: readonly string[];
  /** Theme (ISO 2022), domain group (ISO 2013) or category (SOC 2). */
  group?: string;
}

export interface MatchEdge {
  from: ControlRef;
  to: ControlRef;
  source: string;
  strength: EdgeStrength;
  /** The published mapping's objection to this edge, when there is one. */
  disputed?: string;
}

export interface ControlSource {
  controls: readonly MatchControl[];
  /** Control-level edges, one direction each; users walk them both ways. */
  edges: readonly MatchEdge[];
  /** 2013 domain edges ("A.15" -> CC9.2) from the comparison guide: cited, never used for ranking. */
  domainEdges: readonly MatchEdge[];
}

let cached: ControlSource | undefined;

export function defaultControlSource(): ControlSource {
  if (cached) return cached;
  const controls: MatchControl[] = allControls().map((c) => ({
    framework: c.framework,
    id: c.id,
    kind: c.kind,
    title: c.title,
    summary: c.summary,
    ...(c.description ? { description: c.description } : {}),
    keywords: c.keywords,
    group: c.theme ?? c.group ?? c.category,
  }));
  const edges: MatchEdge[] = [];
  const domainEdges: MatchEdge[] = [];
  for (const name of ['annexB', 'published', 'guide'] as const) {
    const file = loadCrosswalk(name);
    for (const e of file.edges) {
      if (e.targetMissing || e.toLevel !== 'control') continue;
      const edge: MatchEdge = {
        from: { framework: file.from, id: e.from },
        to: { framework: file.to, id: e.to },
        source: e.sources.join('+'),
        strength: e.strength,
        ...(e.disagreement
          ? { disputed: `${e.disagreement.note} (published: ${e.disagreement.published.join(', ')})` }
          : {}),
      };
      (e.fromLevel === 'control' ? edges : domainEdges).push(edge);
    }
  }
  cached = { controls, edges, domainEdges };
  return cached;
}
