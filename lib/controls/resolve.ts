// Turns what people type ("a.8.24", "A 8.24", "cc 6.1", "9.2", "A.9.4.2") into a canonical ControlRef, or an
// error that names the nearest real ids.
//
// How ids resolve:
// - SOC 2 shapes (CC6.1, A1.2, C1.1, PI1.3, P4.1; any case, optional space/dot after the letters) -> soc2:2017.
//   "A1.x" is SOC 2 Availability: ISO has no Annex A.1, so there is no clash.
// - A.x.y (2 numbers) -> ISO 27001:2022 Annex A; A.x.y.z (3 numbers) -> ISO 27001:2013 Annex A.
// - Bare numbers ("5.1", "9.2", "8.24", "9.4.2"), in the given framework or, when none is given, ISO 27001:2022:
//   1. the management-system clause with that id, if the catalog has one ("5.1" -> clause 5.1, not A.5.1);
//   2. else a clause heading the catalog splits into sub-clauses resolves to its first sub-clause, the
//      ".1 General" one that states the heading's requirement ("9.2" -> 9.2.1, "6.1" -> 6.1.1);
//   3. else the Annex A control ("8.24" -> A.8.24); three numbers without a framework -> 2013 ("9.4.2" -> A.9.4.2).
//   With framework soc2:2017, bare "6.1" means CC6.1.
// - An id whose shape belongs to another framework than the one asked for is an error that names the right one.
import { type ControlRef, type Framework } from './framework';
import { findControl, allControls } from './catalog';
import { errors } from './errors';

export type ResolveResult = { ok: true; ref: ControlRef } | { ok: false; error: string; nearest: ControlRef[] };

type Parsed = { shape: 'soc2'; id: string } | { shape: 'annex'; nums: number[] } | { shape: 'bare'; nums: number[] };

const SOC2 = /^(CC|PI|A|C|P)\s*[.\-_]?\s*(\d{1,2})\s*\.\s*(\d{1,2})$/;
const ANNEX = /^A\s*[.\-_]?\s*(\d{1,2})\s*\.\s*(\d{1,2})(?:\s*\.\s*(\d{1,2}))?$/;
const BARE = /^(\d{1,2})\s*\.\s*(\d{1,2})(?:\s*\.\s*(\d{1,2}))?$/;

function parse(input: string): Parsed | undefined {
  const s = input
    .trim()
    .toUpperCase()
    .replace(/^(ISO(\/IEC)?\s*27001(:20\d\d)?\s*)?(ANNEX\s+|CLAUSE\s+|CONTROL\s+)?/, '')
    .replace(/[.:;,]+$/, '')
    .trim();
  const soc = SOC2.exec(s);
  // "A.8.24" also fits the SOC 2 pattern; only A1.x is SOC 2 (ISO 27001 Annex A starts at A.5).
  if (soc && !(soc[1] === 'A' && soc[2] !== '1'))
    return { shape: 'soc2', id: `${soc[1]}${Number(soc[2])}.${Number(soc[3])}` };
  const annex = ANNEX.exec(s);
  if (annex) return { shape: 'annex', nums: annex.slice(1).filter(Boolean).map(Number) };
  const bare = BARE.exec(s);
  if (bare) return { shape: 'bare', nums: bare.slice(1).filter(Boolean).map(Number) };
  return undefined;
}

const ok = (framework: Framework, id: string): ResolveResult => ({ ok: true, ref: { framework, id } });

function unknown(display: string, framework: Framework, targets: string[]): ResolveResult {
  const nearest = nearestIds(framework, targets);
  return { ok: false, error: errors.unknownControl(display, framework, nearest), nearest };
}

/** Look up an id whose framework follows from its shape; complain if the caller asked for another one. */
function inNative(native: Framework, id: string, asked: Framework | undefined): ResolveResult {
  if (asked && asked !== native) {
    if (asked === 'iso27001:2013' && native === 'iso27001:2022') {
      // "A.5.1" typed against 2013: a 2013 control objective; its controls are the useful answer.
      const children = allControls(asked).filter((c) => c.id.startsWith(`${id}.`));
      if (children.length) {
        const nearest = children.map((c) => ({ framework: asked, id: c.id }));
        return { ok: false, error: errors.unknownControl(id, asked, nearest), nearest };
      }
    }
    if (findControl(native, id))
      return { ok: false, error: errors.wrongFramework(id, asked, native), nearest: [{ framework: native, id }] };
    return unknown(id, asked, [id]);
  }
  return findControl(native, id) ? ok(native, id) : unknown(id, native, [id]);
}

function resolveBare(nums: number[], asked: Framework | undefined): ResolveResult {
  const dotted = nums.join('.');
  if (asked === 'soc2:2017') {
    const id = `CC${dotted}`;
    return nums.length === 2 && findControl(asked, id) ? ok(asked, id) : unknown(dotted, asked, [id]);
  }
  const framework: Framework = asked ?? 'iso27001:2022';
  if (findControl(framework, dotted)) return ok(framework, dotted);
  const firstSub = `${dotted}.1`;
  if (nums.length === 2 && findControl(framework, firstSub)) return ok(framework, firstSub);
  const annex = `A.${dotted}`;
  if (findControl(framework, annex)) return ok(framework, annex);
  if (!asked && nums.length === 3 && findControl('iso27001:2013', annex)) return ok('iso27001:2013', annex);
  return unknown(dotted, framework, [dotted, annex]);
}

/** Normalize user input to a canonical control reference; see the file comment for the rules. */
export function resolveControlId(input: string, framework?: Framework): ResolveResult {
  if (!input.trim()) return { ok: false, error: errors.emptyInput(), nearest: [] };
  const parsed = parse(input);
  if (!parsed) return { ok: false, error: errors.unreadable(input.trim()), nearest: [] };
  switch (parsed.shape) {
    case 'soc2':
      return inNative('soc2:2017', parsed.id, framework);
    case 'annex':
      return inNative(
        parsed.nums.length === 2 ? 'iso27001:2022' : 'iso27001:2013',
        `A.${parsed.nums.join('.')}`,
        framework,
      );
    case 'bare':
      return resolveBare(parsed.nums, framework);
  }
}

// ---------- nearest ids ----------

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

const parent = (id: string): string => id.slice(0, id.lastIndexOf('.'));
const last = (id: string): number => Number(id.slice(id.lastIndexOf('.') + 1));

/**
 * Up to `limit` real ids closest to any of `targets`: edit distance first; among ties, an id that is a prefix of
 * the target (A.8.9 for A.8.99) or shares its parent, then the numerically closest last part. So "A.8.99" gives
 * A.8.9, A.8.29, A.8.19 before anything in another domain.
 */
export function nearestIds(framework: Framework, targets: string[], limit = 5): ControlRef[] {
  const scored = allControls(framework).map((c, order) => {
    let best = { d: Infinity, prefix: 1, sibling: 1, gap: Infinity };
    for (const t of targets) {
      const cand = {
        d: levenshtein(t, c.id),
        prefix: t.startsWith(c.id) || c.id.startsWith(t) ? 0 : 1,
        sibling: parent(t) === parent(c.id) ? 0 : 1,
        gap: Math.abs(last(t) - last(c.id)),
      };
      if (cand.d < best.d || (cand.d === best.d && cand.prefix + cand.sibling < best.prefix + best.sibling))
        best = cand;
    }
    return { id: c.id, order, ...best };
  });
  scored.sort(
    (a, b) => a.d - b.d || a.prefix - b.prefix || a.sibling - b.sibling || a.gap - b.gap || a.order - b.order,
  );
  return scored.slice(0, limit).map((s) => ({ framework, id: s.id }));
}
