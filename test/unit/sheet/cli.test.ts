// `crosswalk fill`: the summary line, --json in sheet and row order, nothing written without --out, the answered
// copy and the review report with --out and --report.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../../lib/cli/main';
import { compareParts } from '../../fixtures/sheets/compare-parts';
import { bank } from '../../fixtures/sheets/layouts';

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const layout = bank();
const dir = mkdtempSync(join(tmpdir(), 'crosswalk-fill-cli-'));
const input = join(dir, layout.fileName);
writeFileSync(input, layout.bytes);

interface JsonRow {
  sheet: string;
  row: number;
  question: string;
  questionCell: string;
  answerCell: string;
  kind: string;
  options: string[] | null;
  filled: boolean;
  value: string | null;
  entryId: string | null;
  confidence: number | null;
  reasons: { code: string; message: string }[];
}

describe('crosswalk fill (CLI)', () => {
  it('prints the summary and writes nothing without --out', async () => {
    const { code, out } = await capture(['fill', input, '--today', '2026-01-15']);
    expect(code).toBe(0);
    expect(out).toMatch(/^sheets 2, questions 70, filled \d+, suggested \d+, abstained \d+$/);
    const [, f, s, a] = /filled (\d+), suggested (\d+), abstained (\d+)/.exec(out)!.map(Number);
    expect(f! + s! + a!).toBe(70);
    expect(readdirSync(dir)).toEqual([layout.fileName]);
  });

  it('--json: one object per question in sheet and row order, with cells in A1 notation', async () => {
    const { code, out } = await capture(['fill', input, '--json', '--today', '2026-01-15']);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as JsonRow[];
    expect(rows.length).toBe(70);
    expect(rows.map((r) => `${r.sheet}!${r.row}`)).toEqual(layout.expected.map((e) => `${e.sheet}!${e.row}`));
    const first = rows[0]!;
    expect(first).toMatchObject({
      sheet: 'Information Security',
      row: 9,
      questionCell: 'C9',
      answerCell: 'D9',
      kind: 'choice',
      options: ['Yes', 'No', 'N/A'],
    });
    for (const r of rows) {
      expect(typeof r.filled).toBe('boolean');
      if (r.filled) expect(r.options).toContain(r.value);
      if (r.filled) expect(r.entryId).toBeTruthy();
      if (!r.filled) expect(r.reasons.length).toBeGreaterThan(0);
    }
    // A formula answer cell is never filled, and says why.
    const formula = rows.find((r) => r.answerCell === 'D15' && r.sheet === 'Information Security')!;
    expect(formula.filled).toBe(false);
    expect(formula.reasons.map((x) => x.code)).toContain('answer-cell-formula');
    // Already-answered questions are left alone.
    expect(rows.filter((r) => r.reasons.some((x) => x.code === 'already-answered')).every((r) => !r.filled)).toBe(true);
  });

  it('--out writes the answered copy (only filled cells change) and --report lists every fill', async () => {
    const out = join(dir, 'answered.xlsx');
    const report = join(dir, 'review.csv');
    const { code, out: summary } = await capture([
      'fill',
      input,
      '--out',
      out,
      '--report',
      report,
      '--today',
      '2026-01-15',
    ]);
    expect(code).toBe(0);
    const filled = Number(/filled (\d+)/.exec(summary)![1]);
    expect(filled).toBeGreaterThan(0);
    const diff = compareParts(layout.bytes, readFileSync(out));
    expect(diff.otherChanges).toEqual([]);
    const changedCells = [...diff.cells.values()].reduce((n, c) => n + c.size, 0);
    expect(changedCells).toBeGreaterThanOrEqual(filled);
    const rows = Papa.parse<Record<string, string>>(readFileSync(report, 'utf8').replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.length).toBe(changedCells);
    expect(rows[0]!.Questionnaire).toBe('bank-template.xlsx');
    expect(rows.every((r) => r['Source entry'] && r['Source entry'] !== '(no library entry)')).toBe(true);
  });

  it('--only-confident never fills more than the default', async () => {
    const all = await capture(['fill', input, '--today', '2026-01-15']);
    const strict = await capture(['fill', input, '--only-confident', '--today', '2026-01-15']);
    const n = (s: string) => Number(/filled (\d+)/.exec(s)![1]);
    expect(n(strict.out)).toBeLessThanOrEqual(n(all.out));
  });

  it('explains bad arguments', async () => {
    expect((await capture(['fill'])).code).toBe(2);
    const r = await capture(['fill', input, '--report', join(dir, 'r.csv')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/add --out/);
    const csv = await capture(['fill', input, '--out', join(dir, 'a.csv')]);
    expect(csv.code).toBe(1);
    expect(csv.err).toMatch(/keeps the questionnaire's format/);
  });
});
