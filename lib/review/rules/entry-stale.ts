// The entry's own review date (reviewBy) has passed: its answer may no longer be true.
import type { Flag } from '../schema';
import type { ReuseContext } from './context';

export function entryStaleRule(ctx: ReuseContext): Flag | null {
  const due = ctx.entry.reviewBy;
  if (!due || due >= ctx.today) return null;
  return {
    code: 'entry-stale',
    severity: 'medium',
    message: `The library entry was due for review on ${due} and has not been reviewed since.`,
    fix: `Ask ${ctx.entry.owner} to re-check the answer and set a new review date before reusing it.`,
  };
}
