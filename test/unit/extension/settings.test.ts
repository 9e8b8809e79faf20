import { describe, expect, it } from 'vitest';
import { FOOTER_PRESETS, loadSettings, parseSettings, saveSettings } from '../../../lib/background/settings';
import { DEFAULT_AUTOFILL_THRESHOLD } from '../../../lib/match';
import { originPattern } from '../../../entrypoints/options/sites-view';
import { filterEntries, isStale, NO_FILTER } from '../../../entrypoints/options/filters';
import type { AnswerEntry } from '../../../lib/library/schema';

describe('settings', () => {
  it('falls back per field to defaults when stored values are bad, and keeps good ones', () => {
    expect(parseSettings(undefined)).toEqual({ autofillThreshold: DEFAULT_AUTOFILL_THRESHOLD, citationFooter: '' });
    expect(parseSettings({ autofillThreshold: 7, citationFooter: FOOTER_PRESETS.entry })).toEqual({
      autofillThreshold: DEFAULT_AUTOFILL_THRESHOLD,
      citationFooter: FOOTER_PRESETS.entry,
    });
  });

  it('saves a patch over the stored settings', async () => {
    const store = new Map<string, unknown>();
    const backend = {
      get: async <T>(k: string) => store.get(k) as T | undefined,
      set: async (k: string, v: unknown) => void store.set(k, v),
    };
    await saveSettings(backend, { autofillThreshold: 0.9 });
    await saveSettings(backend, { citationFooter: FOOTER_PRESETS.full });
    expect(await loadSettings(backend)).toEqual({ autofillThreshold: 0.9, citationFooter: FOOTER_PRESETS.full });
  });
});

describe('options helpers', () => {
  it('turns a typed site into an origin permission pattern, refusing non-web schemes', () => {
    expect(originPattern('portal.example.com')).toBe('https://portal.example.com/*');
    expect(originPattern('http://10.0.0.5:8080/forms/1')).toBe('http://10.0.0.5/*');
    expect(originPattern('file:///etc/passwd')).toBeNull();
    expect(originPattern('  ')).toBeNull();
  });

  const e = (over: Partial<AnswerEntry>): AnswerEntry => ({
    id: 'a',
    question: 'Q',
    alternatives: [],
    answer: 'A',
    controls: [],
    evidenceIds: [],
    owner: 'Ann',
    roles: {},
    status: 'approved',
    scope: { services: [], environments: [], regions: [], dataTypes: [] },
    reuse: { level: 'nda' },
    tags: [],
    source: 'x',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    version: 1,
    ...over,
  });

  it('filters entries by status, owner, framework+control, staleness and reuse', () => {
    const entries = [
      e({ id: 'a', reviewBy: '2025-01-01', controls: [{ framework: 'soc2:2017', id: 'CC6.1' }] }),
      e({
        id: 'b',
        owner: 'Bob',
        status: 'draft',
        reuse: { level: 'public' },
        controls: [{ framework: 'iso27001:2022', id: 'A.8.24' }],
      }),
    ];
    const ids = (f: Partial<typeof NO_FILTER>) =>
      filterEntries(entries, { ...NO_FILTER, ...f }, '2026-06-01').map((x) => x.id);
    expect(ids({ stale: 'stale' })).toEqual(['a']);
    expect(ids({ status: 'draft' })).toEqual(['b']);
    expect(ids({ owner: 'bob' })).toEqual(['b']);
    expect(ids({ framework: 'soc2:2017' })).toEqual(['a']);
    expect(ids({ framework: 'soc2:2017', control: 'A.8' })).toEqual([]);
    expect(ids({ reuse: 'public' })).toEqual(['b']);
    expect(isStale({ reviewBy: undefined })).toBe(false);
  });
});
