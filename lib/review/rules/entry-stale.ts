// The entry's own review date (reviewBy) has passed: its answer may no longer be true.
import { isStale } from '../../match';
import type { Flag } from '../schema';
import type { ReuseContext } from './context';

export function entryStaleRule(ctx: ReuseContext): Flag | null {
  if (!isStale(ctx.entry, ctx.today)) return null;
  return {
    code: 'entry-stale',
    severity: 'medium',
    message: `The library entry was due for review on ${ctx.entry.reviewBy} and has not been reviewed since.`,
    fix: `Ask ${ctx.entry.owner} to re-check the answer and set a new review date before reusing it.`,
  };
}
