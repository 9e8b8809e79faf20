// Item 6 of the hardening issue, the pure parts: frames from another site are named (tiny or hidden ones are
// not), and a scan reply is cut to its caps and byte budget with the left-out fields counted.
import { describe, expect, it } from 'vitest';
import { blockedFrames } from '../../../lib/background/blocked-frames';
import { boundFields, FIELD_CAPS, FRAME_REPLY_BUDGET } from '../../../lib/page/field-caps';

const frame = (path: number[], children: { index: number; src: string; width: number; height: number }[] = []) => ({
  frameId: path.length,
  path,
  url: 'https://portal.example.com/',
  title: '',
  children,
});

describe('frames Crosswalk could not enter', () => {
  it('names a visible child frame nobody answered for, with the origin to grant', () => {
    const frames = [
      frame(
        [],
        [
          { index: 0, src: 'https://forms.vendor.example/q?id=7', width: 600, height: 400 },
          { index: 1, src: 'https://portal.example.com/inner', width: 600, height: 400 },
          { index: 2, src: 'https://ads.example/pixel', width: 1, height: 1 },
        ],
      ),
      frame([1]),
    ];
    expect(blockedFrames(frames)).toEqual([
      {
        url: 'https://forms.vendor.example/q?id=7',
        origin: 'https://forms.vendor.example',
        grant: 'https://forms.vendor.example/*',
      },
    ]);
  });
});

describe('scan reply bounds', () => {
  it('cuts a huge label to its cap with an ellipsis', () => {
    const [f] = boundFields([{ fid: 'f1', question: 'x'.repeat(5_000_000), kind: 'text', value: '' }]).fields;
    expect(f!.question.length).toBe(FIELD_CAPS.question);
    expect(f!.question.endsWith('…')).toBe(true);
  });

  it('stops at the byte budget and counts what it left out', () => {
    const fields = Array.from({ length: 10_000 }, (_, i) => ({
      fid: `f${i}`,
      question: 'q'.repeat(1900),
      kind: 'text' as const,
      value: 'v'.repeat(2000),
    }));
    const res = boundFields(fields);
    expect(res.omitted).toBeGreaterThan(0);
    expect(res.fields.length + res.omitted).toBe(10_000);
    expect(JSON.stringify(res.fields).length).toBeLessThanOrEqual(FRAME_REPLY_BUDGET);
  });
});
