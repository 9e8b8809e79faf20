// @vitest-environment happy-dom
// The review list as a reviewer uses it: the edit and the stale flag are visible, "needs attention" filters,
// and approving records the reviewer's name.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ReviewList } from '../../../components/review/review-list';
import { ledgerOf } from '../../../lib/library/ledger-store';
import { deleteLibrary, openLibrary, type Library } from '../../../lib/library/repository';
import { entry, record } from './builders';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let lib: Library | undefined;
let root: Root | undefined;
afterEach(async () => {
  act(() => root?.unmount());
  lib?.close();
  if (lib) await deleteLibrary(lib.name);
  lib = undefined;
});

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await act(async () => new Promise((r) => setTimeout(r, 20)));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('ReviewList', () => {
  it('shows edits and stale flags, filters, and records decisions', async () => {
    lib = await openLibrary('review-list-ui');
    const strip = ({ createdAt: _c, updatedAt: _u, version: _v, ...d }: ReturnType<typeof entry>) => d;
    await lib.entries.put(strip(entry({ id: 'ans-stale', reviewBy: '2020-01-01' })));
    await lib.entries.put(
      strip(entry({ id: 'ans-ok', question: 'Do you run background checks?', answer: 'Yes, before start.' })),
    );
    const ledger = ledgerOf(lib);
    const noId = (r: ReturnType<typeof record>) => {
      const { id: _i, ...rest } = r;
      return rest;
    };
    await ledger.record([
      noId(
        record({
          fid: 'f1',
          entryId: 'ans-stale',
          entryVersion: 1,
          value: 'Keys rotate every 90 days.',
          at: '2025-06-15T10:00:00.000Z',
        }),
      ),
      noId(
        record({
          fid: 'f2',
          entryId: 'ans-ok',
          entryVersion: 1,
          question: 'Background checks?',
          value: 'Yes, before start.',
          evidence: [],
          controls: [],
          at: '2025-06-15T10:01:00.000Z',
        }),
      ),
    ]);
    await ledger.applyReadBack('q1', { f1: 'Keys rotate every 30 days.', f2: 'Yes, before start.' });
    const okId = (await ledger.list()).find((r) => r.fid === 'f2')!.id;
    await ledger.decide(okId, { status: 'approved', reviewer: 'Sam' });

    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root!.render(<ReviewList library={lib} questionnaireId="q1" reviewer="Alex" />));
    await until(() => host.querySelectorAll('article').length === 2, 'two review items');

    const stale = host.querySelector('article[data-record]')!;
    expect(stale.getAttribute('data-edited')).toBe('true');
    expect(stale.querySelector('[data-testid="edited"]')!.textContent).toMatch(/Keys rotate every\s*90\s*30\s*days/);
    expect(stale.querySelector('del')!.textContent?.trim()).toBe('90');
    expect(stale.querySelector('ins')!.textContent?.trim()).toBe('30');
    expect([...stale.querySelectorAll('[data-flag]')].map((e) => e.getAttribute('data-flag'))).toEqual([
      'entry-stale',
      'edited-after-fill',
    ]);

    const filter = host.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(filter.parentElement!.textContent).toMatch(/Needs attention \(1 of 2\)/);
    act(() => filter.click());
    expect(host.querySelectorAll('article').length).toBe(1);

    const approve = [...stale.querySelectorAll('button')].find((b) => b.textContent === 'Approve')!;
    await act(async () => approve.click());
    await until(() => /Approved by Alex/.test(host.textContent ?? ''), 'the decision to show');
    const [first] = await ledger.list({ questionnaireId: 'q1' });
    expect(first!.decision).toMatchObject({ status: 'approved', reviewer: 'Alex' });
  });
});
