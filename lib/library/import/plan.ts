// What an import would do, worked out before anything is written (the wizard's preview): entries added,
// entries updated (before and after, for a word diff), unchanged rows skipped, rows held back as near-duplicates,
// and library entries missing from a re-imported file. Read-only; it yields to the event loop as it goes, so
// planning 20,000 rows never stalls the side panel that shares the page's renderer.
import Dexie from 'dexie';
import { DuplicateIndex, questionTokens, tokenFrequencies } from '../near-duplicates';
import type { Library } from '../repository';
import type { AnswerEntry, EvidenceItem, ReusePermission } from '../schema';
import { nowIso, sameContent } from '../stable';
import { yielder } from '../yield';
import type { ImportDefaults } from './defaults';
import { bit, overlay, sameEntryContent, sameSet, textChanged, type FileField } from './fields';
import type { MergeProposal, ParsedLibraryFile } from './types';

export interface EntryChange {
  row: number;
  before: AnswerEntry;
  after: AnswerEntry;
}

export interface ImportPlan {
  parsed: ParsedLibraryFile;
  defaults: ImportDefaults;
  added: { row: number; entry: AnswerEntry }[];
  updated: EntryChange[];
  unchanged: number;
  /** Near-duplicates held back for a decision (of an earlier row, or of a library question). */
  held: MergeProposal[];
  /** Library entries like the file's (same id family) that a re-imported file no longer has. */
  missing: AnswerEntry[];
  evidence: { added: EvidenceItem[]; updated: { before: EvidenceItem; after: EvidenceItem }[]; unchanged: number };
  /**
   * Library versions of what the plan writes (0 = must not exist yet), checked again when it is applied. Rows
   * planned as unchanged are not in it: whatever happened to them since, this import writes nothing to them.
   */
  basis: Map<string, number>;
  plannedAt: string;
}

/** "TW-001" → "TW-", "ans-3f…" → "ans-", "123" → "": ids of one library share it. */
export function idFamily(id: string): string {
  return /^[A-Za-z]*[-_. ]?/.exec(id)?.[0] ?? '';
}

export async function planImport(
  lib: Library,
  parsed: ParsedLibraryFile,
  opts: { defaults?: ImportDefaults; signal?: AbortSignal } = {},
): Promise<ImportPlan> {
  if (Dexie.currentTransaction)
    throw new Error(
      'planImport yields to the event loop and cannot run inside a library transaction: plan first, then write.',
    );
  const tick = yielder();
  const now = nowIso();
  const defaults = opts.defaults ?? {};
  const [entries, evidence] = await Promise.all([
    lib.entries.list({ includeRetired: true }),
    lib.evidence.list({ includeRetired: true }),
  ]);
  const existing = new Map(entries.map((e) => [e.id, e]));
  const fields = new Set<FileField>(parsed.fields);
  const statusGiven = fields.has('status');
  const plan: ImportPlan = {
    parsed,
    defaults,
    added: [],
    updated: [],
    unchanged: 0,
    held: [...parsed.mergeProposals],
    missing: [],
    evidence: { added: [], updated: [], unchanged: 0 },
    basis: new Map(),
    plannedAt: now,
  };

  const incoming = parsed.accepted.entries;
  const libDocs: [AnswerEntry, string[]][] = [];
  // Near-duplicates only matter for rows the library does not know by id; skip the work when there are none.
  const anyNew = incoming.some((e) => !existing.has(e.id));
  if (anyNew) {
    for (const e of entries) {
      if (e.status !== 'retired') for (const q of [e.question, ...e.alternatives]) libDocs.push([e, questionTokens(q)]);
      const t = tick();
      if (t) await t;
    }
  }
  const incomingTokens = incoming.map((e) => (existing.has(e.id) || !libDocs.length ? [] : questionTokens(e.question)));
  const dupes = new DuplicateIndex<AnswerEntry>(tokenFrequencies([...libDocs.map(([, t]) => t), ...incomingTokens]));
  for (const [e, tokens] of libDocs) dupes.add(e, tokens);

  // A file row that turned out to be a library entry already: rows held back against it point at that entry.
  const knownAs = new Map<string, AnswerEntry>();
  for (let i = 0; i < incoming.length; i++) {
    if (opts.signal?.aborted) break;
    const t = tick();
    if (t) await t;
    const inc = incoming[i]!;
    const row = parsed.acceptedRows[i] ?? 0;
    const current = existing.get(inc.id);
    if (current) {
      const defaulted = parsed.acceptedDefaulted[i] ?? 0;
      let after = overlay(current, inc, fields, defaulted);
      // A changed answer needs a fresh approval: the file's status choice (or, with none, draft) decides.
      if ((!statusGiven || defaulted & bit('status')) && textChanged(current, after) && current.status !== 'retired')
        after = restatus(after, defaults);
      if (sameEntryContent(after, current)) {
        plan.unchanged++;
        continue;
      }
      plan.basis.set(current.id, current.version);
      plan.updated.push({
        row,
        before: current,
        after: {
          ...after,
          source: inc.source,
          createdAt: current.createdAt,
          updatedAt: now,
          version: current.version + 1,
        },
      });
      continue;
    }
    const dup = dupes.size ? dupes.best(incomingTokens[i]!) : undefined;
    // A row without an id that the library already holds word for word is not new, nor a near-duplicate.
    if (
      dup &&
      sameWords(dup.key.answer, inc.answer) &&
      [dup.key.question, ...dup.key.alternatives].some((q) => sameWords(q, inc.question))
    ) {
      plan.unchanged++;
      knownAs.set(inc.id, dup.key);
      continue;
    }
    if (dup) {
      plan.held.push({
        incoming: inc,
        row,
        target: { id: dup.key.id, question: dup.key.question, in: 'library' },
        similarity: dup.similarity,
      });
      continue;
    }
    plan.basis.set(inc.id, 0);
    plan.added.push({ row, entry: inc });
  }

  plan.held = plan.held.map((h) => {
    const known = h.target.in === 'file' ? knownAs.get(h.target.id) : undefined;
    return known ? { ...h, target: { id: known.id, question: known.question, in: 'library' as const } } : h;
  });

  // A re-import (some ids matched) lists what the file no longer has, among entries of the same id family.
  if (fields.has('id') && incoming.some((e) => existing.has(e.id))) {
    const inFile = new Set(incoming.map((e) => e.id));
    for (const h of parsed.mergeProposals) inFile.add(h.incoming.id);
    const families = new Set(incoming.filter((e) => existing.has(e.id)).map((e) => idFamily(e.id)));
    for (const e of entries) {
      if (e.status !== 'retired' && !inFile.has(e.id) && families.has(idFamily(e.id))) {
        plan.missing.push(e);
        plan.basis.set(e.id, e.version);
      }
    }
  }

  const evExisting = new Map(evidence.map((e) => [e.id, e]));
  for (const read of parsed.accepted.evidence) {
    const current = evExisting.get(read.id);
    const inc = current && sameSet(read.controls, current.controls) ? { ...read, controls: current.controls } : read;
    if (!current) plan.evidence.added.push(inc);
    else if (sameContent(inc, current)) plan.evidence.unchanged++;
    else
      plan.evidence.updated.push({
        before: current,
        after: { ...inc, createdAt: current.createdAt, updatedAt: now, version: current.version + 1 },
      });
  }
  return plan;
}

const sameWords = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

function restatus(e: AnswerEntry, d: ImportDefaults): AnswerEntry {
  if (d.status?.status === 'approved')
    return {
      ...e,
      status: 'approved',
      approvedBy: d.status.approvedBy ?? e.approvedBy,
      approvedAt: d.status.approvedAt,
    };
  if (e.status !== 'approved') return e;
  const { approvedBy: _b, approvedAt: _a, ...rest } = e;
  return { ...rest, status: 'draft' };
}

/** Who the plan's entries will go to, for the preview sentence: counts by status and reuse. */
export interface PlanOutcome {
  total: number;
  approved: number;
  draft: number;
  retired: number;
  /** Approved entries by reuse level ("nda", "public", "internal", "customer:Acme"). */
  approvedByReuse: Map<string, { reuse: ReusePermission; count: number }>;
}

export function planOutcome(plan: ImportPlan): PlanOutcome {
  const out: PlanOutcome = { total: 0, approved: 0, draft: 0, retired: 0, approvedByReuse: new Map() };
  const count = (e: AnswerEntry) => {
    out.total++;
    out[e.status]++;
    if (e.status !== 'approved') return;
    const key = e.reuse.level === 'customer' ? `customer:${e.reuse.customer}` : e.reuse.level;
    const hit = out.approvedByReuse.get(key);
    if (hit) hit.count++;
    else out.approvedByReuse.set(key, { reuse: e.reuse, count: 1 });
  };
  for (const a of plan.added) count(a.entry);
  for (const u of plan.updated) count(u.after);
  return out;
}
