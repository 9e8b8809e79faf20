// Scope, by the shared reuse rule (lib/match/reuse.ts): an entry holds only for the services, environments,
// regions and data types it names. When the questionnaire declares something on an axis the entry restricts,
// every declared value must be covered (an EU-only claim does not answer for EU and US).
import { SCOPE_AXIS_LABEL, scopeGaps } from '../../match';
import type { Flag } from '../schema';
import { listWords, type ReuseContext } from './context';

export function scopeRule(ctx: ReuseContext): Flag | null {
  const gaps = scopeGaps(ctx.entry.scope, ctx.questionnaire.scope);
  if (!gaps.length) return null;
  const problems = gaps.map(
    (g) => `${SCOPE_AXIS_LABEL[g.axis]} ${listWords(g.missing)} (entry covers ${listWords(g.allowed)})`,
  );
  return {
    code: 'out-of-scope',
    severity: 'high',
    message: `The answer is outside its scope for this questionnaire: ${problems.join('; ')}.`,
    fix: 'Use an entry whose scope covers this questionnaire, or ask the entry owner to confirm the claim holds there and widen its scope.',
  };
}
