// The matcher and the review rules judge reuse with the same functions (lib/match/reuse.ts), so for every
// recipient, NDA and scope they agree: whatever the review would flag, matching either holds back (no
// declaration could clear it) or suggests with the same finding, and nothing the review lets through is held.
import { describe, expect, it } from 'vitest';
import type { ReusePermission } from '../../../lib/library/schema';
import { buildIndex, matchQuestion } from '../../../lib/match';
import { runReuseChecks } from '../../../lib/review/rules';
import { entry } from '../match/helpers';

const Q = 'Is customer data encrypted at rest with AES-256?';
const scope = (regions: string[]) => ({ services: [], environments: [], regions, dataTypes: [] });
const PERMISSIONS: ReusePermission[] = [
  { level: 'public' },
  { level: 'nda' },
  { level: 'internal' },
  { level: 'customer', customer: 'Acme Corp' },
];
const CONTEXTS = [
  { recipient: '', nda: false, regions: [] },
  { recipient: '', nda: true, regions: [] },
  { recipient: 'Acme Corp', nda: false, regions: [] },
  { recipient: 'acme corp', nda: true, regions: ['EU'] },
  { recipient: 'Globex', nda: true, regions: ['EU', 'US'] },
  { recipient: 'Globex', nda: false, regions: ['US'] },
];
const SCOPES = [[], ['EU'], ['EU', 'US']];

const REUSE_CODES = new Set(['not-cleared-for-reuse', 'recipient-unknown', 'out-of-scope']);
const cases = PERMISSIONS.flatMap((reuse) => SCOPES.flatMap((regions) => CONTEXTS.map((c) => ({ reuse, regions, c }))));

describe('matcher and review agree on reuse', () => {
  it.each(cases)('%j', ({ reuse, regions, c }) => {
    const e = entry('ans-1', Q, 'Yes, AES-256 with managed keys.', { reuse, scope: scope(regions) });
    const result = matchQuestion(
      buildIndex([e]),
      { question: Q },
      { today: '2026-06-01', recipient: { recipient: c.recipient, nda: c.nda }, scope: { regions: c.regions } },
    );
    const flags = runReuseChecks({
      entry: e,
      evidence: [],
      questionnaire: { recipient: c.recipient, nda: c.nda, scope: scope(c.regions) },
      today: '2026-06-01',
    }).filter((f) => REUSE_CODES.has(f.code));
    const top = result.suggestions[0];
    const held = result.reasons.some((r) => r.code === 'not-cleared-for-reuse' || r.code === 'out-of-scope');
    const warned = top?.warnings.some((w) => w.code === 'not-cleared-for-reuse' || w.code === 'out-of-scope');
    expect(held || !!warned).toBe(flags.length > 0);
    if (held) expect(top).toBeUndefined();
  });
});
