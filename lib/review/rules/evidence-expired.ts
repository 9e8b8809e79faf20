// Evidence past its validUntil date (or retired) no longer backs the claim it is cited for.
import type { Flag } from '../schema';
import type { ReuseContext } from './context';

export function evidenceExpiredRule(ctx: ReuseContext): Flag | null {
  const expired = ctx.evidence.filter((e) => (e.validUntil && e.validUntil < ctx.today) || e.status === 'retired');
  if (!expired.length) return null;
  const list = expired.map((e) =>
    e.status === 'retired' ? `"${e.title}" (retired)` : `"${e.title}" (valid until ${e.validUntil})`,
  );
  return {
    code: 'evidence-expired',
    severity: 'high',
    message: `Cited evidence is out of date: ${list.join(', ')}.`,
    fix: 'Attach the current version of the document to the entry, or remove the citation.',
  };
}
