// A word diff: deleted words struck through, added words highlighted.
import type { DiffPart } from '../../lib/review';

export function DiffView({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <span className="cw-diff" aria-label="Changes after filling">
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
