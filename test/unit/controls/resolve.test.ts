// What people type -> the canonical control, and what they see when the id does not exist.
import { describe, expect, it } from 'vitest';
import { getControl, resolveControlId, allControls, type Framework } from '../../../lib/controls';

const hasClause92 = allControls('iso27001:2022').some((c) => c.id === '9.2');

describe('resolveControlId normalizes', () => {
  const table: [input: string, framework: Framework | undefined, expected: string][] = [
    ['A.8.24', undefined, 'iso27001:2022 A.8.24'],
    ['a.8.24', undefined, 'iso27001:2022 A.8.24'],
    ['8.24', undefined, 'iso27001:2022 A.8.24'],
    ['A 8.24', undefined, 'iso27001:2022 A.8.24'],
    ['A8.24', undefined, 'iso27001:2022 A.8.24'],
    ['  Annex A.8.24 ', undefined, 'iso27001:2022 A.8.24'],
    ['CC6.1', undefined, 'soc2:2017 CC6.1'],
    ['cc 6.1', undefined, 'soc2:2017 CC6.1'],
    ['cc6.1', undefined, 'soc2:2017 CC6.1'],
    ['CC9.2', undefined, 'soc2:2017 CC9.2'],
    ['A1.2', undefined, 'soc2:2017 A1.2'], // SOC 2 Availability: ISO Annex A has no A.1
    ['pi1.3', undefined, 'soc2:2017 PI1.3'],
    ['p4.1', undefined, 'soc2:2017 P4.1'],
    ['c1.1', undefined, 'soc2:2017 C1.1'],
    ['A.9.4.2', undefined, 'iso27001:2013 A.9.4.2'],
    ['a9.4.2', undefined, 'iso27001:2013 A.9.4.2'],
    ['9.4.2', undefined, 'iso27001:2013 A.9.4.2'], // no 2022 clause 9.4.2, three numbers -> 2013 Annex A
    ['9.4.2', 'iso27001:2013', 'iso27001:2013 A.9.4.2'],
    ['5.1', undefined, 'iso27001:2022 5.1'], // the clause wins over A.5.1
    ['A.5.1', undefined, 'iso27001:2022 A.5.1'],
    ['6.1.2', undefined, 'iso27001:2022 6.1.2'],
    ['9.2', undefined, hasClause92 ? 'iso27001:2022 9.2' : 'iso27001:2022 9.2.1'], // heading -> its ".1 General" sub-clause
    ['Clause 9.2', undefined, hasClause92 ? 'iso27001:2022 9.2' : 'iso27001:2022 9.2.1'],
    ['10.2', undefined, 'iso27001:2022 10.2'],
    ['5.23', undefined, 'iso27001:2022 A.5.23'], // no clause 5.23 -> Annex A
    ['6.1', 'soc2:2017', 'soc2:2017 CC6.1'],
  ];
  it.each(table)('%j (framework %s) -> %s', (input, framework, expected) => {
    const result = resolveControlId(input, framework);
    expect(result.ok ? `${result.ref.framework} ${result.ref.id}` : result.error).toBe(expected);
  });
});

describe('resolveControlId failures name the nearest ids', () => {
  it('A.8.99 -> unknown in ISO 27001:2022, nearest A.8.9, A.8.29, A.8.19 first', () => {
    const result = resolveControlId('a.8.99');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(
      /^Unknown control A\.8\.99 in ISO\/IEC 27001:2022\. Nearest: A\.8\.9, A\.8\.29, A\.8\.19/,
    );
    expect(result.nearest.slice(0, 3)).toEqual(
      ['A.8.9', 'A.8.29', 'A.8.19'].map((id) => ({ framework: 'iso27001:2022', id })),
    );
  });

  it('CC6.9 does not exist: nearest are CC6 criteria, CC6.8 first', () => {
    const result = resolveControlId('CC6.9');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain('Unknown control CC6.9 in SOC 2');
    expect(result.nearest[0]).toEqual({ framework: 'soc2:2017', id: 'CC6.8' });
    expect(result.nearest.every((r) => r.id.startsWith('CC6.'))).toBe(true);
  });

  it('a SOC 2 id asked for in ISO 27001:2022 says which framework it belongs to', () => {
    const result = resolveControlId('CC6.1', 'iso27001:2022');
    expect(result).toMatchObject({ ok: false, nearest: [{ framework: 'soc2:2017', id: 'CC6.1' }] });
    if (!result.ok) expect(result.error).toContain('Pass framework "soc2:2017"');
  });

  it('a 2013 control objective (A.5.1) lists its controls', () => {
    const result = resolveControlId('A.5.1', 'iso27001:2013');
    expect(result).toMatchObject({ ok: false, nearest: [{ id: 'A.5.1.1' }, { id: 'A.5.1.2' }] });
  });

  it('bare ids that match nothing report both readings', () => {
    const result = resolveControlId('8.99');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.nearest.map((r) => r.id)).toContain('A.8.9');
  });

  it.each(['', '   ', 'hello', 'A.8', 'CC6', 'ISO'])(
    'unreadable input %j gets a usage hint and no nearest ids',
    (input) => {
      const result = resolveControlId(input);
      expect(result).toMatchObject({ ok: false, nearest: [] });
      if (!result.ok) expect(result.error).toMatch(/A\.8\.24/);
    },
  );
});

describe('getControl', () => {
  it('returns the catalog entry for canonical and loose ids', () => {
    expect(getControl('iso27001:2022', 'A.8.24')?.id).toBe('A.8.24');
    expect(getControl('iso27001:2022', 'a 8.24')?.id).toBe('A.8.24');
    expect(getControl('soc2:2017', 'cc 6.1')?.id).toBe('CC6.1');
  });
  it('returns undefined for ids that do not exist or belong elsewhere', () => {
    expect(getControl('iso27001:2022', 'A.8.99')).toBeUndefined();
    expect(getControl('iso27001:2022', 'CC6.1')).toBeUndefined();
    expect(getControl('soc2:2017', 'CC6.9')).toBeUndefined();
  });
});
