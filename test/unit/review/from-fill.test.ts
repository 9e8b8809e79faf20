// One ledger record per fill: the record's id says what was written over what, so a retry or a second panel
// writing the same answer adds nothing, while the same answer written over the person's own text is a new fill.
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerOf } from '../../../lib/library/ledger-store';
import { deleteLibrary, openLibrary, type Library } from '../../../lib/library/repository';
import { fillChangedPage, toFillRecord } from '../../../lib/review/from-fill';

let lib: Library | undefined;
afterEach(async () => {
  lib?.close();
  if (lib) await deleteLibrary(lib.name);
  lib = undefined;
});

const ctx = {
  page: { url: 'https://portal.example/q/17', title: 'Assessment' },
  declared: { name: 'Harbor 2026', recipient: 'Harbor', nda: true, scope: {} },
};
const field = {
  fid: '0:f7',
  question: 'How often are access rights reviewed?',
  kind: 'select' as const,
  number: '1.3',
};
const fill = (value: string, previous: string, trigger: 'fill' | 'fill-all' | 'shortcut' = 'fill-all') =>
  toFillRecord({ ctx, field, value, previous, action: 'fill', trigger });

describe('fill records', () => {
  it('keeps one record for the same answer written over the same value, whichever trigger or panel wrote it', async () => {
    lib = await openLibrary('from-fill-test');
    const ledger = ledgerOf(lib);
    await ledger.record([fill('Annually', '')]);
    await ledger.record([fill('Annually', '', 'fill')]); // a second panel, a retry
    await ledger.record([fill('Annually', '  ')]); // whitespace the page kept is not another value
    expect((await ledger.list()).map((r) => r.value)).toEqual(['Annually']);
  });

  it('records the same answer again when it replaced what the person had written, with what it replaced', async () => {
    lib = await openLibrary('from-fill-test');
    const ledger = ledgerOf(lib);
    await ledger.record([fill('Annually', '')]);
    await ledger.record([fill('Annually', 'Every 2 years', 'shortcut')]);
    const all = await ledger.list();
    expect(all.map((r) => [r.value, r.previous ?? '', r.trigger])).toEqual([
      ['Annually', '', 'fill-all'],
      ['Annually', 'Every 2 years', 'shortcut'],
    ]);
  });

  it('treats a write of the value the field already held as no fill at all', () => {
    expect(fillChangedPage({ value: 'Annually', previous: 'Annually ' })).toBe(false);
    expect(fillChangedPage({ value: 'Annually', previous: '' })).toBe(true);
    expect(fillChangedPage({ value: 'Annually', previous: 'Quarterly' })).toBe(true);
  });
});
