import { describe, expect, it } from 'vitest';
import { importFile, parseLibraryFile, importParsed, resolveMergeProposals, LibraryError } from '../../../lib/library';
import { bytes, entryDraft, freshLibrary, rejectionOf } from './helpers';

const QUESTIONNAIRE =
  'Question,Answer,Owner\nIs MFA enforced for all staff?,Yes,iam@x.io\nAre backups tested every quarter?,Yes,ops@x.io\n';

describe('importing into the library', () => {
  it('writes every row of a valid file in one go, with history', async () => {
    const lib = await freshLibrary();
    const report = await importFile(lib, 'q.csv', bytes(QUESTIONNAIRE));
    expect(report.committed).toBe(true);
    expect(report.entries).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(report.summary).toMatch(/2 added/);
    const all = await lib.entries.list();
    expect(all.map((e) => e.owner).sort()).toEqual(['iam@x.io', 'ops@x.io']);
    expect((await lib.entries.history(all[0]!.id)).map((h) => h.reason)).toEqual(['import']);
  });

  it('all-or-nothing by default: one bad row and nothing is written; valid-rows mode writes the rest', async () => {
    const lib = await freshLibrary();
    const bad = `${QUESTIONNAIRE}Do you log admin access?,,\n`;
    const report = await importFile(lib, 'q.csv', bytes(bad));
    expect(report.committed).toBe(false);
    expect(report.summary).toMatch(
      /Nothing imported: 1 row\(s\) have problems \(first: row 4, Answer: there is no answer/,
    );
    expect(await lib.entries.count()).toBe(0);
    const partial = await importFile(lib, 'q.csv', bytes(bad), { mode: 'valid-rows' });
    expect(partial.committed).toBe(true);
    expect(partial.rejected.map((r) => r.row)).toEqual([4]);
    expect(await lib.entries.count()).toBe(2);
  });

  it('holds back near-duplicates of library questions as merge proposals, and applies decisions', async () => {
    const lib = await freshLibrary();
    await lib.entries.put(entryDraft());
    const report = await importFile(
      lib,
      'q.csv',
      bytes('Question,Answer,SOC 2\nIs customer data encrypted at rest?,"Yes, AES-256",CC6.7\nIs MFA enforced?,Yes,\n'),
    );
    expect(report.entries.added).toBe(1);
    expect(report.mergeProposals).toHaveLength(1);
    const [p] = report.mergeProposals;
    expect(p).toMatchObject({ row: 2, target: { id: 'enc-rest', in: 'library' } });
    expect(await lib.entries.count()).toBe(2);

    const [merged] = await resolveMergeProposals(lib, [{ proposal: p!, action: 'merge' }]);
    expect(merged!.version).toBe(2);
    expect(merged!.alternatives).toEqual(['Is customer data encrypted at rest?']);
    expect(merged!.controls).toContainEqual({ framework: 'soc2:2017', id: 'CC6.7' });
    expect(merged!.answer).toMatch(/managed KMS/); // library answer kept unless asked
    expect(await lib.entries.count()).toBe(2);
  });

  it('a row with an existing entry id becomes a new version; an identical one changes nothing', async () => {
    const lib = await freshLibrary();
    await lib.entries.put(entryDraft());
    const csv = (answer: string) =>
      bytes(
        `Entry id,Question,Answer,Owner,Status,Reuse,ISO 27001:2022,SOC 2,Short answer,Approved at,Tags\nenc-rest,Do you encrypt customer data at rest?,${answer},security@example.com,approved,public,A.8.24,CC6.1,Yes,2025-01-15,encryption\n`,
      );
    const r1 = await importFile(lib, 'q.csv', csv('Yes. AES-256 with keys in KMS.'));
    expect(r1.entries).toEqual({ added: 0, updated: 1, unchanged: 0 });
    const e = await lib.entries.get('enc-rest');
    expect(e!.version).toBe(2);
    expect((await lib.entries.getVersion('enc-rest', 1))!.answer).toMatch(/managed KMS/);
  });

  it('an import interrupted mid-transaction leaves the library exactly as it was', async () => {
    const lib = await freshLibrary();
    await lib.entries.put(entryDraft());
    const rows = Array.from({ length: 1500 }, (_, i) => `Is control number ${i} item${i} in place?,Yes`).join('\n');
    const before = await lib.changeSeq();
    const versionsBefore = await lib.db.entryVersions.count();
    const err = await rejectionOf(
      importFile(lib, 'big.csv', bytes(`Question,Answer\n${rows}\n`), {
        onProgress: (written) => {
          if (written >= 1000) throw new Error('disk full');
        },
      }),
    );
    expect(err.message).toBe('disk full');
    expect((await lib.entries.list({ includeRetired: true })).map((x) => x.id)).toEqual(['enc-rest']);
    expect(await lib.db.entryVersions.count()).toBe(versionsBefore);
    expect(await lib.entries.history('enc-rest')).toHaveLength(1);
    expect(await lib.changeSeq()).toBe(before);

    const ctrl = new AbortController();
    const parsed = parseLibraryFile('big.csv', bytes(`Question,Answer\n${rows}\n`));
    const cancelled = await rejectionOf(
      importParsed(lib, parsed, { signal: ctrl.signal, onProgress: () => ctrl.abort() }),
    );
    expect(cancelled).toBeInstanceOf(LibraryError);
    expect(cancelled.message).toMatch(/library is unchanged/);
    expect(await lib.entries.count()).toBe(1);
  });
});
