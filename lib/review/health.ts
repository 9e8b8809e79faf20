// Library health: what is stale, unused, most reused (from the ledger), contradictory or duplicated, and
// which controls of each framework have no approved answer. Pure, so the options page and tests share it.
import { counterparts, allControls, FRAMEWORKS, FRAMEWORK_LABEL, type Framework, controlKey } from '../controls';
import type { AnswerEntry, EvidenceItem } from '../library/model';
import { citedEvidence } from './checks';
import type { FillRecord } from './schema';
import { similarPairs, type SimilarPair } from './similar-pairs';

/** fresh = an approved, in-date answer cites it; stale = only out-of-date ones; crosswalk = none, but a mapped control in another framework has one; none = nothing. */
export type Coverage = 'fresh' | 'stale' | 'crosswalk' | 'none';

export interface CoverageCell {
  framework: Framework;
  id: string;
  title: string;
  /** Theme (ISO 2022), domain (ISO 2013) or category (SOC 2): the grid's row. */
  group: string;
  coverage: Coverage;
  /** Approved entries citing the control directly. */
  entryIds: string[];
  /** Counterpart controls (other frameworks) that do have an approved answer. */
  via: string[];
}

export interface StaleEntry {
  entry: AnswerEntry;
  reasons: string[];
}

export interface HealthReport {
  today: string;
  stale: StaleEntry[];
  neverUsed: AnswerEntry[];
  mostReused: { entry: AnswerEntry; uses: number; questionnaires: number }[];
  pairs: SimilarPair[];
  coverage: Record<Framework, CoverageCell[]>;
  /** "ISO/IEC 27001:2022 A.8.24: no approved answer", in catalog order. */
  gaps: string[];
}

export function staleReasons(entry: AnswerEntry, evidence: readonly EvidenceItem[], today: string): string[] {
  const out: string[] = [];
  if (entry.reviewBy && entry.reviewBy < today) out.push(`review was due ${entry.reviewBy}`);
  for (const e of citedEvidence(entry, evidence)) {
    if (e.validUntil && e.validUntil < today) out.push(`evidence "${e.title}" expired ${e.validUntil}`);
    const cert = e.frameworkDates.iso?.certificateValidUntil;
    if (cert && cert < today) out.push(`ISO certificate "${e.title}" lapsed ${cert}`);
  }
  return out;
}

function groupOf(framework: Framework, c: { theme?: string; group?: string; category?: string }): string {
  if (framework === 'soc2:2017') return c.category ?? 'Other';
  if (framework === 'iso27001:2022') return c.theme ?? 'Other';
  return c.group ?? 'Other';
}

// The crosswalk is static data: look each control's counterparts up once per session, not per health run.
const counterpartCache = new Map<string, { id: string; level: string }[]>();
function mappedControls(id: string, target: Framework, from: Framework): { id: string; level: string }[] {
  const key = `${from}|${id}|${target}`;
  let hit = counterpartCache.get(key);
  if (!hit) {
    hit = counterparts(id, target, from)
      .filter((cp) => cp.level === 'control')
      .map((cp) => ({ id: cp.ref.id, level: cp.level }));
    counterpartCache.set(key, hit);
  }
  return hit;
}

function coverageFor(
  approved: readonly AnswerEntry[],
  staleIds: ReadonlySet<string>,
): Record<Framework, CoverageCell[]> {
  const citing = new Map<string, string[]>();
  for (const e of approved) {
    for (const c of e.controls) {
      const list = citing.get(controlKey(c));
      if (list) list.push(e.id);
      else citing.set(controlKey(c), [e.id]);
    }
  }
  const direct = (framework: Framework, id: string) => citing.get(controlKey({ framework, id })) ?? [];
  const out = {} as Record<Framework, CoverageCell[]>;
  for (const fw of FRAMEWORKS) {
    // Annex A controls for ISO (the clauses are the management system, not questionnaire controls), all SOC 2 criteria.
    out[fw] = allControls(fw)
      .filter((c) => c.kind !== 'clause')
      .map((c) => {
        const entryIds = direct(fw, c.id);
        let coverage: Coverage = entryIds.length
          ? entryIds.every((id) => staleIds.has(id))
            ? 'stale'
            : 'fresh'
          : 'none';
        const via: string[] = [];
        if (coverage === 'none') {
          for (const other of FRAMEWORKS) {
            if (other === fw) continue;
            for (const cp of mappedControls(c.id, other, fw)) {
              if (direct(other, cp.id).length) via.push(`${other} ${cp.id}`);
            }
          }
          if (via.length) coverage = 'crosswalk';
        }
        return { framework: fw, id: c.id, title: c.title, group: groupOf(fw, c), coverage, entryIds, via };
      });
  }
  return out;
}

export function computeHealth(input: {
  entries: readonly AnswerEntry[];
  evidence: readonly EvidenceItem[];
  records: readonly FillRecord[];
  today: string;
  topN?: number;
}): HealthReport {
  const { today } = input;
  const live = input.entries.filter((e) => e.status !== 'retired');
  const approved = live.filter((e) => e.status === 'approved');
  const stale = approved
    .map((entry) => ({ entry, reasons: staleReasons(entry, input.evidence, today) }))
    .filter((s) => s.reasons.length);
  const staleIds = new Set(stale.map((s) => s.entry.id));

  const uses = new Map<string, { uses: number; qs: Set<string> }>();
  for (const r of input.records) {
    if (!r.entryId) continue;
    const u = uses.get(r.entryId) ?? { uses: 0, qs: new Set<string>() };
    u.uses++;
    u.qs.add(r.questionnaire.id);
    uses.set(r.entryId, u);
  }
  const mostReused = live
    .filter((e) => uses.has(e.id))
    .map((entry) => ({ entry, uses: uses.get(entry.id)!.uses, questionnaires: uses.get(entry.id)!.qs.size }))
    .sort((a, b) => b.uses - a.uses || b.questionnaires - a.questionnaires || a.entry.id.localeCompare(b.entry.id))
    .slice(0, input.topN ?? 10);

  const coverage = coverageFor(approved, staleIds);
  const gaps = FRAMEWORKS.flatMap((fw) =>
    coverage[fw]
      .filter((c) => c.coverage === 'none' || c.coverage === 'crosswalk')
      .map(
        (c) =>
          `${FRAMEWORK_LABEL[fw]} ${c.id}: no approved answer${c.via.length ? ` (mapped controls have one: ${c.via.join(', ')})` : ''}`,
      ),
  );
  return {
    today,
    stale,
    neverUsed: approved.filter((e) => !uses.has(e.id)),
    mostReused,
    pairs: similarPairs(live),
    coverage,
    gaps,
  };
}
