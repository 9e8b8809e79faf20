// Every data file the controls layer ships is checked against its schema and against the others:
// counts, coverage, and that every crosswalk edge lands on a real control.
import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CatalogFile, CrosswalkFile, FrameworkNotesFile, type CrosswalkEdge } from '../../../lib/controls/schema';
import { publishedStrength, guideStrength } from '../../../lib/controls/build-rules';
import { allControls, getControl } from '../../../lib/controls';
import type { Framework } from '../../../lib/controls/framework';
import { sharedPath } from '../../shared-data';

const root = join(import.meta.dirname, '..', '..', '..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const listJson = (dir: string): string[] =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `${dir}/${f}`);

const catalog = (name: string) => CatalogFile.parse(readJson(`data/controls/${name}.json`));
const crosswalk = (name: string) => CrosswalkFile.parse(readJson(`data/crosswalk/${name}.json`));
const ids = (framework: Framework) => new Set(allControls(framework).map((c) => c.id));

describe('data files match their schemas', () => {
  it.each(listJson('data/controls'))('%s is a valid catalog', (path) => {
    const result = CatalogFile.safeParse(readJson(path));
    expect(result.error?.issues ?? []).toEqual([]);
  });
  it.each(listJson('data/crosswalk'))('%s is a valid crosswalk file', (path) => {
    const result = CrosswalkFile.safeParse(readJson(path));
    expect(result.error?.issues ?? []).toEqual([]);
  });
  it('data/framework-notes.json is valid and covers the nine memo topics', () => {
    const notes = FrameworkNotesFile.parse(readJson('data/framework-notes.json'));
    expect(notes.notes.map((n) => n.key)).toEqual([
      'scope',
      'who-acts',
      'trigger',
      'obligations',
      'evidence',
      'timing',
      'assurance-route',
      'reuse',
      'decision-rule',
    ]);
  });
  it('the schema rejects a malformed catalog entry with a message naming the problem', () => {
    const bad = {
      framework: 'soc2:2017',
      source: 's',
      controls: [{ id: 'CC 6.1', kind: 'criterion', title: 't', summary: '', keywords: [] }],
    };
    const messages = CatalogFile.safeParse(bad).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(messages.some((m) => m.startsWith('controls.0.summary'))).toBe(true);
    expect(messages.some((m) => m.startsWith('controls.0.keywords'))).toBe(true);
  });
});

describe('catalog counts', () => {
  it('ISO 27001:2022 has 93 Annex A controls and 30 clauses', () => {
    const controls = catalog('iso27001-2022').controls;
    expect(controls.filter((c) => c.kind === 'annex')).toHaveLength(93);
    expect(controls.filter((c) => c.kind === 'clause')).toHaveLength(30);
  });
  it('ISO 27001:2013 has the 114 Annex A controls', () => {
    expect(catalog('iso27001-2013').controls.filter((c) => c.kind === 'annex')).toHaveLength(114);
  });
  it('SOC 2 has 61 criteria, 33 of them common criteria', () => {
    const controls = catalog('soc2-2017').controls;
    expect(controls).toHaveLength(61);
    expect(controls.filter((c) => c.id.startsWith('CC'))).toHaveLength(33);
  });
  it('allControls() returns every catalog entry with its framework', () => {
    expect(allControls()).toHaveLength(123 + 114 + 61);
    expect(getControl('iso27001:2022', 'A.8.5')?.framework).toBe('iso27001:2022');
  });
});

describe('crosswalk coverage and endpoints', () => {
  const annexB = crosswalk('iso2013-to-iso2022');
  const published = crosswalk('soc2-to-iso2022');
  const guide = crosswalk('comparison-guide');

  it('maps every one of the 114 ISO 2013 controls to ISO 2022 (ISO 27002 Annex B)', () => {
    const mapped = new Set(annexB.edges.map((e) => e.from));
    expect([...ids('iso27001:2013')].filter((id) => !mapped.has(id))).toEqual([]);
    expect(mapped.size).toBe(114);
    expect(annexB.edges.every((e) => e.sources.join() === 'iso27002:2022-annex-b')).toBe(true);
  });

  it('gives every SOC 2 common criterion at least one ISO 2022 counterpart', () => {
    const mapped = new Set(published.edges.map((e) => e.from));
    const common = [...ids('soc2:2017')].filter((id) => id.startsWith('CC'));
    expect(common.filter((id) => !mapped.has(id))).toEqual([]);
  });

  const endpointsMissing = (edges: CrosswalkEdge[], from: Framework, to: Framework) =>
    edges.flatMap((e) => {
      const missing: string[] = [];
      if (
        e.fromLevel === 'domain'
          ? !allControls(from).some((c) => c.id.startsWith(`${e.from}.`))
          : !ids(from).has(e.from)
      )
        missing.push(e.from);
      if (!e.targetMissing && !ids(to).has(e.to)) missing.push(e.to);
      return missing;
    });

  it('lands every edge on a control that exists in its catalog', () => {
    expect(endpointsMissing(annexB.edges, 'iso27001:2013', 'iso27001:2022')).toEqual([]);
    expect(endpointsMissing(published.edges, 'soc2:2017', 'iso27001:2022')).toEqual([]);
    expect(endpointsMissing(guide.edges, 'iso27001:2013', 'soc2:2017')).toEqual([]);
  });

  it('flags as missing exactly the guide targets that do not exist (CC6.9)', () => {
    expect(guide.edges.filter((e) => e.targetMissing).map((e) => e.to)).toEqual(['CC6.9']);
    expect(ids('soc2:2017').has('CC6.9')).toBe(false);
  });

  it('keeps both published sources and a strength that follows the documented rule', () => {
    expect(published.edges).toHaveLength(564);
    const both = published.edges.filter((e) => e.sources.length === 2);
    expect(both).toHaveLength(70);
    expect(both.every((e) => e.strength === 'strong')).toBe(true);
    for (const e of published.edges)
      expect(e.strength, `${e.from} -> ${e.to}`).toBe(publishedStrength(e.support ?? {}));
    // A single shared 800-53 control alone is thin support.
    expect(published.edges.find((e) => e.from === 'CC9.2' && e.to === '4.4')?.strength).toBe('weak');
  });

  it('records the guide at the level it states: 2013 domains A.5..A.18, "CC6.1–6.7" expanded, "CC8.x" as a series', () => {
    expect([...new Set(guide.edges.map((e) => e.from))]).toEqual([
      'A.5',
      'A.6',
      'A.7',
      'A.8',
      'A.9',
      'A.10',
      'A.11',
      'A.12',
      'A.13',
      'A.14',
      'A.15',
      'A.16',
      'A.17',
      'A.18',
    ]);
    expect(guide.edges.every((e) => e.fromLevel === 'domain' && e.sources.join() === 'comparison-guide')).toBe(true);
    expect(guide.edges.filter((e) => e.from === 'A.9').map((e) => e.to)).toEqual([
      'CC6.1',
      'CC6.2',
      'CC6.3',
      'CC6.4',
      'CC6.5',
      'CC6.6',
      'CC6.7',
    ]);
    expect(guide.edges.find((e) => e.from === 'A.18')).toMatchObject({
      to: 'CC8.1',
      toLevel: 'series',
      stated: 'CC8.x',
    });
    expect(guide.edges.some((e) => e.strength === 'strong')).toBe(false);
    for (const e of guide.edges.filter((g) => !g.disagreement))
      expect(e.strength).toBe(guideStrength(undefined, e.support?.publishedEdges ?? 0));
  });

  it('marks exactly the rows guide-check.md contradicts, with published ids that exist', () => {
    const disputed = guide.edges.filter((e) => e.disagreement).map((e) => `${e.from}>${e.stated ?? e.to}`);
    expect(disputed.sort()).toEqual([
      'A.10>CC6.6',
      'A.11>CC6.2',
      'A.13>CC6.8',
      'A.13>CC6.9',
      'A.15>CC7.2',
      'A.17>CC7.3',
      'A.18>CC8.x',
      'A.8>CC5.1',
    ]);
    const published = guide.edges.flatMap((e) => e.disagreement?.published ?? []);
    expect(published.filter((id) => !ids('soc2:2017').has(id))).toEqual([]);
    expect(guide.edges.find((e) => e.from === 'A.10')?.strength).toBe('partial');
    expect(guide.edges.find((e) => e.from === 'A.13' && e.to === 'CC6.8')?.strength).toBe('weak');
  });
});

describe('own words', () => {
  /** Any run of 8 consecutive words shared with the source text counts as copied. */
  const shingles = (text: string) => {
    const words = text
      .toLowerCase()
      .replace(/[^a-z0-9/ ]+/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
    return new Set(words.slice(0, Math.max(0, words.length - 7)).map((_, i) => words.slice(i, i + 8).join(' ')));
  };
  const copied = (ours: string[], theirs: string) => {
    const source = shingles(theirs);
    return ours.flatMap((text) => [...shingles(text)].filter((s) => source.has(s)));
  };
  it('framework notes share no 8-word run with the memo table', () => {
    const seeds = sharedPath('seeds/crosswalk-memo-table.md');
    const notes = FrameworkNotesFile.parse(readJson('data/framework-notes.json')).notes;
    expect(
      copied(
        notes.flatMap((n) => [n.iso, n.soc2, n.reuseRule ?? '']),
        readFileSync(seeds, 'utf8'),
      ),
    ).toEqual([]);
  });
  it('disagreement notes share no 8-word run with guide-check.md', () => {
    const check = sharedPath('data/guide-check.md');
    const notes = crosswalk('comparison-guide').edges.flatMap((e) => (e.disagreement ? [e.disagreement.note] : []));
    expect(copied(notes, readFileSync(check, 'utf8'))).toEqual([]);
  });
});

describe('reproducible derivation', () => {
  it('build-crosswalk.ts regenerates data/crosswalk byte for byte', () => {
    const shared = sharedPath('data');
    const out = mkdtempSync(join(tmpdir(), 'crosswalk-'));
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'lib/controls/build-crosswalk.ts'), shared, out],
      { stdio: 'pipe' },
    );
    for (const name of ['iso2013-to-iso2022.json', 'soc2-to-iso2022.json', 'comparison-guide.json']) {
      expect(readFileSync(join(out, name), 'utf8'), name).toBe(
        readFileSync(join(root, 'data/crosswalk', name), 'utf8'),
      );
    }
  });
});
