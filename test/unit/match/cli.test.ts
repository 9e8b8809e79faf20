import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../../lib/cli/match-command';
import { readQuestions } from '../../../lib/cli/match-questions';

async function capture(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = run(args);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('crosswalk match', () => {
  it('prints one JSON object per question with controls best-first per framework and cited suggestions', async () => {
    const { code, out } = await capture([
      'Do you enforce multi-factor authentication for your workforce?',
      '--json',
      '--today',
      '2026-06-01',
    ]);
    expect(code).toBe(0);
    const [r] = JSON.parse(out) as Array<{
      controls: Array<{ framework: string; id: string; score: number }>;
      suggestions: Array<Record<string, unknown>>;
    }>;
    expect(Object.keys(r!)).toEqual(['id', 'question', 'controls', 'suggestions', 'reasons']);
    expect(r!.controls[0]).toMatchObject({ framework: 'iso27001:2022', id: 'A.8.5' });
    for (const f of ['iso27001:2022', 'iso27001:2013', 'soc2:2017']) {
      const scores = r!.controls.filter((c) => c.framework === f).map((c) => c.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    expect(r!.suggestions[0]).toMatchObject({
      entryId: 'ans-055',
      version: expect.any(Number),
      matchedQuestion: expect.stringMatching(/multi-factor|MFA/i),
      shortAnswer: 'Yes',
      verdict: 'confident',
      autoFill: true,
      warnings: [],
    });
    // A script sees why a suggestion is not auto-filled: the verdict and {code, message} warnings.
    const rest = (r!.suggestions as Array<{ autoFill: boolean; warnings: unknown[] }>).slice(1);
    for (const s of rest) {
      expect(s.autoFill).toBe(false);
      expect(s.warnings.length).toBeGreaterThan(0);
      for (const w of s.warnings) expect(w).toEqual({ code: expect.any(String), message: expect.any(String) });
    }
    expect(Object.keys(r!.suggestions[0]!)).toEqual([
      'entryId',
      'version',
      'matchedQuestion',
      'answer',
      'shortAnswer',
      'confidence',
      'verdict',
      'autoFill',
      'warnings',
      'citations',
    ]);
  });

  it('reads a CSV questions file and keeps input order and ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-match-'));
    const file = join(dir, 'q.csv');
    writeFileSync(file, 'id,question\nA-1,Is data encrypted in transit?\nA-2,What currencies do you invoice in?\n');
    const { code, out } = await capture([file, '--json']);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Array<{
      id: string;
      reasons: Array<{ code: string }>;
      suggestions: Array<{ autoFill: boolean }>;
    }>;
    expect(rows.map((r) => r.id)).toEqual(['A-1', 'A-2']);
    expect(rows[1]!.suggestions.some((s) => s.autoFill)).toBe(false);
  });

  it('prints a human summary by default and explains bad options', async () => {
    const ok = await capture(['Do you run penetration tests?']);
    expect(ok.out).toMatch(/ISO\/IEC 27001:2022: A\.8\.8/);
    expect(ok.out).toMatch(/Answer \(ans-\d+ v\d+, confidence/);
    const bad = await capture(['x', '--recipient', 'everyone']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/use public, nda, internal or customer:<name>/);
    const missing = await capture(['x', '--library', 'nope.json']);
    expect(missing.err).toMatch(/does not exist\. Pass --library/);
  });
});

describe('readQuestions', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('takes the first column as questions when there is no "question" header', () => {
    const r = readQuestions('q.csv', enc('Do you log access?\nDo you rotate keys?\n'));
    expect(r).toEqual({
      ok: true,
      questions: [
        { id: 'q1', question: 'Do you log access?' },
        { id: 'q2', question: 'Do you rotate keys?' },
      ],
    });
  });
  it('reads JSON strings, JSON objects and JSONL', () => {
    expect(readQuestions('q.json', enc('["A?", {"id": "x", "question": "B?"}]'))).toMatchObject({
      ok: true,
      questions: [{ question: 'A?' }, { id: 'x', question: 'B?' }],
    });
    expect(readQuestions('q.jsonl', enc('"A?"\n{"question": "B?"}\n'))).toMatchObject({
      ok: true,
      questions: [{ question: 'A?' }, { question: 'B?' }],
    });
  });
  it('explains unreadable input with the fix', () => {
    expect(readQuestions('q.json', enc('{"question": 1}'))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/must be an array/),
    });
    expect(readQuestions('q.pdf', enc(''))).toMatchObject({ ok: false, error: expect.stringMatching(/use \.csv/) });
  });
});
