// The README's Layout table is how a newcomer finds their way: it must name every folder (and top-level file) of
// lib/, and every path it names must exist. A new lib/ folder fails here until the table says what it is for.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../shared-data';

/** The backticked paths in the first column of the README's "## Layout" table. */
function layoutPaths(readme: string): string[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Layout'));
  if (!section) throw new Error('README.md has no "## Layout" section: restore the table of folders.');
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\/$/, '')));
}

describe('README layout table', () => {
  const paths = layoutPaths(readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8'));

  it('names every folder and file directly under lib/', () => {
    const entries = readdirSync(join(PROJECT_ROOT, 'lib'), { withFileTypes: true }).map((e) => `lib/${e.name}`);
    expect(entries.length).toBeGreaterThan(5);
    const missing = entries.filter((e) => !paths.includes(e));
    expect(missing, 'Add a row for each to the Layout table in README.md, saying what the folder is for.').toEqual([]);
  });

  it('names only paths that exist', () => {
    const gone = paths.filter((p) => !existsSync(join(PROJECT_ROOT, p)));
    expect(gone, 'Remove these rows from the Layout table in README.md, or fix their paths.').toEqual([]);
  });
});
