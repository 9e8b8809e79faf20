import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../../lib/cli/library-command';
import { main } from '../../../lib/cli/main';
import { parseLibraryFile } from '../../../lib/library';

const dir = mkdtempSync(join(tmpdir(), 'crosswalk-lib-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
async function capture(fn: () => number | Promise<number>): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  const code = await fn();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('crosswalk library (CLI)', () => {
  it('validate: exit 0 and a summary for a clean file', async () => {
    const p = file('ok.csv', 'Question,Answer,ISO 27001\nIs MFA enforced?,Yes,A.8.5\n');
    const { code, out } = await capture(() => main(['library', 'validate', p]));
    expect(code).toBe(0);
    expect(out).toMatch(/1 row\(s\) read: 1 accepted, 0 rejected/);
  });

  it('validate: exit 1 and every problem with row and column', async () => {
    const p = file(
      'bad.csv',
      'Question,Answer,Approved at,SOC 2\nIs MFA enforced?,Yes,31/13/2024,CC6.1\nAre logs kept?,,,CC99.1\nIs data encrypted?,Yes,,\n',
    );
    const { code, out } = await capture(() => run(['validate', p]));
    expect(code).toBe(1);
    expect(out).toContain('row 2, column "Approved at": error: "31/13/2024" is not a date');
    expect(out).toContain('row 3, column "SOC 2": error:');
    expect(out).toContain('row 3, column "Answer": error: there is no answer');
    expect(out).toMatch(/3 row\(s\) read: 1 accepted, 2 rejected/);
  });

  it('validate: a refused file exits 1 with the reason', async () => {
    const p = file('cols.csv', 'Name,Value\na,b\n');
    const { code, out } = await capture(() => run(['validate', p]));
    expect(code).toBe(1);
    expect(out).toMatch(/No Question column found/);
    expect(out).toMatch(/file refused/);
  });

  it('convert: CSV → XLSX → JSON keeps the rows; refuses to write when rows are rejected', async () => {
    const csv = file(
      'in.csv',
      'Requirement,Vendor response,Notes,SOC 2\nIs MFA enforced?,"Yes, for all staff",hardware keys,CC6.1\nAre backups tested?,Yes,,A1.2\n',
    );
    const xlsx = join(dir, 'out.xlsx');
    const json = join(dir, 'out.json');
    expect((await capture(() => run(['convert', csv, xlsx]))).code).toBe(0);
    const r = await capture(() => run(['convert', xlsx, json]));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Wrote .*out\.json: 2 entries/);
    const back = parseLibraryFile('out.json', readFileSync(json));
    expect(back.rejected).toEqual([]);
    expect(back.accepted.entries.map((e) => [e.question, e.answer, e.notes, e.controls[0]?.id])).toEqual([
      ['Is MFA enforced?', 'Yes, for all staff', 'hardware keys', 'CC6.1'],
      ['Are backups tested?', 'Yes', undefined, 'A1.2'],
    ]);

    const bad = file('bad2.csv', 'Question,Answer\nIs MFA enforced?,\n');
    const refused = await capture(() => run(['convert', bad, join(dir, 'never.json')]));
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/Nothing written/);
  });

  it('usage errors exit 2 with help', async () => {
    const r = await capture(() => run(['frobnicate']));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown subcommand "frobnicate"/);
    expect((await capture(() => run(['convert', 'a.csv', 'b.pdf']))).code).toBe(2);
  });

  it('import defaults as flags: applied to rows without the column, in the words the library page uses', async () => {
    const csv = file(
      'team.csv',
      'Question,Answer,Owner\nIs MFA enforced?,"Yes, for all staff",alice\nAre backups tested?,Yes,\n',
    );
    const plain = await capture(() => run(['validate', csv]));
    expect(plain.out).toContain(
      'note: 2 row(s) will be drafts (no Status column; --status approved) and for internal use only (no Reuse column; --reuse "Under NDA" or --reuse public)',
    );
    const out = join(dir, 'team.json');
    const r = await capture(() =>
      run([
        'convert',
        csv,
        out,
        '--status',
        'approved by Dana Whitfield on 2026-03-01',
        '--reuse',
        'Under NDA',
        '--owner',
        'Security team',
        '--review-by',
        'every 12 months',
      ]),
    );
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('note:');
    const back = parseLibraryFile('team.json', readFileSync(out));
    expect(back.accepted.entries.map((e) => [e.status, e.approvedBy, e.reuse.level, e.owner, e.reviewBy])).toEqual([
      ['approved', 'Dana Whitfield', 'nda', 'alice', '2027-03-01'],
      ['approved', 'Dana Whitfield', 'nda', 'Security team', '2027-03-01'],
    ]);
    const wrong = await capture(() => run(['validate', csv, '--reuse', 'friends']));
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(
      /--reuse "friends" is not understood: use public, "Under NDA" \(nda\), internal or customer:<name>/,
    );
  });

  it('match --library takes the same flags, so a team CSV answers customer questionnaires', async () => {
    const lib = file('lib.csv', 'Question,Answer\nDo you encrypt customer data at rest?,Yes. AES-256 everywhere.\n');
    const ask = 'Is customer data encrypted at rest?';
    const before = await capture(() => main(['match', ask, '--library', lib, '--json']));
    expect((JSON.parse(before.out) as { suggestions: unknown[] }[])[0]!.suggestions).toEqual([]);
    expect(before.err).toMatch(/will be drafts .* and for internal use only/);
    const after = await capture(() =>
      main(['match', ask, '--library', lib, '--json', '--status', 'approved', '--reuse', 'nda']),
    );
    expect(after.code).toBe(0);
    expect((JSON.parse(after.out) as { suggestions: unknown[] }[])[0]!.suggestions[0]).toMatchObject({
      answer: 'Yes. AES-256 everywhere.',
    });
  });
});
