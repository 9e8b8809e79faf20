// Framework labelling: SOC 2 evidence does not answer an ISO 27001 question, nor the reverse. A question is
// framework-specific when its text names one framework (ISO 27001, Annex A, ISMS, SoA / SOC 2, TSC, SSAE 18)
// or, failing that, when every control it was classified under belongs to one framework. The answer's
// support is what the entry itself cites (its own controls and evidence), not crosswalk counterparts:
// a mapping edge is a hint, not proof that the claim satisfies the other framework.
import type { Framework } from '../../controls';
import type { Flag } from '../schema';
import type { ReuseContext } from './context';

export type Family = 'iso' | 'soc2';

const FAMILY: Record<Framework, Family> = { 'iso27001:2022': 'iso', 'iso27001:2013': 'iso', 'soc2:2017': 'soc2' };
const NAME: Record<Family, string> = { iso: 'ISO 27001', soc2: 'SOC 2' };

const ISO_TEXT =
  /\biso(?:\/iec)?[\s-]*2700[12]\b|\b2700[12](?::20(?:13|22))?\b|\bannex\s+a\b|\bisms\b|statement of applicability|\bsoa\b/i;
const SOC2_TEXT = /\bsoc[\s-]*2\b|trust services? criteria|\btsc\b|\bssae[\s-]*18\b|\baicpa\b/i;

/** The framework family a question is specific to, or null when it is general (or names both). */
export function questionFamily(text: string, controls: readonly { framework: Framework }[] = []): Family | null {
  const iso = ISO_TEXT.test(text);
  const soc2 = SOC2_TEXT.test(text);
  if (iso !== soc2) return iso ? 'iso' : 'soc2';
  if (iso && soc2) return null;
  const families = new Set(controls.map((c) => FAMILY[c.framework]));
  return families.size === 1 ? [...families][0]! : null;
}

/** Families the answer is backed by: the entry's controls, its evidence's controls and framework dates. */
export function supportFamilies(ctx: Pick<ReuseContext, 'entry' | 'evidence'>): Set<Family> {
  const out = new Set<Family>();
  for (const c of ctx.entry.controls) out.add(FAMILY[c.framework]);
  for (const e of ctx.evidence) {
    for (const c of e.controls) out.add(FAMILY[c.framework]);
    if (e.frameworkDates.soc2) out.add('soc2');
    if (e.frameworkDates.iso) out.add('iso');
  }
  return out;
}

export function frameworkLabellingRule(ctx: ReuseContext): Flag | null {
  if (!ctx.question) return null;
  const wanted = questionFamily(ctx.question.text, ctx.question.controls ?? []);
  if (!wanted) return null;
  const support = supportFamilies(ctx);
  if (!support.size || support.has(wanted)) return null;
  const have = [...support].map((f) => NAME[f]).join(' and ');
  return {
    code: 'framework-mismatch',
    severity: 'high',
    message: `This is a ${NAME[wanted]} question, but the answer cites only ${have} controls and evidence.`,
    fix: `Cite ${NAME[wanted]} evidence or controls for this answer, or state plainly which framework the claim satisfies.`,
  };
}
