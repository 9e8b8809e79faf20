// Item 9 of the hardening issue: packages that parse untrusted input are at or above the minimum versions the
// design note (lib/zip-guard/PARSERS.md) pins, in node_modules, in the lockfile and in package.json's ranges.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');

/** Rows of the note's table: | `package` | parses | installed | minimum | advisories | */
function pinned(): { name: string; installed: string; minimum: string }[] {
  return read('lib/zip-guard/PARSERS.md')
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => {
      const cells = l.split('|').map((c) => c.trim());
      return { name: cells[1]!.replace(/`/g, ''), installed: cells[3]!, minimum: cells[4]! };
    });
}

function compare(a: string, b: string): number {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { version?: string }> };
const manifest = JSON.parse(read('package.json')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('parsers of untrusted input', () => {
  const rows = pinned();

  it('the note lists SheetJS, papaparse, the zip library and zod', () => {
    expect(rows.map((r) => r.name)).toEqual(['@e965/xlsx', 'papaparse', 'fflate', 'zod']);
  });

  it.each(pinned())('$name is at or above its pinned minimum everywhere', ({ name, installed, minimum }) => {
    const inModules = (JSON.parse(read(`node_modules/${name}/package.json`)) as { version: string }).version;
    const inLock = lock.packages[`node_modules/${name}`]?.version;
    const range = manifest.dependencies[name] ?? manifest.devDependencies[name];
    expect(range, `${name} must be a dependency`).toBeDefined();
    const floor = /(\d+\.\d+\.\d+)/.exec(range!)?.[1];
    for (const [where, v] of [
      ['node_modules', inModules],
      ['package-lock.json', inLock],
      ['the lowest version package.json allows', floor],
    ] as const) {
      expect(v, `${name} in ${where}`).toBeDefined();
      expect(
        compare(v!, minimum),
        `${name} ${v} in ${where} is below the pinned minimum ${minimum}`,
      ).toBeGreaterThanOrEqual(0);
    }
    // The note says what is installed: keep it true when upgrading.
    expect(inModules, `update the "installed" column of PARSERS.md for ${name}`).toBe(installed);
  });

  it("the SheetJS the code runs reports a fixed version, and npm's abandoned xlsx package is absent", () => {
    expect(compare(XLSX.version, '0.20.2')).toBeGreaterThanOrEqual(0);
    expect(Object.keys(lock.packages).filter((p) => /(^|\/)node_modules\/xlsx$/.test(p))).toEqual([]);
  });
});
