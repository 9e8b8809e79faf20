// No file of the project names a path that exists on one machine only: a newcomer's clone (or CI) cannot open it,
// and a test that reads it would skip or fail there. Research files are named `../shared/...` from the project
// root (test/shared-data.ts resolves them).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../shared-data';

/** An absolute path into someone's machine: work, root or mnt at the file-system root, a home folder
 *  (home/<user>, Users/<user>) or a Windows profile. Not a relative path that merely contains the word
 *  (`../shared/work/`, `lib/root/`). */
const MACHINE_PATH =
  /(?:^|[^\w.\-/]|file:\/\/)(\/(?:work|root|mnt)\/\S*|\/(?:home|Users)\/[^/\s]+\/\S*)|\b[A-Za-z]:\\(?:Users|Documents and Settings)\\\S*/;

/** Files git tracks, plus new ones not yet committed (not ignored): what the next commit would hold. */
function projectFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  return [...new Set(out.split('\0').filter(Boolean))];
}

function machinePaths(text: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    const m = MACHINE_PATH.exec(line);
    return m ? [`line ${i + 1}: ${(m[1] ?? m[0]).trim()}`] : [];
  });
}

describe('no absolute machine paths', () => {
  it('recognises machine paths and leaves relative ones alone', () => {
    // Built from pieces so this file does not itself contain what it looks for.
    const abs = ['/' + 'work/shared/data/x.json', 'see /' + 'home/alice/notes.md', 'C:' + '\\Users\\bob\\x'];
    for (const text of abs) expect(machinePaths(text), text).toHaveLength(1);
    expect(machinePaths(`file:///${'work'}/shared/x`)).toHaveLength(1);
    const relative = [
      '../shared/data/guide-check.md',
      'lib/root/index.ts',
      'https://example.com/home/page',
      '/' + 'tmp/',
    ];
    for (const text of relative) expect(machinePaths(text), text).toEqual([]);
  });

  it('no committed text file names one', () => {
    const files = projectFiles();
    expect(files.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      } catch {
        continue; // listed but deleted in the working tree
      }
      if (text.includes('\0')) continue; // binary (fixtures, images)
      for (const hit of machinePaths(text)) found.push(`${file} ${hit}`);
    }
    expect(found, 'Name research files as ../shared/... relative to the project root (test/shared-data.ts).').toEqual(
      [],
    );
  });
});
