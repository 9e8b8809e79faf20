// Word diff between what Crosswalk wrote and what the page shows now, so a reviewer sees exactly what a
// person changed after the fill. LCS over word tokens (whitespace kept with the word before it); answers
// are short, and very long ones fall back to a whole-text replace rather than an O(n*m) table.
import type { DiffPart } from './schema';

const MAX_CELLS = 4_000_000;

/** Split into words, each keeping its trailing whitespace, so joining the parts restores the text exactly. */
export function tokenize(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** Whitespace and case differences are not edits: the portal may reflow text or trim it. */
export function normalizeForCompare(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  if (a.length * b.length > MAX_CELLS) {
    return merge([
      ...(before ? [{ op: 'del' as const, text: before }] : []),
      ...(after ? [{ op: 'add' as const, text: after }] : []),
    ]);
  }
  const key = (t: string) => t.trim();
  // lcs[i][j] = LCS length of a[i..] and b[j..], as a flat array.
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] =
        key(a[i]!) === key(b[j]!)
          ? lcs[(i + 1) * w + j + 1]! + 1
          : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (key(a[i]!) === key(b[j]!)) {
      parts.push({ op: 'same', text: b[j]! });
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) parts.push({ op: 'del', text: a[i++]! });
    else parts.push({ op: 'add', text: b[j++]! });
  }
  while (i < a.length) parts.push({ op: 'del', text: a[i++]! });
  while (j < b.length) parts.push({ op: 'add', text: b[j++]! });
  return merge(parts);
}

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.op === p.op) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** 'deleted "90", added "30"' for plain-text places (CSV, CLI); words, not +/- (a CSV cell must not start with -). */
export function diffText(parts: readonly DiffPart[]): string {
  return parts
    .filter((p) => p.op !== 'same' && p.text.trim())
    .map((p) => `${p.op === 'add' ? 'added' : 'deleted'} "${p.text.trim()}"`)
    .join(', ');
}
