// What a user sees from `crosswalk control ...`, through the real entry point (bin.mjs -> tsx -> main.ts).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

function crosswalk(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'lib/cli/bin.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('crosswalk control', () => {
  it('A.8.24 prints the control and its counterparts with source and strength', () => {
    const { code, stdout, stderr } = crosswalk('control', 'A.8.24');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('A.8.24  Use of cryptography');
    expect(lines[1]).toContain('ISO/IEC 27001:2022');
    expect(stdout).toMatch(/^Keywords: .*encryption/im);
    expect(stdout).toContain('Counterparts in ISO/IEC 27001:2013 (2):');
    expect(stdout).toMatch(/A\.10\.1\.2 {2}Key management\n\s+strong · iso27002:2022-annex-b/);
    expect(stdout).toMatch(
      /Counterparts in SOC 2 .*:\n {2}CC6\.1 .*\n\s+strong · aicpa-nist80053-chain \+ ciso-assistant-adobe-pivot/,
    );
  });

  it('CC9.2 lists ISO 2022 and ISO 2013 counterparts, including the disputed guide row', () => {
    const { code, stdout } = crosswalk('control', 'CC9.2');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^CC9\.2 {2}\S/);
    expect(stdout).toMatch(/A\.5\.19 {2}Information security in supplier relationships\n\s+strong/);
    expect(stdout).toMatch(/Counterparts in ISO\/IEC 27001:2013 \(\d+\):/);
    expect(stdout).toContain('via ISO/IEC 27001:2022 A.5.19');
  });

  it('a.8.99 exits 1 and names the nearest ids', () => {
    const { code, stdout, stderr } = crosswalk('control', 'a.8.99');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Unknown control A\.8\.99 in ISO\/IEC 27001:2022\. Nearest: A\.8\.9, A\.8\.29, A\.8\.19/);
  });

  it('--disagreements lists the guide rows, CC6.9 as nonexistent', () => {
    const { code, stdout } = crosswalk('control', '--disagreements');
    expect(code).toBe(0);
    expect(stdout).toMatch(/contradict \(8\)/);
    expect(stdout).toContain('A.13 Communications security -> CC6.9 (does not exist)');
    expect(stdout).toMatch(/A\.15 Supplier relationships -> CC7\.2 {2}\[weak\]\n\s+published mappings: CC9\.2/);
  });

  it('--json gives machine-readable counterparts; unquoted "A 8.24" reads as one id', () => {
    const { code, stdout } = crosswalk('control', 'A', '8.24', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      control: { id: string };
      counterparts: { framework: string; items: { ref: { id: string }; strength: string }[] }[];
    };
    expect(out.control.id).toBe('A.8.24');
    expect(out.counterparts.map((g) => g.framework)).toEqual(['iso27001:2013', 'soc2:2017']);
    expect(out.counterparts[1]?.items[0]).toMatchObject({ ref: { id: 'CC6.1' }, strength: 'strong' });
  });

  it('usage errors exit 2 with a fix: unknown command, unknown option, missing id', () => {
    const unknown = crosswalk('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate". Available commands: control');
    const option = crosswalk('control', 'A.8.24', '--verbose');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('Unknown option "--verbose"');
    const missing = crosswalk('control');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing control id');
  });

  it('--help lists the commands', () => {
    const { code, stdout } = crosswalk('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: crosswalk <command>[\s\S]*control/);
  });
});
