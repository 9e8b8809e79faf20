// Re-importing next month's export: rows whose id exists become new versions (only the fields the file has),
// unchanged rows are skipped, ids missing from the file are listed and retired only when asked, near-duplicates
// are held back until someone decides, and a plan made against an older library is refused, not half-applied.
import { describe, expect, it } from 'vitest';
import {
  applyImport,
  decideHeld,
  importFile,
  listHeld,
  listImports,
  parseLibraryFile,
  planImport,
  type ImportDefaults,
} from '../../../lib/library';
import { bytes, entryDraft, freshLibrary } from './helpers';

const APPROVED_NDA: ImportDefaults = {
  status: { status: 'approved', approvedBy: 'Dana', approvedAt: '2026-01-15' },
  reuse: { level: 'nda' },
};
const MONTH_1 =
  'ID,Question,Answer,Short answer,Owner\n' +
  'TW-001,Do you encrypt data at rest?,Yes. AES-256 on every volume.,Yes,Dana\n' +
  'TW-002,How many employees do you have?,About 600 people in two offices.,612,Priya\n' +
  'TW-003,Do you run a bug bounty?,Yes. A private programme since 2024.,Yes,Elena\n';

async function monthOne() {
  const lib = await freshLibrary();
  const report = await importFile(lib, 'tidewater.csv', bytes(MONTH_1), { defaults: APPROVED_NDA });
  expect(report.entries.added).toBe(3);
  return lib;
}

describe('re-import', () => {
  it('the same file again changes nothing: zero new versions', async () => {
    const lib = await monthOne();
    const versions = (await lib.entries.allVersions()).length;
    const again = await importFile(lib, 'tidewater.csv', bytes(MONTH_1), { defaults: APPROVED_NDA });
    expect(again.entries).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect((await lib.entries.allVersions()).length).toBe(versions);
  });

  it('updates changed rows as new versions, keeps what the file does not carry, and lists ids it dropped', async () => {
    const lib = await monthOne();
    // Someone narrowed TW-002's scope and reuse in Crosswalk after the first import.
    await lib.entries.update('TW-002', {
      reuse: { level: 'public' },
      scope: { services: ['Platform'], environments: [], regions: [], dataTypes: [] },
    });
    const month2 =
      'ID,Question,Answer,Short answer,Owner\n' +
      'TW-001,Do you encrypt data at rest?,Yes. AES-256 on every volume and backup.,Yes,Dana\n' +
      'TW-002,How many employees do you have?,About 600 people in two offices.,612,Priya\n' +
      'TW-004,Do you have cyber insurance?,Yes. USD 10M.,Yes,Dana\n';
    const parsed = parseLibraryFile('tidewater-2.csv', bytes(month2), { defaults: APPROVED_NDA });
    const plan = await planImport(lib, parsed, { defaults: APPROVED_NDA });
    expect(plan.added.map((a) => a.entry.id)).toEqual(['TW-004']);
    expect(plan.unchanged).toBe(1);
    expect(plan.updated).toHaveLength(1);
    const [u] = plan.updated;
    expect(u!.before.answer).toBe('Yes. AES-256 on every volume.');
    expect(u!.after.answer).toBe('Yes. AES-256 on every volume and backup.');
    expect(u!.after.version).toBe(2);
    expect(plan.missing.map((e) => e.id)).toEqual(['TW-003']);

    const report = await applyImport(lib, plan);
    expect(report.entries).toEqual({ added: 1, updated: 1, unchanged: 1 });
    expect(report.retired).toBe(0);
    expect((await lib.entries.get('TW-003'))!.status).toBe('approved'); // not retired unless asked
    // TW-002 kept the reuse and scope set in Crosswalk: the file has no such columns.
    expect(await lib.entries.get('TW-002')).toMatchObject({ reuse: { level: 'public' }, version: 2 });
    // The changed answer was re-approved under the file's choice, and says so in its history.
    const history = await lib.entries.history('TW-001');
    expect(history.map((v) => v.version)).toEqual([1, 2]);
    expect(history[1]).toMatchObject({ reason: 'import', record: { status: 'approved', approvedBy: 'Dana' } });
    expect(history[1]!.note).toMatch(
      /^Imported from tidewater-2\.csv; for rows without these columns: approved by Dana/,
    );
    expect((await listImports(lib)).map((b) => [b.fileName, b.added, b.updated, b.unchanged])).toEqual([
      ['tidewater-2.csv', 1, 1, 1],
      ['tidewater.csv', 3, 0, 0],
    ]);
  });

  it('retires the missing ids when asked, and a changed approved answer without a status choice becomes a draft', async () => {
    const lib = await monthOne();
    const month2 =
      'ID,Question,Answer,Short answer,Owner\n' +
      'TW-001,Do you encrypt data at rest?,Yes. AES-256 everywhere.,Yes,Dana\n' +
      'TW-002,How many employees do you have?,About 600 people in two offices.,612,Priya\n';
    const report = await importFile(lib, 'tidewater-2.csv', bytes(month2), { retireMissing: true });
    expect(report.retired).toBe(1);
    expect(await lib.entries.get('TW-003')).toMatchObject({ status: 'retired', version: 2 });
    expect((await lib.entries.history('TW-003'))[1]!.note).toMatch(/no longer in tidewater-2\.csv/);
    const e1 = await lib.entries.get('TW-001');
    expect(e1).toMatchObject({ status: 'draft', reuse: { level: 'nda' } });
    expect(e1!.approvedBy).toBeUndefined();
  });

  it('refuses a plan the library has moved past, writing nothing', async () => {
    const lib = await monthOne();
    const parsed = parseLibraryFile('t.csv', bytes(MONTH_1.replace('612', '615')));
    const plan = await planImport(lib, parsed);
    await lib.entries.update('TW-002', { owner: 'someone else' });
    await expect(applyImport(lib, plan)).rejects.toThrow(
      /library changed while this import was being prepared \(TW-002/,
    );
    expect((await lib.entries.get('TW-002'))!.shortAnswer).toBe('612');
  });

  it('holds near-duplicates back until Accept, Merge or Discard; a row already in the library is not new', async () => {
    const lib = await freshLibrary();
    await lib.entries.put(entryDraft());
    const file =
      'Question,Answer\n' +
      'Do you encrypt customer data at rest?,Yes. Customer data at rest is encrypted with AES-256 using keys held in a managed KMS.\n' +
      'Is customer data at rest encrypted?,Yes. AES-256 with KMS-held keys.\n' +
      'Do you encrypt all customer data at rest?,Yes. Everything at rest uses AES-256.\n' +
      'Is customer data encrypted when stored at rest?,Yes. Stored data is encrypted.\n';
    const report = await importFile(lib, 'answers.csv', bytes(file));
    expect(report.entries).toMatchObject({ added: 0, unchanged: 1 }); // row 2 is the library's entry, word for word
    const held = await listHeld(lib);
    expect(held.length).toBeGreaterThanOrEqual(2);
    expect(held.every((h) => h.batchId === report.batchId && h.fileName === 'answers.csv')).toBe(true);
    // The same file again does not hold the same rows twice.
    await importFile(lib, 'answers.csv', bytes(file));
    expect(await listHeld(lib)).toHaveLength(held.length);

    const [first, second, ...rest] = held;
    const counts = await decideHeld(lib, [
      { id: first!.id, decision: 'merge' },
      { id: second!.id, decision: 'accept' },
      ...rest.map((h) => ({ id: h.id, decision: 'discard' as const })),
    ]);
    expect(counts).toEqual({ merged: 1, accepted: 1, discarded: rest.length });
    expect(await listHeld(lib)).toEqual([]);
    const target = await lib.entries.get('enc-rest');
    expect(target!.alternatives).toContain(first!.incoming.question);
    expect((await lib.entries.history('enc-rest')).at(-1)).toMatchObject({ reason: 'merge' });
    expect(await lib.entries.count()).toBe(2);
  });
});
