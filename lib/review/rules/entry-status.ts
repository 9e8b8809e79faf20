// Only approved entries are meant for reuse; a draft (e.g. saved back from a page edit) or retired one is not.
import type { Flag } from '../schema';
import type { ReuseContext } from './context';

export function entryStatusRule(ctx: ReuseContext): Flag | null {
  const { status, owner } = ctx.entry;
  if (status === 'approved') return null;
  return {
    code: 'entry-not-approved',
    severity: status === 'retired' ? 'high' : 'medium',
    message:
      status === 'retired'
        ? 'The library entry is retired: it was withdrawn from use.'
        : 'The library entry is a draft: nobody has approved it yet.',
    fix:
      status === 'retired'
        ? 'Use a current entry instead, or restore this one in the library if it is still true.'
        : `Ask ${owner} to review and approve it in the library first.`,
  };
}
