// Validates control references against the catalogs (lib/controls). Canonicalizes ids ("a.8.24" → "A.8.24")
// and rejects unknown ones with the nearest known ids, so a typo never silently drops a citation.
import { resolveControlId, controlKey, FRAMEWORKS, type ControlRef, type Framework } from '../controls';

export type ControlCheck = { ok: true; ref: ControlRef } | { ok: false; error: string };

// Catalogs are fixed at runtime, so results can be remembered; questionnaires repeat the same ids on many rows.
const memo = new Map<string, ControlCheck>();
const MEMO_MAX = 5000;

/** Resolve one id (optionally "iso27001:2013 A.9.1.1"-prefixed) within an optional framework. */
export function checkControl(input: string, framework?: Framework): ControlCheck {
  const key = `${framework ?? ''}\u0000${input}`;
  const hit = memo.get(key);
  if (hit) return hit.ok ? { ok: true, ref: { ...hit.ref } } : hit; // a copy: callers own the refs they get
  if (memo.size >= MEMO_MAX) memo.clear();
  const res = resolveOnce(input, framework);
  memo.set(key, res);
  return res;
}

function resolveOnce(input: string, framework?: Framework): ControlCheck {
  let text = input.trim();
  let fw = framework;
  const prefixed = /^(iso27001:2022|iso27001:2013|soc2:2017)\s+(.+)$/i.exec(text);
  if (prefixed) {
    const named = FRAMEWORKS.find((f) => f === prefixed[1]!.toLowerCase());
    if (named) fw = named;
    text = prefixed[2]!.trim();
  }
  const res = resolveControlId(text, fw);
  if (res.ok) return { ok: true, ref: res.ref };
  return { ok: false, error: res.error };
}

/** Check a list of refs; returns canonical refs (deduplicated, order kept) or every error found. */
export function checkControlRefs(
  refs: readonly ControlRef[],
): { ok: true; refs: ControlRef[] } | { ok: false; errors: string[] } {
  const out: ControlRef[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    const res = checkControl(ref.id, ref.framework);
    if (!res.ok) {
      errors.push(res.error);
      continue;
    }
    const key = controlKey(res.ref);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(res.ref);
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, refs: out };
}

/** "iso27001:2022|A.8.24": the multi-entry index key used to find entries citing a control. */
export { controlKey };
