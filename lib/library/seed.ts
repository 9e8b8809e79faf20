// First run: load the demo library (data/demo-library.json) into an empty library, never over user data.
import { LibraryError } from './errors';
import { importParsed, type ImportReport } from './import/apply';
import { parseLibraryJson } from './import/json';
import type { Library } from './repository';

/** Seeds only when the library has no entries and no evidence. `demo` is the parsed JSON or its text. */
export async function seedIfEmpty(lib: Library, demo: unknown): Promise<{ seeded: boolean; report?: ImportReport }> {
  if (!(await lib.isEmpty())) return { seeded: false };
  const parsed = {
    fileName: 'demo-library.json',
    format: 'json' as const,
    ...parseLibraryJson(typeof demo === 'string' ? demo : JSON.stringify(demo)),
  };
  if (parsed.rejected.length) {
    const list = parsed.rejected
      .slice(0, 5)
      .map((r) => `${r.column}: ${r.reason}`)
      .join('; ');
    throw new LibraryError(
      'invalid-record',
      `The demo library has ${parsed.rejected.length} problem(s): ${list}. Fix data/demo-library.json (its unit test lists every problem).`,
    );
  }
  const report = await importParsed(lib, parsed);
  return { seeded: report.committed, report };
}
