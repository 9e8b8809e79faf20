// Evidence past its validUntil date (or retired) no longer backs the claim it is cited for.
import { outdatedEvidence } from '../../match';
import type { Flag } from '../schema';
import type { ReuseContext } from './context';

export function evidenceExpiredRule(ctx: ReuseContext): Flag | null {
  const outdated = outdatedEvidence(ctx.evidence, ctx.today);
  if (!outdated.length) return null;
  const list = outdated.map(({ item, why }) =>
    why === 'retired' ? `"${item.title}" (retired)` : `"${item.title}" (valid until ${item.validUntil})`,
  );
  return {
    code: 'evidence-expired',
    severity: 'high',
    message: `Cited evidence is out of date: ${list.join(', ')}.`,
    fix: 'Attach the current version of the document to the entry, or remove the citation.',
  };
}
