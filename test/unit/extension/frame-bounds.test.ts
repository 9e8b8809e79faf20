// Item 6 of the hardening issue, the pure parts: frames from another site are named (tiny or hidden ones are
// not), a scan is cut to its caps and byte budget with the left-out fields counted, and scan replies are paged:
// every page within its byte budget, all pages together the whole scan in order, a page of an older scan refused.
import { describe, expect, it } from 'vitest';
import { blockedFrames } from '../../../lib/background/blocked-frames';
import { errors } from '../../../lib/background/errors';
import type { TabScan } from '../../../lib/background/page-ops';
import { scanInPagesFor } from '../../../lib/background/scan-pages';
import { boundFields, FIELD_CAPS, FRAME_SCAN_BUDGET, PAGE_BUDGET, Pager } from '../../../lib/page/field-caps';
import type { QuestionField } from '../../../lib/page/types';

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
    const fields = Array.from({ length: 1000 }, (_, i) => ({
      fid: `f${i}`,
      question: 'q'.repeat(1900),
      kind: 'text' as const,
      value: 'v'.repeat(2000),
    }));
    const budget = 1_000_000;
    const res = boundFields(fields, budget);
    expect(res.omitted).toBeGreaterThan(0);
    expect(res.fields.length + res.omitted).toBe(1000);
    expect(res.sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(budget);
    // The frame's default budget holds tens of thousands of ordinary questions.
    expect(FRAME_SCAN_BUDGET / JSON.stringify(field(0)).length).toBeGreaterThan(50_000);
  });
});

const field = (i: number, chars = 400): QuestionField => ({
  fid: `f${i}`,
  question: `Question ${i}: ${'q'.repeat(chars)}`,
  kind: 'text',
  value: '',
});

/** Read every page of a pager's scan, as the background reads a frame. */
function readAll<T>(pager: Pager<T>, first: { items: T[]; cursor?: string }): T[][] {
  const pages = [first.items];
  for (let cursor = first.cursor; cursor;) {
    const next = pager.more(cursor);
    if (!next) throw new Error(`cursor ${cursor} refused`);
    pages.push(next.items);
    cursor = next.cursor;
  }
  return pages;
}

describe('scan replies in pages', () => {
  it('sends 20,000 fields in pages within the byte budget, all of them, in order', () => {
    const { fields, sizes } = boundFields(Array.from({ length: 20_000 }, (_, i) => field(i)));
    const pager = new Pager<QuestionField>();
    const pages = readAll(pager, pager.start(fields, sizes));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(JSON.stringify(page).length).toBeLessThanOrEqual(PAGE_BUDGET + page.length + 2);
    expect(pages.flat().map((f) => f.fid)).toEqual(fields.map((f) => f.fid));
  });

  it('moves on even when one field is bigger than a page', () => {
    const pager = new Pager<string>(10);
    const pages = readAll(pager, pager.start(['a', 'b'.repeat(50), 'c'], [3, 52, 3]));
    expect(pages).toEqual([['a'], ['b'.repeat(50)], ['c']]);
  });

  it('refuses a page of an older scan, a made-up cursor, and a finished scan', () => {
    const pager = new Pager<number>(2);
    const old = pager.start([1, 2, 3], [1, 1, 1]);
    const now = pager.start([7, 8, 9], [1, 1, 1]);
    expect(pager.more(old.cursor!)).toBeNull();
    expect(pager.more('nonsense')).toBeNull();
    expect(pager.more(`${now.cursor!.split(':')[0]}:99`)).toBeNull();
    expect(pager.more(now.cursor!)).toEqual({ items: [9] });
    expect(pager.more(now.cursor!)).toBeNull(); // let go after the last page
  });
});

describe('bg/scan in pages', () => {
  const tab = (n: number): TabScan => ({
    url: 'https://portal.example.com/q',
    title: 'Q',
    fields: Array.from({ length: n }, (_, i) => field(i, 2000)),
    frames: [{ frameId: 0, url: 'https://portal.example.com/q', fields: n }],
  });

  it('hands a 5,000-question tab to the panel in bounded pages that add up to the scan', async () => {
    const first = await scanInPagesFor(7, undefined, async () => tab(5000));
    expect(first.total).toBe(5000);
    const fields = [...first.fields];
    for (let cursor = first.cursor; cursor;) {
      const next = await scanInPagesFor(7, cursor, () => Promise.reject(new Error('no rescan for a page')));
      expect(JSON.stringify(next).length).toBeLessThan(PAGE_BUDGET + 10_000);
      expect(next.frames).toEqual(first.frames);
      fields.push(...next.fields);
      cursor = next.cursor;
    }
    expect(first.cursor).toBeDefined();
    expect(fields.map((f) => f.fid)).toEqual(tab(5000).fields.map((f) => f.fid));
  });

  it('refuses the rest of a scan once the tab was scanned again, with the way out', async () => {
    const first = await scanInPagesFor(8, undefined, async () => tab(5000));
    await scanInPagesFor(8, undefined, async () => tab(3));
    await expect(scanInPagesFor(8, first.cursor, async () => tab(1))).rejects.toThrow(errors.scanGone);
  });
});
