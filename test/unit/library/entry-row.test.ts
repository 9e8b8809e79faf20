// Live entry rows are stored compactly (defaults left out, controls kept as their index keys): what goes in
// comes back unchanged, exports are byte-identical, and rows written in full by older releases still read.
import { describe, expect, it } from 'vitest';
import { exportLibrary, type AnswerEntry } from '../../../lib/library';
import { entryDraft, freshLibrary } from './helpers';

describe('compact entry rows', () => {
  it('round-trips minimal and fully populated entries, with exports identical to the records written', async () => {
    const lib = await freshLibrary();
    const minimal = await lib.entries.put(entryDraft({ id: 'min', controls: [], tags: [] }));
    const full = await lib.entries.put(
      entryDraft({
        id: 'full',
        alternatives: ['Is data encrypted when stored?'],
        notes: 'asked by banks',
        evidenceIds: ['ev-crypto-policy'],
        roles: { 'iso27001:2022': { owner: 'Dana', reviewedAt: '2025-02-01' } },
        scope: { services: ['api'], environments: [], regions: ['eu'], dataTypes: [] },
        reviewBy: '2026-01-15',
        controls: [
          { framework: 'soc2:2017', id: 'CC6.1' },
          { framework: 'iso27001:2013', id: 'A.10.1.1' },
        ],
      }),
    );
    expect(await lib.entries.get('min')).toEqual(minimal);
    expect(await lib.entries.get('full')).toEqual(full);
    expect((await lib.entries.get('full'))!.controls).toEqual([
      { framework: 'soc2:2017', id: 'CC6.1' },
      { framework: 'iso27001:2013', id: 'A.10.1.1' },
    ]);
    // Key order survives too: exporting what was read equals exporting what was written.
    const loaded = await exportLibrary(lib, 'json', { exportedAt: '2025-01-01T00:00:00.000Z' });
    const written = await exportLibrary({ entries: [full, minimal], evidence: [] }, 'json', {
      exportedAt: '2025-01-01T00:00:00.000Z',
    });
    expect(new TextDecoder().decode(loaded)).toBe(new TextDecoder().decode(written));
    // Records handed out are the caller's own: editing one does not leak into the next read.
    (await lib.entries.get('min'))!.tags.push('mutated');
    expect((await lib.entries.get('min'))!.tags).toEqual([]);
  });

  it('reads rows written in full (older releases, direct seeding) the same way', async () => {
    const lib = await freshLibrary();
    const saved = await lib.entries.put(entryDraft({ id: 'ref' }));
    const legacy: AnswerEntry = {
      ...saved,
      id: 'legacy',
      alternatives: [],
      evidenceIds: [],
      roles: {},
      scope: { services: [], environments: [], regions: [], dataTypes: [] },
    };
    await lib.db.entries.put({ ...legacy, controlKeys: ['iso27001:2022|A.8.24', 'soc2:2017|CC6.1'] });
    expect(await lib.entries.get('legacy')).toEqual(legacy);
    expect((await lib.entriesCiting({ framework: 'soc2:2017', id: 'CC6.1' })).map((e) => e.id).sort()).toEqual([
      'legacy',
      'ref',
    ]);
    const next = await lib.entries.update('legacy', { answer: 'Yes, AES-256 everywhere.' });
    expect(next.version).toBe(2);
    expect((await lib.entries.history('legacy')).map((h) => h.record.answer)).toEqual([
      legacy.answer,
      'Yes, AES-256 everywhere.',
    ]);
  });
});
