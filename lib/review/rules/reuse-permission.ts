// Reuse permission vs recipient, by the shared reuse rule (lib/match/reuse.ts): public goes anywhere; nda needs
// "NDA in place"; internal never leaves the company; a named-customer answer goes only to that customer, and
// cannot be checked until the recipient is declared. The answer and its cited evidence are judged apart: an
// answer may be shareable while a document it cites is not (then the answer goes, the document stays home).
import { clearance, describePermission, unshareableEvidence, unshareableEvidenceMessage } from '../../match';
import type { Flag } from '../schema';
import type { ReuseContext } from './context';

function audience(ctx: ReuseContext) {
  return { recipient: ctx.questionnaire.recipient, nda: ctx.questionnaire.nda ?? false };
}

export function reusePermissionRule(ctx: ReuseContext): Flag | null {
  const to = audience(ctx);
  const p = ctx.entry.reuse;
  const verdict = clearance(p, to);
  const who = to.recipient.trim() ? `"${to.recipient.trim()}"` : 'this recipient';
  switch (verdict) {
    case 'ok':
      return null;
    case 'needs-nda':
      return {
        code: 'not-cleared-for-reuse',
        severity: 'high',
        message: `The answer is shareable under NDA only, and no NDA with ${who} is declared.`,
        fix: 'If an NDA with the recipient is signed, set "NDA in place" for this questionnaire; otherwise use a public answer.',
        action: 'set-nda',
      };
    case 'needs-recipient':
      return {
        code: 'recipient-unknown',
        severity: 'high',
        message: `The answer is ${describePermission(p)}, and no recipient is declared for this questionnaire.`,
        fix: 'Enter who receives the questionnaire so Crosswalk can check the answer is cleared for them.',
        action: 'declare-recipient',
      };
    case 'other-customer':
    case 'internal':
      return {
        code: 'not-cleared-for-reuse',
        severity: 'high',
        message: `The answer is ${describePermission(p)}: not cleared for ${who}.`,
        fix: 'Use an answer cleared for this recipient, or ask the owner to change its reuse permission.',
      };
  }
}

/** Cited evidence the recipient may not receive: the answer may still go, without the document. */
export function evidenceSharingRule(ctx: ReuseContext): Flag | null {
  const items = unshareableEvidence(ctx.evidence, audience(ctx));
  if (!items.length) return null;
  return {
    code: 'evidence-not-shareable',
    severity: 'low',
    message: unshareableEvidenceMessage(items),
    fix: 'Fill the answer, but do not attach or upload the evidence; cite it by name if the recipient asks.',
  };
}
