// What a restore would change in one table, computed before anything is written (the restore preview).
import { stableStringify } from './stable';

export type RestoreMode = 'replace' | 'merge';
export interface RestoreDiff {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: number;
}

export const emptyDiff = (): RestoreDiff => ({ added: [], updated: [], removed: [], unchanged: 0 });

/**
 * Keys only in the backup are added; keys in both are updated when their content differs (in merge mode only
 * when `newerOnly` and the backup's `updatedAt` is later, so rows without one are never overwritten by a merge);
 * replace also removes keys missing from the backup.
 */
export function diff<T extends object>(
  mode: RestoreMode,
  lib: Map<string, T>,
  backup: Map<string, T>,
  newerOnly: boolean,
): RestoreDiff {
  const d = emptyDiff();
  for (const [id, b] of backup) {
    const cur = lib.get(id);
    if (!cur) d.added.push(id);
    else if (stableStringify(cur) === stableStringify(b)) d.unchanged++;
    else if (mode === 'replace' || !newerOnly || updatedAt(b) > updatedAt(cur)) d.updated.push(id);
    else d.unchanged++;
  }
  if (mode === 'replace') for (const id of lib.keys()) if (!backup.has(id)) d.removed.push(id);
  return d;
}

const updatedAt = (x: object): string => ('updatedAt' in x && typeof x.updatedAt === 'string' ? x.updatedAt : '');
