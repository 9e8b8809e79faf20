// The wizard's preview sentence: what happens to the imported answers, in the side panel's terms.
import { describe, expect, it } from 'vitest';
import { outcomeSentences } from '../../../entrypoints/options/import-outcome';
import { parseLibraryFile, planImport, planOutcome } from '../../../lib/library';
import { bytes, freshLibrary } from './helpers';

const FILE = 'Question,Answer,Status,Reuse\nA?,Yes.,,\nB?,Yes.,draft,\nC?,Yes.,,public\nD?,Yes.,retired,\n';

describe('import outcome sentences', () => {
  it('say who each approved answer goes to, and that drafts are never filled', async () => {
    const lib = await freshLibrary();
    const defaults = {
      status: { status: 'approved' as const, approvedAt: '2026-01-01' },
      reuse: { level: 'nda' as const },
    };
    const plan = await planImport(lib, parseLibraryFile('q.csv', bytes(FILE), { defaults }), { defaults });
    expect(outcomeSentences(planOutcome(plan))).toEqual([
      '1 answer will be suggested, and may be auto-filled, for customers under NDA.',
      '1 answer will be suggested, and may be auto-filled, for any questionnaire, public ones included.',
      '1 draft will be suggested but never filled until someone approves it.',
      '1 retired entry: kept, never suggested.',
    ]);
  });

  it('internal-only answers are said to go to no customer', async () => {
    const lib = await freshLibrary();
    const defaults = {
      status: { status: 'approved' as const, approvedAt: '2026-01-01' },
      reuse: { level: 'internal' as const },
    };
    const plan = await planImport(
      lib,
      parseLibraryFile('q.csv', bytes('Question,Answer\nA?,Yes.\nB?,No.\n'), { defaults }),
      {
        defaults,
      },
    );
    expect(outcomeSentences(planOutcome(plan))).toEqual([
      '2 answers will be suggested, and may be auto-filled, for internal use only, never for a customer.',
    ]);
  });
});
