// data/demo-library.json (written by another engineer in our JSON format) must load without a single problem,
// reference only evidence it contains, and seed an empty library exactly once.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LibraryFile, parseLibraryFile, seedIfEmpty } from '../../../lib/library';
import { freshLibrary } from './helpers';

const PATH = new URL('../../../data/demo-library.json', import.meta.url);

// Committed with the project, so it is read, never skipped: a missing file fails here.
describe('demo library (data/demo-library.json)', () => {
  const bytes = () => new Uint8Array(readFileSync(PATH));

  it('is a valid crosswalk-library file: every entry, control id and evidence reference checks out', () => {
    const parsed = parseLibraryFile('demo-library.json', bytes());
    expect(parsed.rejected).toEqual([]);
    const file = LibraryFile.parse(JSON.parse(readFileSync(PATH, 'utf8')));
    expect(parsed.accepted.entries).toHaveLength(file.entries.length);
    const evidenceIds = new Set(file.evidence.map((e) => e.id));
    const dangling = file.entries.flatMap((e) =>
      e.evidenceIds.filter((id) => !evidenceIds.has(id)).map((id) => `${e.id} → ${id}`),
    );
    expect(dangling).toEqual([]);
  });

  it('seeds an empty library once and never over existing data', async () => {
    const lib = await freshLibrary();
    const demo = JSON.parse(readFileSync(PATH, 'utf8')) as { entries: unknown[]; evidence: unknown[] };
    const first = await seedIfEmpty(lib, demo);
    expect(first.seeded).toBe(true);
    expect(first.report?.mergeProposals).toEqual([]);
    expect(await lib.entries.count({ includeRetired: true })).toBe(demo.entries.length);
    expect(await lib.evidence.count({ includeRetired: true })).toBe(demo.evidence.length);
    const again = await seedIfEmpty(lib, demo);
    expect(again.seeded).toBe(false);
  });
});

describe('seedIfEmpty', () => {
  it('refuses a broken demo file with its problems listed', async () => {
    const lib = await freshLibrary();
    const broken = {
      format: 'crosswalk-library',
      version: 1,
      exportedAt: '2026-01-01T00:00:00Z',
      entries: [{ id: 'x' }],
      evidence: [],
    };
    await expect(seedIfEmpty(lib, broken)).rejects.toThrow(/demo library has \d+ problem\(s\): entries\[0\]\.question/);
    expect(await lib.isEmpty()).toBe(true);
  });
});
