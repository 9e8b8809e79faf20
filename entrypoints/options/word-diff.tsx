// A word diff between two texts (import preview, version history): removed words struck through, added ones
// highlighted. Uses lib/review's LCS word diff, which falls back to a whole replace on very long texts.
import { wordDiff } from '../../lib/review';

export function WordDiff({ before, after, label }: { before: string; after: string; label: string }) {
  const parts = wordDiff(before, after);
  return (
    <span className="cw-diff" aria-label={label}>
      {parts.map((p, i) =>
        p.op === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.op === 'add' ? (
          <ins key={i}>{p.text}</ins>
        ) : (
          <del key={i}>{p.text}</del>
        ),
      )}
    </span>
  );
}

/** Fields of an entry that differ, in words a library manager uses, for the lines above the answer's diff. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  labels: Record<string, string>,
): string[] {
  return Object.entries(labels)
    .filter(([k]) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map(([, label]) => label);
}
