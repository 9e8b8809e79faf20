import { describe, expect, it } from 'vitest';
import { ContentRequest, parseMessage } from '../../../lib/messaging';
import { parseContentRequest } from '../../../lib/page/message-guard';

// The content script validates with a hand-written guard (zod would blow its 60 KB budget, test/content-budget.ts); it must
// accept and reject exactly what the zod contract in lib/messaging.ts does.
const samples: unknown[] = [
  { type: 'page/scan' },
  { type: 'page/scan', cursor: 'k2x9:500' },
  { type: 'page/scan', cursor: 12 },
  { type: 'page/scan', cursor: 'x'.repeat(101) },
  { type: 'page/focused' },
  { type: 'page/fill', fills: [{ fid: 'f1', value: 'Yes' }] },
  { type: 'page/fill', fills: [] },
  { type: 'page/fill', fills: [{ fid: 'f1' }] },
  { type: 'page/fill', fills: 'f1=Yes' },
  { type: 'page/fill', fills: Array.from({ length: 5001 }, (_, i) => ({ fid: `f${i}`, value: '' })) },
  { type: 'page/undo' },
  { type: 'page/undo', fids: ['f1', 'f2'] },
  { type: 'page/undo', fids: [1] },
  { type: 'page/highlight', fid: null },
  { type: 'page/highlight', fid: 'f3' },
  { type: 'page/highlight' },
  { type: 'page/read', fids: ['f1'] },
  { type: 'page/read' },
  { type: 'page/submit' },
  { fid: 'f1' },
  null,
  'page/scan',
  [],
];

describe('parseContentRequest (hand-written guard)', () => {
  it('agrees with the zod ContentRequest schema on every sample', () => {
    for (const raw of samples) {
      const zod = parseMessage(ContentRequest, raw);
      const mine = parseContentRequest(raw);
      expect({ raw, ok: mine.ok }).toEqual({ raw, ok: zod.ok });
      if (zod.ok && mine.ok) expect(mine.message).toEqual(zod.message);
    }
  });

  it('names the message type and the offending field, and strips unknown keys', () => {
    const bad = parseContentRequest({ type: 'page/read', fids: 'f1' });
    expect(bad).toEqual({ ok: false, reason: 'Rejected message page/read: fids: expected an array of strings' });
    const unknown = parseContentRequest({ type: 'page/submit' });
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.reason).toMatch(
      /^Rejected message page\/submit: type: unknown; expected one of page\/scan/,
    );
    expect(parseContentRequest({ type: 'page/scan', extra: 1 })).toEqual({ ok: true, message: { type: 'page/scan' } });
  });
});
