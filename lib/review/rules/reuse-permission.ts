// Reuse permission vs recipient: public goes anywhere; nda needs an NDA with the recipient; internal never
// leaves the company; a named-customer entry goes only to that customer. Cited evidence is checked too,
// because a shared answer usually carries its evidence with it.
import type { ReusePermission } from '../../library/schema';
import type { Flag } from '../schema';
import { norm, type ReuseContext } from './context';

type Verdict = 'ok' | 'blocked' | 'unknown';

function allows(p: ReusePermission, recipient: string, nda: boolean): Verdict {
  switch (p.level) {
    case 'public':
      return 'ok';
    case 'nda':
      return nda ? 'ok' : 'blocked';
    case 'internal':
      return 'blocked';
    case 'customer':
      if (!recipient.trim()) return 'unknown';
      return norm(p.customer) === norm(recipient) ? 'ok' : 'blocked';
  }
}

function describe(p: ReusePermission): string {
  switch (p.level) {
    case 'public':
      return 'public';
    case 'nda':
      return 'shareable under NDA only';
    case 'internal':
      return 'internal only';
    case 'customer':
      return `cleared only for ${p.customer}`;
  }
}

export function reusePermissionRule(ctx: ReuseContext): Flag | null {
  const recipient = ctx.questionnaire.recipient;
  const nda = ctx.questionnaire.nda ?? false;
  const items = [
    { what: 'The answer', p: ctx.entry.reuse },
    ...ctx.evidence.map((e) => ({ what: `Evidence "${e.title}"`, p: e.reuse })),
  ];
  const blocked = items.filter((i) => allows(i.p, recipient, nda) === 'blocked');
  const unknown = items.filter((i) => allows(i.p, recipient, nda) === 'unknown');
  const to = recipient.trim()
    ? `"${recipient.trim()}"${nda ? ' (NDA in place)' : ' (no NDA declared)'}`
    : 'this recipient';
  if (blocked.length) {
    return {
      code: 'not-cleared-for-reuse',
      severity: 'high',
      message: `${blocked.map((b) => `${b.what} is ${describe(b.p)}`).join('; ')}: not cleared for ${to}.`,
      fix: blocked.some((b) => b.p.level === 'nda')
        ? 'Confirm an NDA with the recipient is signed and tick "NDA in place", or use a public answer.'
        : 'Use an answer cleared for this recipient, or ask the owner to change its reuse permission.',
    };
  }
  if (unknown.length) {
    return {
      code: 'recipient-unknown',
      severity: 'medium',
      message: `${unknown.map((u) => `${u.what} is ${describe(u.p)}`).join('; ')}, but no recipient is declared for this questionnaire.`,
      fix: 'Enter who receives the questionnaire so Crosswalk can check it is cleared for them.',
    };
  }
  return null;
}
