import { describe, expect, it } from 'vitest';
import { comparePaths, groupByFrame, mergeFrames, splitFid } from '../../../lib/background/frames';
import type { QuestionField } from '../../../lib/page/types';

const field = (fid: string, question: string, extra: Partial<QuestionField> = {}): QuestionField => ({
  fid,
  question,
  kind: 'text',
  value: '',
  ...extra,
});

describe('merging frames', () => {
  it('puts the top frame first, then frames in the order their iframes appear, nested frames after their parent', () => {
    const merged = mergeFrames([
      { frameId: 9, path: [1], url: 'b', title: '', fields: [field('a', 'second iframe')] },
      { frameId: 4, path: [0, 0], url: 'c', title: '', fields: [field('a', 'nested in first')] },
      { frameId: 0, path: [], url: 'top', title: '', fields: [field('a', 'top 1'), field('b', 'top 2')] },
      { frameId: 3, path: [0], url: 'a', title: '', fields: [field('a', 'first iframe')] },
    ]);
    expect(merged.map((f) => f.question)).toEqual([
      'top 1',
      'top 2',
      'first iframe',
      'nested in first',
      'second iframe',
    ]);
  });

  it('prefixes fids (and comment links) with the frame id so equal local fids stay distinct', () => {
    const merged = mergeFrames([
      { frameId: 0, path: [], url: '', title: '', fields: [field('f1', 'q', { comment: 'f2' })] },
      { frameId: 7, path: [0], url: '', title: '', fields: [field('f1', 'q')] },
    ]);
    expect(merged.map((f) => [f.fid, f.comment, f.frameId])).toEqual([
      ['0:f1', '0:f2', 0],
      ['7:f1', undefined, 7],
    ]);
  });

  it('routes framed fids back to their frame with the local fid, and sets malformed ones apart', () => {
    const { byFrame, invalid } = groupByFrame([{ fid: '0:a' }, { fid: '7:b:c' }, { fid: 'nope' }, { fid: '0:d' }]);
    expect([...byFrame]).toEqual([
      [0, [{ fid: 'a' }, { fid: 'd' }]],
      [7, [{ fid: 'b:c' }]],
    ]);
    expect(invalid).toEqual([{ fid: 'nope' }]);
    expect(splitFid('-1:x')).toBeNull();
    expect(comparePaths([0], [0, 0])).toBeLessThan(0);
  });
});
