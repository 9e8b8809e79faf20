// Pure filtering for the library tables (entries and evidence), shared by the options page and its tests.
import type { Framework } from '../../lib/controls';
import type { AnswerEntry, EvidenceItem, ReusePermission } from '../../lib/library';
import { isPageEdit } from '../../lib/review';

export interface EntryFilter {
  text: string;
  status: AnswerEntry['status'] | 'any';
  owner: string;
  framework: Framework | 'any';
  control: string;
  stale: 'any' | 'stale' | 'current';
  reuse: ReusePermission['level'] | 'any';
  /** 'page-edit': only drafts saved back from an edit made on a questionnaire page. */
  origin: 'any' | 'page-edit';
  /** A tag or category ('' = any). */
  tag: string;
  /** An import batch id ('' = any): entries that import added or updated. */
  batch: string;
}

export const NO_FILTER: EntryFilter = {
  text: '',
  status: 'any',
  owner: '',
  framework: 'any',
  control: '',
  stale: 'any',
  reuse: 'any',
  origin: 'any',
  tag: '',
  batch: '',
};

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** An entry is stale when its review date has passed (the library's own review cycle). */
export function isStale(e: Pick<AnswerEntry, 'reviewBy'>, on = today()): boolean {
  return !!e.reviewBy && e.reviewBy < on;
}

export function reuseLabel(r: ReusePermission): string {
  switch (r.level) {
    case 'public':
      return 'public';
    case 'nda':
      return 'under NDA';
    case 'internal':
      return 'internal only';
    case 'customer':
      return `${r.customer} only`;
  }
}

function has(haystack: string, needle: string): boolean {
  return haystack.toLowerCase().includes(needle.trim().toLowerCase());
}

/** `batches`: import batch id → the entry ids it wrote (lib/library listImports). */
export function filterEntries(
  entries: readonly AnswerEntry[],
  f: EntryFilter,
  on = today(),
  batches: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): AnswerEntry[] {
  const batch = f.batch ? (batches.get(f.batch) ?? new Set<string>()) : undefined;
  return entries.filter((e) => {
    if (batch && !batch.has(e.id)) return false;
    if (f.tag && !e.tags.includes(f.tag)) return false;
    if (f.status !== 'any' && e.status !== f.status) return false;
    if (f.owner.trim() && !has(e.owner, f.owner)) return false;
    if (f.reuse !== 'any' && e.reuse.level !== f.reuse) return false;
    if (f.origin === 'page-edit' && !isPageEdit(e)) return false;
    if (f.stale !== 'any' && isStale(e, on) !== (f.stale === 'stale')) return false;
    if (f.framework !== 'any' || f.control.trim()) {
      const hit = e.controls.some(
        (c) => (f.framework === 'any' || c.framework === f.framework) && (!f.control.trim() || has(c.id, f.control)),
      );
      if (!hit) return false;
    }
    if (f.text.trim()) {
      const blob = [e.id, e.question, ...e.alternatives, e.answer, ...e.tags].join('\n');
      if (!has(blob, f.text)) return false;
    }
    return true;
  });
}

export function filterEvidence(
  items: readonly EvidenceItem[],
  text: string,
  on = today(),
): (EvidenceItem & { expired: boolean })[] {
  return items
    .filter((e) => !text.trim() || has([e.id, e.title, e.owner, e.location.uri, e.summary ?? ''].join('\n'), text))
    .map((e) => ({ ...e, expired: !!e.validUntil && e.validUntil < on }));
}

/** "iso27001:2022 A.5.1, soc2:2017 CC6.1" <-> control refs, for the plain-text editor field. */
export function formatControls(controls: AnswerEntry['controls']): string {
  return controls.map((c) => `${c.framework} ${c.id}`).join(', ');
}
