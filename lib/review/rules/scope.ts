// Scope: an entry holds only for the services, environments, regions and data types it names. When the
// questionnaire declares something on an axis the entry restricts, every declared value must be covered.
import type { Scope } from '../../library/schema';
import type { Flag } from '../schema';
import { listWords, norm, type ReuseContext } from './context';

const AXES: Record<keyof Scope, string> = {
  services: 'services',
  environments: 'environments',
  regions: 'regions',
  dataTypes: 'data types',
};

export function scopeRule(ctx: ReuseContext): Flag | null {
  const problems: string[] = [];
  for (const axis of Object.keys(AXES) as (keyof Scope)[]) {
    const allowed = ctx.entry.scope[axis] ?? [];
    const declared = ctx.questionnaire.scope[axis] ?? [];
    if (!allowed.length || !declared.length) continue;
    const ok = new Set(allowed.map(norm));
    const missing = declared.filter((v) => !ok.has(norm(v)));
    if (missing.length) problems.push(`${AXES[axis]} ${listWords(missing)} (entry covers ${listWords(allowed)})`);
  }
  if (!problems.length) return null;
  return {
    code: 'out-of-scope',
    severity: 'high',
    message: `The answer is outside its scope for this questionnaire: ${problems.join('; ')}.`,
    fix: 'Use an entry whose scope covers this questionnaire, or ask the entry owner to confirm the claim holds there and widen its scope.',
  };
}
