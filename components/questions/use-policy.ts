// The side panel's binding of the one fill policy (lib/policy): reuse findings are worked out once per field
// and entry version for the declared questionnaire (they need the library), and every button asks decideFill.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import type { Library } from '../../lib/library';
import type { Suggestion } from '../../lib/match';
import type { QuestionnaireContext } from '../../lib/messaging';
import { decideFill, reuseFlags, type FillDecision, type Trigger } from '../../lib/policy';
import { todayIso, type Flag } from '../../lib/review';
import { policyField, type Row } from './plan';

/** Reuse findings per loaded library snapshot (a new snapshot after any change starts afresh). */
const caches = new WeakMap<object, Map<string, Flag[]>>();
function cacheFor(data: object): Map<string, Flag[]> {
  let m = caches.get(data);
  if (!m) caches.set(data, (m = new Map<string, Flag[]>()));
  return m;
}

/** The policy's answer for one suggestion on one row, for one trigger (value: what an edit would write). */
export type Decide = (row: Row, suggestion: Suggestion | undefined, trigger: Trigger, value?: string) => FillDecision;

/**
 * Live decisions: re-computed when the library changes (`seq`), the declared questionnaire changes, or the
 * threshold does. Until the library is loaded, reuse findings come from the matcher's own warnings only.
 */
export function usePolicy(
  library: Library | undefined,
  seq: number | undefined,
  context: QuestionnaireContext,
  threshold: number,
): Decide {
  const data = useLiveQuery(() => library?.loadAll(), [library, seq]);
  const today = useMemo(() => todayIso(), []);
  const byId = useMemo(() => new Map(data?.entries.map((e) => [e.id, e]) ?? []), [data]);
  const contextKey = useMemo(() => JSON.stringify(context), [context]);
  const decideFresh = useCallback<Decide>(
    (row, s, trigger, value) => {
      let flags: Flag[] | undefined;
      const entry = s && byId.get(s.entryId);
      if (s && entry && data) {
        const cache = cacheFor(data);
        const key = `${contextKey}|${row.field.fid}|${s.entryId}@${s.version}`;
        flags = cache.get(key);
        if (!flags) {
          flags = reuseFlags(
            { entry, evidence: data.evidence, otherEntries: data.entries },
            context,
            { text: row.field.question, ...(row.result ? { controls: row.result.controls } : {}) },
            today,
          );
          cache.set(key, flags);
        }
      }
      return decideFill({
        trigger,
        field: policyField(row),
        context,
        ...(s ? { suggestion: s } : {}),
        ...(value !== undefined ? { value } : {}),
        ...(flags ? { flags } : {}),
        today,
        threshold,
      });
    },
    [byId, data, context, contextKey, today, threshold],
  );
  // Rows are immutable (a change makes a new row object), so a decision is kept per row object until the
  // library, the context or the threshold changes: the counts, filters and "Fill all" plan of a 5,000-question
  // page then cost a lookup per row each time a page of match results lands, not a policy run.
  return useMemo(() => memoPerRow(decideFresh), [decideFresh]);
}

/** `decide`, run once per row object and arguments. */
function memoPerRow(decide: Decide): Decide {
  const decided = new WeakMap<Row, Map<string, FillDecision>>();
  return (row, s, trigger, value) => {
    let perRow = decided.get(row);
    if (!perRow) decided.set(row, (perRow = new Map<string, FillDecision>()));
    const key = `${trigger}|${s ? `${s.entryId}@${s.version}|${s.option ?? ''}` : '-'}|${value ?? ''}`;
    let d = perRow.get(key);
    if (!d) perRow.set(key, (d = decide(row, s, trigger, value)));
    return d;
  };
}
