// Bulk actions on entries (the entries table's "select all, then approve"): one edit applied to many entries in
// one transaction, a new version per entry that changes, the action named in each version's history, and one
// undo for the whole action. 500 imported answers take two clicks to approve, not a thousand.
import type { Library } from './repository';
import type { AnswerEntry, ReusePermission } from './schema';
import { reuseAudience } from './import/defaults';

export type BulkAction =
  | { kind: 'approve'; approvedBy?: string; approvedAt: string }
  | { kind: 'reuse'; reuse: ReusePermission }
  | { kind: 'owner'; owner: string }
  | { kind: 'review'; reviewBy?: string }
  | { kind: 'add-tag'; tag: string }
  | { kind: 'remove-tag'; tag: string }
  | { kind: 'retire' };

export interface BulkStep {
  id: string;
  before: number;
  after: number;
}

export interface BulkResult {
  /** What was done, in words (also each version's history note). */
  label: string;
  /** Per entry that changed: its version before and after, for the undo. */
  steps: BulkStep[];
  /** Selected entries the action left as they were (already so, or retired for an approval). */
  unchanged: number;
}

/** The entry after the action (the same object when the action does not apply to it). */
export function applyBulk(e: AnswerEntry, a: BulkAction): AnswerEntry {
  switch (a.kind) {
    case 'approve': {
      // Retired entries stay retired: approving a selection must not bring back what someone retired.
      if (e.status === 'retired') return e;
      const { approvedBy: _b, ...rest } = e;
      return {
        ...rest,
        status: 'approved',
        approvedAt: a.approvedAt,
        ...(a.approvedBy ? { approvedBy: a.approvedBy } : {}),
      };
    }
    case 'reuse':
      return { ...e, reuse: a.reuse };
    case 'owner':
      return { ...e, owner: a.owner };
    case 'review': {
      const { reviewBy: _r, ...rest } = e;
      return a.reviewBy ? { ...rest, reviewBy: a.reviewBy } : rest;
    }
    case 'add-tag':
      return e.tags.includes(a.tag) ? e : { ...e, tags: [...e.tags, a.tag] };
    case 'remove-tag':
      return e.tags.includes(a.tag) ? { ...e, tags: e.tags.filter((t) => t !== a.tag) } : e;
    case 'retire':
      return { ...e, status: 'retired' };
  }
}

export function describeBulk(a: BulkAction, n: number): string {
  const entries = `${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'}`;
  switch (a.kind) {
    case 'approve':
      return `Approved ${entries} (${a.approvedBy ? `by ${a.approvedBy}, ` : ''}${a.approvedAt})`;
    case 'reuse':
      return `Cleared ${entries} for ${reuseAudience(a.reuse)}`;
    case 'owner':
      return `Set the owner of ${entries} to ${a.owner}`;
    case 'review':
      return a.reviewBy
        ? `Set the review date of ${entries} to ${a.reviewBy}`
        : `Cleared the review date of ${entries}`;
    case 'add-tag':
      return `Tagged ${entries} "${a.tag}"`;
    case 'remove-tag':
      return `Removed the tag "${a.tag}" from ${entries}`;
    case 'retire':
      return `Retired ${entries}`;
  }
}

export async function bulkEdit(lib: Library, ids: readonly string[], action: BulkAction): Promise<BulkResult> {
  const label = describeBulk(action, ids.length);
  const steps = await lib.entries.bulkUpdate(ids, (e) => applyBulk(e, action), {
    reason: action.kind === 'retire' ? 'retire' : 'update',
    note: `Bulk action: ${label}`,
  });
  return { label, steps, unchanged: ids.length - steps.length };
}

/** Undo a bulk action: every entry it changed goes back, unless it was edited again since (then it is skipped). */
export async function undoBulk(lib: Library, result: BulkResult): Promise<{ reverted: number; skipped: string[] }> {
  const { reverted, skipped } = await lib.entries.bulkRevert(result.steps, `Undo of bulk action: ${result.label}`);
  return { reverted: reverted.length, skipped };
}
