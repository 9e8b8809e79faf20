// ISO 27001 certificates run on their own cycle: a certificate past its validity has lapsed, and one whose
// surveillance audit date has passed may have been suspended. Tracked apart from SOC 2 report periods.
import type { Flag } from '../schema';
import type { ReuseContext } from './context';

export function isoCertificateRule(ctx: ReuseContext): Flag | null {
  const lapsed = ctx.evidence.filter((e) => {
    const until = e.frameworkDates.iso?.certificateValidUntil;
    return until !== undefined && until < ctx.today;
  });
  if (lapsed.length) {
    return {
      code: 'iso-certificate-lapsed',
      severity: 'high',
      message: `ISO 27001 certificate has lapsed: ${lapsed.map((e) => `"${e.title}" (valid until ${e.frameworkDates.iso?.certificateValidUntil})`).join(', ')}.`,
      fix: 'Cite the renewed certificate, or do not claim ISO 27001 certification in this answer.',
    };
  }
  const overdue = ctx.evidence.filter((e) => {
    const audit = e.frameworkDates.iso?.nextSurveillanceAudit;
    return audit !== undefined && audit < ctx.today;
  });
  if (!overdue.length) return null;
  return {
    code: 'iso-surveillance-overdue',
    severity: 'medium',
    message: `The ISO 27001 surveillance audit date has passed: ${overdue.map((e) => `"${e.title}" (due ${e.frameworkDates.iso?.nextSurveillanceAudit})`).join(', ')}.`,
    fix: 'Confirm the surveillance audit took place and record the next audit date on the evidence item.',
  };
}
