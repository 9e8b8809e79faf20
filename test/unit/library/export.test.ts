import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { escapeFormula, exportLibrary, importFile, parseLibraryFile } from '../../../lib/library';
import { entryDraft, evidenceDraft, freshLibrary } from './helpers';
import type { Library } from '../../../lib/library';

async function filled(): Promise<Library> {
  const lib = await freshLibrary();
  await lib.evidence.put(evidenceDraft());
  await lib.entries.put(
    entryDraft({
      alternatives: ['Is stored data encrypted?', 'Encryption at rest; which algorithm?'],
      notes: 'Keys rotate yearly',
      evidenceIds: ['ev-crypto-policy'],
      roles: { 'soc2:2017': { owner: 'grc@example.com', reviewedAt: '2025-02-01' } },
      scope: { services: ['api'], environments: ['prod'], regions: ['eu'], dataTypes: ['customer'] },
      reviewBy: '2026-01-15',
    }),
  );
  await lib.entries.put(
    entryDraft({
      id: 'formula',
      question: '=HYPERLINK("http://evil")',
      answer: '+1 555 0100, then -2 and @home',
      shortAnswer: undefined,
      controls: [{ framework: 'iso27001:2013', id: 'A.10.1.1' }],
      reuse: { level: 'customer', customer: 'Acme, Inc.' },
      status: 'draft',
    }),
  );
  await lib.entries.put(
    entryDraft({
      id: 'old',
      question: 'Do you still use tape backups?',
      answer: 'No',
      shortAnswer: 'No',
      controls: [],
    }),
  );
  await lib.entries.retire('old');
  return lib;
}

/** The export without its timestamp (the only field that differs between two exports of the same data). */
const strip = (text: string) =>
  JSON.parse(text, (k: string, v: unknown) => (k === 'exportedAt' ? undefined : v)) as { entries: unknown[] };

describe('export', () => {
  it('JSON is lossless: export → import into an empty library → export gives the same content', async () => {
    const lib = await filled();
    const first = new TextDecoder().decode(await exportLibrary(lib, 'json'));
    const copy = await freshLibrary();
    const report = await importFile(copy, 'lib.json', new TextEncoder().encode(first));
    expect(report.committed).toBe(true);
    expect(report.entries.added).toBe(3);
    const second = new TextDecoder().decode(await exportLibrary(copy, 'json'));
    expect(strip(second)).toEqual(strip(first));
    expect(strip(first).entries).toHaveLength(3);
  });

  it('CSV round trip keeps every column it carries', async () => {
    const lib = await filled();
    const csv1 = await exportLibrary(lib, 'csv');
    const copy = await freshLibrary();
    const report = await importFile(copy, 'lib.csv', csv1);
    expect(report.rejected).toEqual([]);
    expect(report.mergeProposals).toEqual([]);
    const csv2 = await exportLibrary(copy, 'csv');
    expect(new TextDecoder().decode(csv2)).toBe(new TextDecoder().decode(csv1));
    const back = await copy.entries.get('formula');
    expect(back).toMatchObject({
      question: '=HYPERLINK("http://evil")',
      answer: '+1 555 0100, then -2 and @home',
      reuse: { level: 'customer', customer: 'Acme, Inc.' },
    });
  });

  it('XLSX round trip keeps answers and evidence', async () => {
    const lib = await filled();
    const x1 = await exportLibrary(lib, 'xlsx');
    const parsed = parseLibraryFile('lib.xlsx', x1);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.accepted.evidence.map((e) => e.id)).toEqual(['ev-crypto-policy']);
    const copy = await freshLibrary();
    await importFile(copy, 'lib.xlsx', x1);
    const sheets = (bytes: Uint8Array) => {
      const wb = XLSX.read(bytes, { type: 'array' });
      return wb.SheetNames.map((n) => XLSX.utils.sheet_to_json(wb.Sheets[n]!, { header: 1 }));
    };
    expect(sheets(await exportLibrary(copy, 'xlsx'))).toEqual(sheets(x1));
  });

  it('escapes formula-looking cells in CSV and XLSX with a leading apostrophe', async () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'plain', ''].map(escapeFormula)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'plain',
      '',
    ]);
    const lib = await filled();
    const csv = new TextDecoder().decode(await exportLibrary(lib, 'csv'));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(`'+1 555 0100, then -2 and @home`);
    const wb = XLSX.read(await exportLibrary(lib, 'xlsx'), { type: 'array' });
    const cells = Object.values(wb.Sheets.Answers!).filter(
      (c): c is XLSX.CellObject => typeof c === 'object' && c !== null && 'v' in c,
    );
    expect(cells.some((c) => c.v === `'=HYPERLINK("http://evil")`)).toBe(true);
    expect(cells.every((c) => !c.f)).toBe(true);
  });
});
