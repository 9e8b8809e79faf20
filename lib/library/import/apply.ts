// Writes a parsed file into the library in ONE transaction: everything or (on any error, throw or
// cancel) nothing. Near-duplicates of library questions are held back as merge proposals, never
// silently added; rows whose id already exists become a new version of that entry (history keeps the old).
import { LibraryError, messages } from '../errors';
import { LIMITS } from '../limits';
import { DuplicateIndex, questionTokens, tokenFrequencies } from '../near-duplicates';
import type { Library } from '../repository';
import type { AnswerEntry, EvidenceItem } from '../schema';
import { nowIso, sameContent } from '../stable';
import type { Versioned, VersionWriter } from '../versioned-store';
import { parseLibraryFile } from './parse-file';
import type { MergeProposal, ParsedLibraryFile, ParseOptions, RowIssue } from './types';

export interface ImportOptions {
  /** 'all-or-nothing' (default): one rejected row → nothing written. 'valid-rows': write valid rows, report the rest. */
  mode?: 'all-or-nothing' | 'valid-rows';
  signal?: AbortSignal;
  /** Called between write chunks, inside the transaction; throwing from it aborts the whole import. */
  onProgress?: (written: number, total: number) => void;
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
  mergeProposals: MergeProposal[];
  /** One-line outcome for the UI/CLI. */
  summary: string;
}

function firstProblem(rejected: RowIssue[]): string {
  const p = rejected[0];
  return p ? `${p.row ? `row ${p.row}, ${p.column}: ` : ''}${p.reason}` : '';
}

export async function importParsed(
  lib: Library,
  parsed: ParsedLibraryFile,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const zero = { added: 0, updated: 0, unchanged: 0 };
  const base = { fileName: parsed.fileName, rejected: parsed.rejected, warnings: parsed.warnings };
  const mode = opts.mode ?? 'all-or-nothing';
  if (parsed.fatal || (mode === 'all-or-nothing' && parsed.rejected.length)) {
    const n = new Set(parsed.rejected.map((r) => r.row)).size;
    const summary = parsed.fatal
      ? `Nothing imported: ${parsed.fatal}`
      : `Nothing imported: ${n} row(s) have problems (first: ${firstProblem(parsed.rejected)}). Fix them, or import valid rows only.`;
    return {
      ...base,
      committed: false,
      accepted: [],
      entries: zero,
      evidence: zero,
      mergeProposals: parsed.mergeProposals,
      summary,
    };
  }

  return lib.write(async () => {
    const now = nowIso();
    const existing = new Map((await lib.entries.list({ includeRetired: true })).map((e) => [e.id, e]));
    const libDocs: [AnswerEntry, string[]][] = [];
    for (const e of existing.values()) {
      if (e.status !== 'retired') for (const q of [e.question, ...e.alternatives]) libDocs.push([e, questionTokens(q)]);
    }
    // Nothing to compare against in an empty library: skip tokenizing the file again.
    const incomingTokens = parsed.accepted.entries.map((e) =>
      existing.has(e.id) || !libDocs.length ? [] : questionTokens(e.question),
    );
    const dupes = new DuplicateIndex<AnswerEntry>(tokenFrequencies([...libDocs.map(([, t]) => t), ...incomingTokens]));
    for (const [e, tokens] of libDocs) dupes.add(e, tokens);
    const proposals: MergeProposal[] = [...parsed.mergeProposals];
    const toWrite: AnswerEntry[] = [];
    const counts = { ...zero };
    parsed.accepted.entries.forEach((incoming, i) => {
      const current = existing.get(incoming.id);
      if (current) return plan(incoming, current, toWrite, counts, now);
      const dup = dupes.size ? dupes.best(incomingTokens[i]!) : undefined;
      if (dup) {
        proposals.push({
          incoming,
          row: parsed.acceptedRows[i] ?? 0,
          target: { id: dup.key.id, question: dup.key.question, in: 'library' },
          similarity: dup.similarity,
        });
        return;
      }
      toWrite.push(incoming);
      counts.added++;
    });
    const evExisting = new Map((await lib.evidence.list({ includeRetired: true })).map((e) => [e.id, e]));
    const evWrite: EvidenceItem[] = [];
    const evCounts = { ...zero };
    for (const incoming of parsed.accepted.evidence) {
      const current = evExisting.get(incoming.id);
      if (current) plan(incoming, current, evWrite, evCounts, now);
      else {
        evWrite.push(incoming);
        evCounts.added++;
      }
    }

    const total = toWrite.length + evWrite.length;
    let written = 0;
    const writeChunks = async <T extends Versioned>(
      store: VersionWriter<T>,
      recs: T[],
      existingIds: ReadonlyMap<string, unknown>,
    ) => {
      for (let i = 0; i < recs.length; i += LIMITS.writeChunk) {
        if (opts.signal?.aborted) throw new LibraryError('import-cancelled', messages.cancelled());
        const chunk = recs.slice(i, i + LIMITS.writeChunk);
        await store.saveVersions(chunk, 'import', now, { allNew: chunk.every((r) => !existingIds.has(r.id)) });
        written += chunk.length;
        opts.onProgress?.(written, total);
      }
    };
    await writeChunks(lib.entries, toWrite, existing);
    await writeChunks(lib.evidence, evWrite, evExisting);
    if (toWrite.length)
      await lib.logChange(
        'entries',
        'put',
        toWrite.map((e) => e.id),
      );
    if (evWrite.length)
      await lib.logChange(
        'evidence',
        'put',
        evWrite.map((e) => e.id),
      );

    const held = proposals.length ? `; ${proposals.length} near-duplicate(s) held back for review` : '';
    const skipped = parsed.rejected.length
      ? `; ${new Set(parsed.rejected.map((r) => r.row)).size} row(s) rejected`
      : '';
    return {
      ...base,
      committed: true,
      accepted: toWrite,
      entries: counts,
      evidence: evCounts,
      mergeProposals: proposals,
      summary: `Imported ${parsed.fileName}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged entries; ${evCounts.added + evCounts.updated} evidence item(s) written${held}${skipped}.`,
    };
  });
}

/** Same id as a library record: unchanged, or a new version on top of the current one. */
function plan<T extends Versioned>(incoming: T, current: T, out: T[], counts: ImportCounts, now: string): void {
  if (sameContent(incoming, current)) {
    counts.unchanged++;
    return;
  }
  out.push({ ...incoming, createdAt: current.createdAt, updatedAt: now, version: current.version + 1 });
  counts.updated++;
}

/** Parse + write in one call (the extension's import button). */
export async function importFile(
  lib: Library,
  fileName: string,
  bytes: Uint8Array,
  opts: ParseOptions & ImportOptions = {},
): Promise<ImportReport> {
  return importParsed(lib, parseLibraryFile(fileName, bytes, opts), opts);
}
