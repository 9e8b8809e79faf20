// Lossless round trips, over generated libraries (fast-check): for JSON, CSV and XLSX,
//   1. export, then import the unchanged file into the same library: nothing changes (zero new versions);
//   2. export, import into an empty library, export again: the same file;
//   3. every field survives the trip (roles per framework, scope, reuse, evidence links, dates, tags, alternatives,
//      notes, short answers), bar what a spreadsheet does not carry (provenance and timestamps).
// The text generator favours what breaks spreadsheets: list separators, quotes, newlines, formula starters,
// leading apostrophes, backslashes, non-ASCII and numbers-as-text.
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exportLibrary,
  importFile,
  type AnswerEntry,
  type EntryDraft,
  type EvidenceDraft,
  type EvidenceItem,
  type FileFormat,
  type Library,
} from '../../../lib/library';
import { freshLibrary } from './helpers';

const PIECES = [
  'a',
  'Yes',
  'No',
  '612',
  '99.9',
  '0042',
  '1e5',
  ';',
  ',',
  '"',
  "'",
  '\\',
  '\n',
  ' ',
  '=',
  '+',
  '-',
  '@',
  'é',
  '中',
  '<b>',
  ':',
  'owner:',
  'A.8.24',
  '2026-03-14',
  '3/4/2026',
  'customer:Acme',
];
/** Control characters other than tab and newline: XML (XLSX) cannot hold them, nor can a person type them. */
const isControl = (c: string) => {
  const n = c.charCodeAt(0);
  return (n < 32 && c !== '\t' && c !== '\n') || n === 127;
};
/** Non-empty text without leading or trailing whitespace (importers trim cells; people do not mean it). */
const text = (maxPieces = 8) =>
  fc
    .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ minLength: 1, maxLength: 6 })), {
      minLength: 1,
      maxLength: maxPieces,
    })
    .map((parts) =>
      [...parts.join('')]
        .map((c) => (isControl(c) ? 'x' : c))
        .join('')
        .trim(),
    )
    .filter((s) => s.length > 0);
const line = (max = 6) =>
  text(max)
    .map((s) => s.replace(/\n/g, ' ').trim())
    .filter((s) => s.length > 0);
const date = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const list = (item: fc.Arbitrary<string>) => fc.uniqueArray(item, { maxLength: 3 });

const CONTROLS = [
  { framework: 'iso27001:2022', id: 'A.8.24' },
  { framework: 'iso27001:2022', id: 'A.5.1' },
  { framework: 'iso27001:2022', id: '5.2' },
  { framework: 'iso27001:2013', id: 'A.10.1.1' },
  { framework: 'iso27001:2013', id: 'A.9.4.2' },
  { framework: 'soc2:2017', id: 'CC6.1' },
  { framework: 'soc2:2017', id: 'A1.2' },
] as const;

const roles = fc.option(
  fc
    .record({ owner: line(), reviewer: line(), approver: line(), reviewedAt: date }, { requiredKeys: [] })
    .filter((r) => Object.keys(r).length > 0),
  { nil: undefined },
);
const reuse = fc.oneof(
  fc.constantFrom({ level: 'public' as const }, { level: 'nda' as const }, { level: 'internal' as const }),
  line(3).map((customer) => ({ level: 'customer' as const, customer })),
);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const entry = (id: string): fc.Arbitrary<EntryDraft> =>
  fc
    .record({
      question: text(),
      alternatives: list(text(4)),
      answer: text(12),
      shortAnswer: opt(line(3).filter((s) => s.length <= 200)),
      notes: opt(text()),
      controls: fc.shuffledSubarray([...CONTROLS]),
      evidenceIds: list(line(2)),
      owner: line(),
      roles: fc.record({ 'iso27001:2022': roles, 'iso27001:2013': roles, 'soc2:2017': roles }),
      status: fc.constantFrom('draft' as const, 'approved' as const, 'retired' as const),
      approvedBy: opt(line()),
      approvedAt: opt(date),
      reviewBy: opt(date),
      scope: fc.record({
        services: list(line(2)),
        environments: list(line(2)),
        regions: list(line(2)),
        dataTypes: list(line(2)),
      }),
      reuse,
      tags: list(line(2)),
    })
    .map((e) => ({
      ...e,
      id,
      // Absent roles are left out, as the editor does (an undefined key is not a role).
      roles: Object.fromEntries(Object.entries(e.roles).filter(([, v]) => v !== undefined)),
      controls: e.controls.map((c) => ({ ...c })),
    }));

const evidence = (id: string): fc.Arbitrary<EvidenceDraft> =>
  fc.record({
    id: fc.constant(id),
    title: line(),
    kind: fc.constantFrom('policy' as const, 'report' as const, 'certificate' as const, 'other' as const),
    location: fc.record({ uri: line(), section: opt(line()) }, { requiredKeys: ['uri'] }),
    owner: line(),
    issuedAt: opt(date),
    validUntil: opt(date),
    frameworkDates: fc.record(
      {
        soc2: fc.record(
          { reportType: fc.constantFrom('type1' as const, 'type2' as const), periodStart: date, periodEnd: date },
          { requiredKeys: ['reportType'] },
        ),
        iso: fc.record(
          { certificateIssued: date, certificateValidUntil: date },
          { requiredKeys: ['certificateIssued'] },
        ),
      },
      { requiredKeys: [] },
    ),
    reuse,
    controls: fc.shuffledSubarray([...CONTROLS]).map((cs) => cs.map((c) => ({ ...c }))),
    summary: opt(text()),
    status: fc.constantFrom('current' as const, 'retired' as const),
  });

const ids = fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,10}$/), { minLength: 1, maxLength: 5 });
const library = ids.chain((entryIds) =>
  fc.record({
    entries: fc.tuple(...entryIds.map((id) => entry(id))),
    evidence: fc.tuple(...entryIds.slice(0, 2).map((id) => evidence(`ev-${id}`))),
  }),
);

async function seed(data: { entries: EntryDraft[]; evidence: EvidenceDraft[] }): Promise<Library> {
  const lib = await freshLibrary();
  await lib.entries.bulkPut(data.entries);
  await lib.evidence.bulkPut(data.evidence);
  return lib;
}

const STAMP = { exportedAt: '2026-01-01T00:00:00.000Z' };
const ext = (f: FileFormat) => `library.${f}`;

/** XLSX files differ in zip metadata; their sheets must not. */
function sheets(bytes: Uint8Array): Record<string, unknown[][]> {
  const wb = XLSX.read(bytes, { type: 'array' });
  return Object.fromEntries(
    wb.SheetNames.map((n) => [n, XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[n]!, { header: 1, raw: true })]),
  );
}
const sameFile = (f: FileFormat, a: Uint8Array, b: Uint8Array) =>
  f === 'xlsx'
    ? expect(sheets(b)).toEqual(sheets(a))
    : expect(new TextDecoder().decode(b)).toBe(new TextDecoder().decode(a));

/** What a spreadsheet carries of an entry: everything but provenance, timestamps and version. */
const content = ({ source: _s, createdAt: _c, updatedAt: _u, version: _v, controls, ...rest }: AnswerEntry) => ({
  ...rest,
  controls: [...controls].sort((a, b) => `${a.framework}${a.id}`.localeCompare(`${b.framework}${b.id}`)),
});
const evContent = ({ createdAt: _c, updatedAt: _u, version: _v, controls, ...rest }: EvidenceItem) => ({
  ...rest,
  controls: [...controls].sort((a, b) => `${a.framework}${a.id}`.localeCompare(`${b.framework}${b.id}`)),
});

const RUNS = Number(process.env.FC_RUNS ?? 12);

describe.each(['json', 'csv', 'xlsx'] as const)('%s round trip (property-based)', (format) => {
  it('re-importing an unchanged export into the same library changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(library, async (data) => {
        const lib = await seed(data);
        const before = await lib.entries.allVersions();
        const bytes = await exportLibrary(lib, format, STAMP);
        const report = await importFile(lib, ext(format), bytes);
        expect(report.rejected).toEqual([]);
        expect(report.entries).toEqual({ added: 0, updated: 0, unchanged: data.entries.length });
        expect(report.evidence.added + report.evidence.updated).toBe(0);
        expect(await lib.entries.allVersions()).toHaveLength(before.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('export, import into an empty library, export again gives the same file, and every field survives', async () => {
    await fc.assert(
      fc.asyncProperty(library, async (data) => {
        const lib = await seed(data);
        const first = await exportLibrary(lib, format, STAMP);
        const empty = await freshLibrary();
        const report = await importFile(empty, ext(format), first);
        expect(report.rejected).toEqual([]);
        expect(report.mergeProposals).toEqual([]);
        sameFile(format, first, await exportLibrary(empty, format, STAMP));
        const [a, b] = [await lib.loadAll({ includeRetired: true }), await empty.loadAll({ includeRetired: true })];
        expect(b.entries.map(content)).toEqual(a.entries.map(content));
        // CSV holds answer entries only; JSON and XLSX carry evidence too.
        if (format !== 'csv') expect(b.evidence.map(evContent)).toEqual(a.evidence.map(evContent));
      }),
      { numRuns: RUNS },
    );
  });
});
