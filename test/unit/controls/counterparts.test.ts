// Counterparts across the three frameworks, the guide's disputed rows, and the framework notes.
import { describe, expect, it } from 'vitest';
import {
  counterparts,
  disagreements,
  frameworkNotes,
  UnknownControlError,
  type Counterpart,
} from '../../../lib/controls';

const ids = (list: Counterpart[]) => list.map((c) => c.ref.id);
const find = (list: Counterpart[], id: string) => list.find((c) => c.ref.id === id);

describe('counterparts', () => {
  it('ISO 2022 -> 2013 follows Annex B (A.8.24 replaced A.10.1.1 and A.10.1.2)', () => {
    const result = counterparts('A.8.24', 'iso27001:2013');
    expect(ids(result)).toEqual(['A.10.1.1', 'A.10.1.2']);
    expect(result.every((c) => c.source === 'iso27002:2022-annex-b' && c.strength === 'strong')).toBe(true);
    expect(find(result, 'A.10.1.2')?.title).toMatch(/key management/i);
  });

  it('ISO 2013 -> 2022 also works for a control that was split (A.18.2.3 -> A.5.36, A.8.8)', () => {
    expect(ids(counterparts('A.18.2.3', 'iso27001:2022'))).toEqual(['A.5.36', 'A.8.8']);
  });

  it('SOC 2 -> ISO 2022 and back give the same edge with both sources', () => {
    const forward = find(counterparts('CC6.1', 'iso27001:2022'), 'A.8.24');
    const back = find(counterparts('A.8.24', 'soc2:2017'), 'CC6.1');
    expect(forward).toMatchObject({
      strength: 'strong',
      sources: ['aicpa-nist80053-chain', 'ciso-assistant-adobe-pivot'],
    });
    expect(back).toMatchObject({ strength: forward?.strength, source: forward?.source });
  });

  it('ranks strong edges before partial and weak ones', () => {
    const ranks = counterparts('CC9.2', 'iso27001:2022').map((c) => ({ strong: 3, partial: 2, weak: 1 })[c.strength]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(ids(counterparts('CC9.2', 'iso27001:2022'))).toContain('A.5.19');
  });

  it('ISO 2013 -> SOC 2 chains through 2022 and names the intermediate control', () => {
    const cc92 = find(counterparts('A.15.1.1', 'soc2:2017'), 'CC9.2');
    expect(cc92?.sources).toEqual(['iso27002:2022-annex-b', 'aicpa-nist80053-chain']);
    expect(cc92?.via).toEqual([{ framework: 'iso27001:2022', id: 'A.5.19' }]);
  });

  it('shows a disputed guide edge next to the published one (A.15 -> CC7.2 vs CC9.2)', () => {
    const result = counterparts('A.15.1.1', 'soc2:2017');
    const cc72 = find(result, 'CC7.2');
    expect(cc72).toMatchObject({ source: 'comparison-guide', strength: 'weak' });
    expect(cc72?.disputed).toContain('CC9.2');
    expect(cc72?.routes[0]?.domain).toBe('A.15');
    expect(find(result, 'CC9.2')?.disputed).toBeUndefined();
    expect(ids(result).indexOf('CC9.2')).toBeLessThan(ids(result).indexOf('CC7.2'));
  });

  it('SOC 2 -> ISO 2013 includes the guide row as a whole domain', () => {
    const a15 = find(counterparts('CC7.2', 'iso27001:2013'), 'A.15');
    expect(a15).toMatchObject({ level: 'domain', title: 'Supplier relationships', source: 'comparison-guide' });
    expect(a15?.disputed).toBeTruthy();
  });

  it('an undisputed guide row carries no dispute (A.16 -> CC7.4)', () => {
    const cc74 = find(counterparts('A.16.1.1', 'soc2:2017'), 'CC7.4');
    expect(cc74?.sources).toContain('comparison-guide');
    expect(cc74?.disputed).toBeUndefined();
  });

  it('accepts loose ids and an explicit source framework', () => {
    expect(ids(counterparts('a 8.24', 'iso27001:2013'))).toEqual(['A.10.1.1', 'A.10.1.2']);
    expect(ids(counterparts('6.1', 'iso27001:2022', 'soc2:2017'))).toEqual(ids(counterparts('CC6.1', 'iso27001:2022')));
  });

  it('returns nothing for the same framework and throws with nearest ids for an unknown control', () => {
    expect(counterparts('A.8.24', 'iso27001:2022')).toEqual([]);
    expect(() => counterparts('A.8.99', 'soc2:2017')).toThrow(UnknownControlError);
    try {
      counterparts('A.8.99', 'soc2:2017');
    } catch (err) {
      expect((err as UnknownControlError).nearest[0]).toEqual({ framework: 'iso27001:2022', id: 'A.8.9' });
    }
  });
});

describe('disagreements', () => {
  const list = disagreements();
  const row = (from: string, stated: string) => list.find((d) => d.from.id === from && d.stated === stated);

  it('lists the eight contradicted guide rows', () => {
    expect(list.map((d) => `${d.from.id} -> ${d.stated}`)).toEqual([
      'A.8 -> CC5.1',
      'A.10 -> CC6.6',
      'A.11 -> CC6.2',
      'A.13 -> CC6.8',
      'A.13 -> CC6.9',
      'A.15 -> CC7.2',
      'A.17 -> CC7.3',
      'A.18 -> CC8.x',
    ]);
  });

  it('reports CC6.9 as nonexistent', () => {
    expect(row('A.13', 'CC6.9')).toMatchObject({ to: null });
    expect(row('A.13', 'CC6.9')?.note).toMatch(/CC6\.9 does not exist/);
  });

  it('names what the published mappings support instead', () => {
    expect(row('A.15', 'CC7.2')?.published.map((p) => p.id)).toContain('CC9.2');
    expect(row('A.11', 'CC6.2')?.published.map((p) => p.id)).toContain('CC6.4');
    expect(row('A.17', 'CC7.3')?.published.map((p) => p.id)).toEqual(
      expect.arrayContaining(['A1.2', 'A1.3', 'CC7.5', 'CC9.1']),
    );
    expect(row('A.8', 'CC5.1')?.published.map((p) => p.id)).toContain('CC6.1');
    expect(row('A.18', 'CC8.x')?.to).toEqual({ framework: 'soc2:2017', id: 'CC8.1' });
  });

  it('grades A.10 -> CC6.6 partial and A.13 -> CC6.8 weak', () => {
    expect(row('A.10', 'CC6.6')?.strength).toBe('partial');
    expect(row('A.13', 'CC6.8')?.strength).toBe('weak');
    expect(row('A.13', 'CC6.8')?.fromTitle).toBe('Communications security');
  });
});

describe('frameworkNotes', () => {
  it('gives ISO and SOC 2 sides for the nine memo topics, with reuse rules', () => {
    const notes = frameworkNotes();
    expect(notes).toHaveLength(9);
    expect(notes.find((n) => n.key === 'timing')?.reuseRule).toMatch(/report period/);
    expect(notes.every((n) => n.iso !== n.soc2)).toBe(true);
  });
});
