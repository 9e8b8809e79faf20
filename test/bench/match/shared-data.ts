// Where the research data sets live: `../shared/data` beside the project (named relative to the project
// root, never by an absolute path), or wherever CROSSWALK_SHARED_DATA points. Benchmarks that need a set
// which is not there say so and skip it.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The shared data folder: CROSSWALK_SHARED_DATA, else the nearest `shared/data` above the project root. */
export function sharedDataDir(): string | undefined {
  const fromEnv = process.env.CROSSWALK_SHARED_DATA;
  if (fromEnv) return existsSync(fromEnv) ? resolve(fromEnv) : undefined;
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    const candidate = join(dir, '..', 'shared', 'data');
    if (existsSync(candidate)) return resolve(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/** A file in the shared data folder, or undefined when the folder or the file is missing. */
export function sharedFile(relative: string): string | undefined {
  const dir = sharedDataDir();
  if (!dir) return undefined;
  const path = join(dir, relative);
  return existsSync(path) ? path : undefined;
}
