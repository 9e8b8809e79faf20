// Writes an import plan (plan.ts) into the library in ONE transaction: everything or (on any error, throw or
// cancel) nothing. The planning and parsing happen before, outside the transaction and yielding as they go; the
// transaction only checks that the library still is what was planned against and writes in chunks, so readers
// (the background's index) are kept waiting for the writes alone. Near-duplicates are held back for a decision
// (held.ts), never silently added; the import itself is logged (history.ts) and each written version says which
// file and which defaults it came from.
import { LibraryError, messages } from '../errors';
import { LIMITS } from '../limits';
import type { Library } from '../repository';
import type { AnswerEntry } from '../schema';
import { newId, nowIso } from '../stable';
import type { Versioned, VersionWriter } from '../versioned-store';
import { describeDefaults, type ImportDefaults } from './defaults';
import { holdBack } from './held';
import { recordImport } from './history';
import { parseLibraryFile } from './parse-file';
import { planImport, type ImportPlan } from './plan';
import type { MergeProposal, ParsedLibraryFile, ParseOptions, RowIssue } from './types';

export interface ImportOptions {
  /** 'all-or-nothing' (default): one rejected row → nothing written. 'valid-rows': write valid rows, report the rest. */
  mode?: 'all-or-nothing' | 'valid-rows';
  signal?: AbortSignal;
  /** Called between write chunks, inside the transaction; throwing from it aborts the whole import. */
  onProgress?: (written: number, total: number) => void;
  /** Retire the library entries the plan lists as missing from the file (only when the user says so). */
  retireMissing?: boolean;
  /** The file's defaults (recorded in history); importParsed/importFile take them from the parse options. */
  defaults?: ImportDefaults;
}

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  committed: boolean;
  fileName: string;
  /** Entries written (added or new versions). */
  accepted: AnswerEntry[];
  entries: ImportCounts;
  evidence: ImportCounts;
  rejected: RowIssue[];
  warnings: RowIssue[];
  /** Rows held back for a decision (Accept / Merge / Discard in the report and in Notifications). */
  mergeProposals: MergeProposal[];
  /** Entries retired because the file no longer has them (retireMissing). */
  retired: number;
  /** The import log record's id (entries table filter "import batch"); '' when nothing was committed. */
  batchId: string;
  /** One-line outcome for the UI/CLI. */
  summary: string;
}

function firstProblem(rejected: RowIssue[]): string {
  const p = rejected[0];
  return p ? `${p.row ? `row ${p.row}, ${p.column}: ` : ''}${p.reason}` : '';
}

const ZERO: ImportCounts = { added: 0, updated: 0, unchanged: 0 };

/** Why the parsed file cannot be imported as asked, or undefined when it can. */
export function refusal(parsed: ParsedLibraryFile, mode: ImportOptions['mode'] = 'all-or-nothing'): string | undefined {
  if (parsed.fatal) return `Nothing imported: ${parsed.fatal}`;
  if (mode === 'all-or-nothing' && parsed.rejected.length) {
    const n = new Set(parsed.rejected.map((r) => r.row)).size;
    return `Nothing imported: ${n} row(s) have problems (first: ${firstProblem(parsed.rejected)}). Fix them, or import valid rows only.`;
  }
  return undefined;
}

/** The words written into each imported version's history. */
export function importNote(fileName: string, defaults: ImportDefaults): string {
  const d = describeDefaults(defaults);
  return `Imported from ${fileName}${d ? `; for rows without these columns: ${d}` : ''}`;
}

export async function applyImport(lib: Library, plan: ImportPlan, opts: ImportOptions = {}): Promise<ImportReport> {
  const { parsed } = plan;
  const base = { fileName: parsed.fileName, rejected: parsed.rejected, warnings: parsed.warnings, retired: 0 };
  const refused = refusal(parsed, opts.mode);
  if (refused)
    return {
      ...base,
      committed: false,
      accepted: [],
      entries: ZERO,
      evidence: ZERO,
      mergeProposals: plan.held,
      batchId: '',
      summary: refused,
    };
  const defaults = opts.defaults ?? plan.defaults;
  const note = importNote(parsed.fileName, defaults);
  const batchId = newId('import');

  return lib.write(async () => {
    const now = nowIso();
    // The plan was made outside this transaction: refuse if anything it read has changed since.
    const ids = [...plan.basis.keys()];
    const currents = await lib.entries.getMany(ids);
    const stale = ids.filter((id, i) => (currents[i]?.version ?? 0) !== plan.basis.get(id));
    if (stale.length) throw new LibraryError('import-stale', messages.importStale(stale));

    const added = plan.added.map((a) => a.entry);
    const updated = plan.updated.map((u) => ({ ...u.after, updatedAt: now }));
    const retire = opts.retireMissing
      ? plan.missing.map((e) => ({ ...e, status: 'retired' as const, updatedAt: now, version: e.version + 1 }))
      : [];
    const evAdded = plan.evidence.added;
    const evUpdated = plan.evidence.updated.map((u) => ({ ...u.after, updatedAt: now }));
    const total = added.length + updated.length + retire.length + evAdded.length + evUpdated.length;
    let written = 0;
    const writeChunks = async <T extends Versioned>(
      store: VersionWriter<T>,
      recs: T[],
      allNew: boolean,
      why: { reason: 'import' | 'retire'; note: string },
    ) => {
      for (let i = 0; i < recs.length; i += LIMITS.writeChunk) {
        if (opts.signal?.aborted) throw new LibraryError('import-cancelled', messages.cancelled());
        const chunk = recs.slice(i, i + LIMITS.writeChunk);
        await store.saveVersions(chunk, why.reason, now, { allNew, note: why.note });
        written += chunk.length;
        opts.onProgress?.(written, total);
      }
    };
    await writeChunks(lib.entries, added, true, { reason: 'import', note });
    await writeChunks(lib.entries, updated, false, { reason: 'import', note });
    await writeChunks(lib.entries, retire, false, {
      reason: 'retire',
      note: `Retired: no longer in ${parsed.fileName} (chosen when importing it)`,
    });
    await writeChunks(lib.evidence, evAdded, true, { reason: 'import', note });
    await writeChunks(lib.evidence, evUpdated, false, { reason: 'import', note });
    const entryIds = [...added, ...updated, ...retire].map((e) => e.id);
    if (entryIds.length) await lib.logChange('entries', 'put', entryIds);
    const evIds = [...evAdded, ...evUpdated].map((e) => e.id);
    if (evIds.length) await lib.logChange('evidence', 'put', evIds);
    await holdBack(lib, plan.held, { id: batchId, fileName: parsed.fileName, note });
    const counts = { added: added.length, updated: updated.length, unchanged: plan.unchanged };
    await recordImport(lib, {
      id: batchId,
      fileName: parsed.fileName,
      at: now,
      defaults: describeDefaults(defaults),
      ...counts,
      held: plan.held.length,
      retired: retire.length,
      entryIds: [...added, ...updated].map((e) => e.id),
    });

    const held = plan.held.length ? `; ${plan.held.length} near-duplicate(s) held back for review` : '';
    const retiredText = retire.length ? `; ${retire.length} retired (no longer in the file)` : '';
    const skipped = parsed.rejected.length
      ? `; ${new Set(parsed.rejected.map((r) => r.row)).size} row(s) rejected`
      : '';
    return {
      ...base,
      committed: true,
      accepted: [...added, ...updated],
      entries: counts,
      evidence: { added: evAdded.length, updated: evUpdated.length, unchanged: plan.evidence.unchanged },
      mergeProposals: plan.held,
      retired: retire.length,
      batchId,
      summary: `Imported ${parsed.fileName}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged entries; ${evAdded.length + evUpdated.length} evidence item(s) written${held}${retiredText}${skipped}.`,
    };
  });
}

/** Plan and apply in one call (CLI, tests, the demo library). */
export async function importParsed(
  lib: Library,
  parsed: ParsedLibraryFile,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const plan = await planImport(lib, parsed, {
    ...(opts.defaults ? { defaults: opts.defaults } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  return applyImport(lib, plan, opts);
}

/** Parse + plan + write in one call. */
export async function importFile(
  lib: Library,
  fileName: string,
  bytes: Uint8Array,
  opts: ParseOptions & ImportOptions = {},
): Promise<ImportReport> {
  return importParsed(lib, parseLibraryFile(fileName, bytes, opts), opts);
}
