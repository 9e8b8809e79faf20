// The research data lives beside the project root, in ../shared (CI clones the repository with it there; each
// worktree here has it at the same place). Tests that read it resolve it from the project root, never from the
// working directory or an absolute path, and fail with the fix when it is missing: a skipped test never runs
// anywhere, so it can pass while the thing it checks is broken.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where package.json is). */
export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The shared research folder beside the project root: `../shared`. */
export const SHARED_ROOT = resolve(PROJECT_ROOT, '..', 'shared');

/** Absolute path of a research file named relative to ../shared (e.g. `data/guide-check.md`); throws when missing. */
export function sharedPath(relative: string): string {
  const path = join(SHARED_ROOT, relative);
  if (!existsSync(path))
    throw new Error(
      `../shared/${relative} is missing (looked in ${path}). The research data must sit beside the project root as ` +
        '../shared: clone or link it there, then run the tests again.',
    );
  return path;
}
