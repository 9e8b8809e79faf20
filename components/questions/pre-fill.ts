// Pre-fill reuse checks: lib/review's checkBeforeFill run for each suggestion the panel shows, against the
// questionnaire the user declared (recipient, NDA, scope). The matcher's own warnings already cover several of
// the same findings, so a flag is shown only when no warning of the matching code is already on screen.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Library } from '../../lib/library/repository';
import type { Suggestion, Warning } from '../../lib/match/types';
import type { QuestionnaireContext } from '../../lib/messaging';
import { checkBeforeFill } from '../../lib/review/checks';
import type { Flag } from '../../lib/review/schema';
import type { Row } from './plan';

/** Which match warning (if any) already tells the user what this flag says. */
const SHOWN_AS: Record<Flag['code'], Warning['code'] | null> = {
  'out-of-scope': 'out-of-scope',
  'not-cleared-for-reuse': 'not-cleared-for-reuse',
  'recipient-unknown': null,
  'entry-stale': 'stale',
  'entry-not-approved': 'draft',
  'evidence-expired': 'evidence-expired',
  'soc2-report-old': null,
  'iso-certificate-lapsed': null,
  'iso-surveillance-overdue': null,
  'framework-mismatch': 'framework-mismatch',
  conflict: 'conflict',
  'edited-after-fill': null,
  'no-source': null,
};

/** Flags not already shown as one of the suggestion's warnings. */
export function extraFlags(flags: readonly Flag[], warnings: readonly Warning[]): Flag[] {
  const shown = new Set(warnings.map((w) => w.code));
  return flags.filter((f) => {
    const same = SHOWN_AS[f.code];
    return !same || !shown.has(same);
  });
}

/** All checkBeforeFill flags for one suggestion on one row (the ledger keeps all of them). */
export type FlagsFor = (row: Row, suggestion: Suggestion) => Flag[];

type LibraryData = Awaited<ReturnType<Library['loadAll']>>;

/** Checks for one library state and questionnaire, cached per field and entry version. */
function cachedChecks(data: LibraryData | undefined, context: QuestionnaireContext): FlagsFor {
  const cache = new Map<string, Flag[]>();
  return (row, s) => {
    if (!data) return [];
    const key = `${row.field.fid}|${s.entryId}@${s.version}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const entry = data.entries.find((e) => e.id === s.entryId);
    const flags = entry
      ? checkBeforeFill({
          entry,
          evidence: data.evidence,
          questionnaire: { name: context.name, recipient: context.recipient, nda: context.nda, scope: context.scope },
          question: { text: row.field.question, controls: row.result?.controls },
          libraryEntries: data.entries,
        })
      : [];
    cache.set(key, flags);
    return flags;
  };
}

/**
 * Live pre-fill checks: re-run when the library changes (`seq`) or the declared questionnaire changes.
 * Results are cached per field and entry version, so re-rendering the list costs nothing.
 */
export function usePreFillChecks(
  library: Library | undefined,
  seq: number | undefined,
  context: QuestionnaireContext,
): FlagsFor {
  const data = useLiveQuery(() => library?.loadAll(), [library, seq]);
  // One cache per (data, context): a new library state or questionnaire starts from an empty cache.
  return useMemo(() => cachedChecks(data, context), [data, context]);
}
