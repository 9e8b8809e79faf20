// data/demo-library.json (written by another engineer in our JSON format) must load without a single problem and
// reference only evidence it contains. It is loaded only when chosen on the first-run screen, every entry tagged
// `demo`, and removed again in one action, after which nothing brings it back.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  chooseStart,
  demoCounts,
  LibraryFile,
  loadDemoLibrary,
  openLibrary,
  parseLibraryFile,
  removeDemoData,
  startState,
} from '../../../lib/library';
import { createServices } from '../../../lib/background/services';
import { entryDraft, freshLibrary } from './helpers';

const PATH = new URL('../../../data/demo-library.json', import.meta.url);

// Committed with the project, so it is read, never skipped: a missing file fails here.
describe('demo library (data/demo-library.json)', () => {
  const bytes = () => new Uint8Array(readFileSync(PATH));
  const demo = () => JSON.parse(readFileSync(PATH, 'utf8')) as { entries: unknown[]; evidence: unknown[] };

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

  it('a new library asks first; choosing the demo loads it tagged "demo", and loading twice changes nothing', async () => {
    const lib = await freshLibrary();
    expect(await startState(lib)).toEqual({ ask: true });
    const report = await chooseStart(lib, 'demo', demo());
    expect(report?.committed).toBe(true);
    expect(report?.mergeProposals).toEqual([]);
    const entries = await lib.entries.list({ includeRetired: true });
    expect(entries).toHaveLength(demo().entries.length);
    expect(entries.every((e) => e.tags.includes('demo'))).toBe(true);
    expect(await lib.evidence.count({ includeRetired: true })).toBe(demo().evidence.length);
    const state = await startState(lib);
    expect(state.ask).toBe(false);
    expect(state.chosen?.choice).toBe('demo');
    const again = await loadDemoLibrary(lib, demo());
    expect(again.entries).toMatchObject({ added: 0, updated: 0, unchanged: demo().entries.length });
  });

  it("removes the demo in one action, keeps the user's own entries, and nothing re-seeds it", async () => {
    const lib = await freshLibrary();
    await chooseStart(lib, 'demo', demo());
    await lib.entries.put(entryDraft({ id: 'mine', evidenceIds: ['ev-001'] }));
    const removed = await removeDemoData(lib, demo());
    expect(removed.entries).toBe(demo().entries.length);
    // ev-001 is still cited by the user's own entry, so it stays.
    expect(removed.evidence).toBe(demo().evidence.length - 1);
    expect((await lib.entries.list({ includeRetired: true })).map((e) => e.id)).toEqual(['mine']);
    expect(await lib.entries.history('ans-001')).toEqual([]);
    expect(await demoCounts(lib)).toEqual({ entries: 0 });

    // Emptied completely, then a background start: still empty (the background never seeds).
    await lib.entries.retire('mine');
    await lib.entries.purge('mine');
    const services = createServices(() => openLibrary(lib.name));
    expect(await (await services.library()).isEmpty()).toBe(false); // ev-001 remains
    expect(await lib.entries.count({ includeRetired: true })).toBe(0);
    expect((await startState(lib)).ask).toBe(false);
  });
});

describe('first-run choices', () => {
  it('"start empty" and "import" are remembered, so the question is not asked again', async () => {
    const lib = await freshLibrary();
    await chooseStart(lib, 'empty');
    expect(await startState(lib)).toMatchObject({ ask: false, chosen: { choice: 'empty' } });
    expect(await lib.entries.count()).toBe(0);
  });

  it('an existing library from an earlier release is not asked', async () => {
    const lib = await freshLibrary();
    await lib.entries.put(entryDraft());
    expect(await startState(lib)).toEqual({ ask: false });
  });

  it('refuses a broken demo file with its problems listed', async () => {
    const lib = await freshLibrary();
    const broken = {
      format: 'crosswalk-library',
      version: 1,
      exportedAt: '2026-01-01T00:00:00Z',
      entries: [{ id: 'x' }],
      evidence: [],
    };
    await expect(loadDemoLibrary(lib, broken)).rejects.toThrow(
      /demo library has \d+ problem\(s\): entries\[0\]\.question/,
    );
    expect(await lib.isEmpty()).toBe(true);
  });
});
