// @vitest-environment happy-dom
// <LibraryHealth /> as the options page shows it: coverage grids per framework, and a cell opens its entries.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryHealth } from '../../../components/health/library-health';
import { deleteLibrary, openLibrary, type Library } from '../../../lib/library/repository';
import { entry } from './builders';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let lib: Library | undefined;
let root: Root | undefined;
afterEach(async () => {
  act(() => root?.unmount());
  lib?.close();
  if (lib) await deleteLibrary(lib.name);
});

describe('LibraryHealth', () => {
  it('draws each framework grid and opens a cell to its entries', async () => {
    lib = await openLibrary('health-ui');
    const {
      createdAt: _c,
      updatedAt: _u,
      version: _v,
      ...d
    } = entry({ id: 'ans-crypto', controls: [{ framework: 'iso27001:2022', id: 'A.8.24' }] });
    await lib.entries.put(d);
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root!.render(<LibraryHealth library={lib} />));
    for (let i = 0; i < 100 && !host.querySelector('.cw-coverage'); i++)
      await act(async () => new Promise((r) => setTimeout(r, 20)));

    const grid = (label: string) => host.querySelector(`section[aria-label="${label} coverage"]`)!;
    expect(grid('ISO/IEC 27001:2022').querySelectorAll('.cw-cell').length).toBe(93);
    expect(grid('SOC 2 (TSC 2017, rev. 2022)').querySelectorAll('.cw-cell').length).toBe(61);
    const cell = [...grid('ISO/IEC 27001:2022').querySelectorAll<HTMLButtonElement>('.cw-cell')].find(
      (b) => b.textContent === 'A.8.24',
    )!;
    expect(cell.className).toContain('cw-cell--fresh');
    await act(async () => cell.click());
    expect(grid('ISO/IEC 27001:2022').querySelector('[role="region"]')!.textContent).toContain('ans-crypto');
    const gap = [...grid('ISO/IEC 27001:2022').querySelectorAll<HTMLButtonElement>('.cw-cell')].find(
      (b) => b.textContent === 'A.7.4',
    )!;
    await act(async () => gap.click());
    expect(grid('ISO/IEC 27001:2022').querySelector('[role="region"]')!.textContent).toContain(
      'ISO/IEC 27001:2022 A.7.4: no approved answer',
    );
  });
});
