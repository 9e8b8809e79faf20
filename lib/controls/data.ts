// Loads the bundled data files. JSON imports work in Node (tsx, vitest) and in the extension bundle alike;
// each file is validated with zod once, on first use, so importing lib/controls costs nothing until needed.
import type { z } from 'zod';
import iso2022Json from '../../data/controls/iso27001-2022.json' with { type: 'json' };
import iso2013Json from '../../data/controls/iso27001-2013.json' with { type: 'json' };
import soc2Json from '../../data/controls/soc2-2017.json' with { type: 'json' };
import annexBJson from '../../data/crosswalk/iso2013-to-iso2022.json' with { type: 'json' };
import publishedJson from '../../data/crosswalk/soc2-to-iso2022.json' with { type: 'json' };
import guideJson from '../../data/crosswalk/comparison-guide.json' with { type: 'json' };
import notesJson from '../../data/framework-notes.json' with { type: 'json' };
import type { Framework } from './framework';
import { ControlsDataError, errors } from './errors';
import { CatalogFile, CrosswalkFile, FrameworkNotesFile } from './schema';

/** Raw file contents by repository path; tests validate the same objects the runtime uses. */
export const RAW_CATALOGS: Record<Framework, { path: string; json: unknown }> = {
  'iso27001:2022': { path: 'data/controls/iso27001-2022.json', json: iso2022Json },
  'iso27001:2013': { path: 'data/controls/iso27001-2013.json', json: iso2013Json },
  'soc2:2017': { path: 'data/controls/soc2-2017.json', json: soc2Json },
};

export type CrosswalkName = 'annexB' | 'published' | 'guide';
export const RAW_CROSSWALKS: Record<CrosswalkName, { path: string; json: unknown; from: Framework; to: Framework }> = {
  annexB: {
    path: 'data/crosswalk/iso2013-to-iso2022.json',
    json: annexBJson,
    from: 'iso27001:2013',
    to: 'iso27001:2022',
  },
  published: {
    path: 'data/crosswalk/soc2-to-iso2022.json',
    json: publishedJson,
    from: 'soc2:2017',
    to: 'iso27001:2022',
  },
  guide: { path: 'data/crosswalk/comparison-guide.json', json: guideJson, from: 'iso27001:2013', to: 'soc2:2017' },
};

export const RAW_NOTES = { path: 'data/framework-notes.json', json: notesJson as unknown };

/** Parse or throw a ControlsDataError naming the file and the first few issues with their paths. */
export function parseDataFile<S extends z.ZodType>(schema: S, path: string, json: unknown): z.infer<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  throw new ControlsDataError(errors.invalidDataFile(path, issues));
}

function lazy<T>(load: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: load() }).v;
}

function checkFrameworks(path: string, actual: string, expected: string): void {
  if (actual !== expected)
    throw new ControlsDataError(errors.invalidDataFile(path, `framework is ${actual}, expected ${expected}`));
}

const catalogs = {} as Record<Framework, () => CatalogFile>;
for (const [framework, raw] of Object.entries(RAW_CATALOGS) as [Framework, (typeof RAW_CATALOGS)[Framework]][]) {
  catalogs[framework] = lazy(() => {
    const file = parseDataFile(CatalogFile, raw.path, raw.json);
    checkFrameworks(raw.path, file.framework, framework);
    return file;
  });
}
export const loadCatalog = (framework: Framework): CatalogFile => catalogs[framework]();

const crosswalks = {} as Record<CrosswalkName, () => CrosswalkFile>;
for (const [name, raw] of Object.entries(RAW_CROSSWALKS) as [CrosswalkName, (typeof RAW_CROSSWALKS)[CrosswalkName]][]) {
  crosswalks[name] = lazy(() => {
    const file = parseDataFile(CrosswalkFile, raw.path, raw.json);
    checkFrameworks(raw.path, `${file.from} -> ${file.to}`, `${raw.from} -> ${raw.to}`);
    return file;
  });
}
export const loadCrosswalk = (name: CrosswalkName): CrosswalkFile => crosswalks[name]();

export const loadNotes = lazy(() => parseDataFile(FrameworkNotesFile, RAW_NOTES.path, RAW_NOTES.json));
