// All reuse checks, in the order a reader meets them: may this answer go here at all (permission, scope),
// is it still true (status, dates), does it fit this question (framework), does the library agree with itself.
import type { Flag, FlagSeverity } from '../schema';
import type { ReuseContext, ReuseRule } from './context';
import { conflictsRule } from './conflicts';
import { entryStaleRule } from './entry-stale';
import { entryStatusRule } from './entry-status';
import { evidenceExpiredRule } from './evidence-expired';
import { frameworkLabellingRule } from './framework-labelling';
import { isoCertificateRule } from './iso-certificate';
import { evidenceSharingRule, reusePermissionRule } from './reuse-permission';
import { scopeRule } from './scope';
import { soc2ReportAgeRule } from './soc2-report-age';

export type { ReuseContext, ReuseQuestionnaire, ReuseRule } from './context';
export { todayIso } from './context';

export const REUSE_RULES: readonly ReuseRule[] = [
  reusePermissionRule,
  scopeRule,
  evidenceSharingRule,
  entryStatusRule,
  entryStaleRule,
  evidenceExpiredRule,
  soc2ReportAgeRule,
  isoCertificateRule,
  frameworkLabellingRule,
  conflictsRule,
];

const RANK: Record<FlagSeverity, number> = { high: 0, medium: 1, low: 2 };

/** Every flag for one reuse, most severe first (stable within a severity). */
export function runReuseChecks(ctx: ReuseContext): Flag[] {
  const flags = REUSE_RULES.map((rule) => rule(ctx)).filter((f): f is Flag => f !== null);
  return flags
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}
