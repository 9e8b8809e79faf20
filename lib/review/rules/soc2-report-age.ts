// A SOC 2 report describes a past period. Customers generally expect the period to have ended within
// the last 12 months; older than that, the report no longer speaks for today's controls.
import type { Flag } from '../schema';
import { monthsBefore, type ReuseContext } from './context';

export const SOC2_MAX_AGE_MONTHS = 12;

export function soc2ReportAgeRule(ctx: ReuseContext): Flag | null {
  const cutoff = monthsBefore(ctx.today, SOC2_MAX_AGE_MONTHS);
  const old = ctx.evidence.filter((e) => {
    const end = e.frameworkDates.soc2?.periodEnd;
    return end !== undefined && end < cutoff;
  });
  if (!old.length) return null;
  return {
    code: 'soc2-report-old',
    severity: 'medium',
    message: `SOC 2 report period ended more than ${SOC2_MAX_AGE_MONTHS} months ago: ${old
      .map((e) => `"${e.title}" (period end ${e.frameworkDates.soc2?.periodEnd})`)
      .join(', ')}.`,
    fix: 'Cite the latest SOC 2 report, or add a bridge letter covering the gap since the period ended.',
  };
}
