// Rows an import held back as near-duplicates, each with Accept (add as its own entry), Merge (fold its question
// into the entry it resembles) and Discard. Shown in the import wizard's report (that import's rows) and in the
// Notifications tab (all of them), so a held row is never lost on a screen nobody opens.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge } from '../../components/ui';
import { type HeldRow, type HeldDecision, listHeld, decideHeld, type Library } from '../../lib/library';
import { notifyBackground } from './entry-editor';
import { WordDiff } from './word-diff';
import { describeError } from '../../lib/errors';

export function HeldList({
  library,
  batchId,
  onChange,
}: {
  library: Library;
  /** Only the rows of this import (the wizard's report); all of them when absent. */
  batchId?: string;
  onChange?: (remaining: number) => void;
}) {
  const [rows, setRows] = useState<HeldRow[]>();
  const [message, setMessage] = useState<{ tone: 'ok' | 'bad'; text: string }>();
  const load = useCallback(() => {
    void listHeld(library).then((all) => {
      const mine = batchId ? all.filter((h) => h.batchId === batchId) : all;
      setRows(mine);
      onChange?.(mine.length);
    });
  }, [library, batchId, onChange]);
  useEffect(load, [load]);

  const decide = async (items: HeldRow[], decision: HeldDecision) => {
    try {
      const c = await decideHeld(
        library,
        items.map((h) => ({ id: h.id, decision })),
      );
      notifyBackground();
      const parts = [
        c.accepted ? `${c.accepted} added as new entries` : '',
        c.merged ? `${c.merged} merged into existing entries` : '',
        c.discarded ? `${c.discarded} discarded` : '',
      ].filter(Boolean);
      setMessage({ tone: 'ok', text: `${parts.join(', ')}.` });
    } catch (err) {
      setMessage({ tone: 'bad', text: describeError(err) });
    }
    load();
  };

  if (!rows) return null;
  if (!rows.length) return message ? <Alert tone={message.tone}>{message.text}</Alert> : null;
  return (
    <section className="cw-stack" aria-label="Held-back rows">
      <div className="cw-row">
        <h3>Held back for review ({rows.length})</h3>
        <span className="cw-spacer" />
        <button className="cw-btn cw-btn--small" onClick={() => void decide(rows, 'accept')}>
          Accept all
        </button>
        <button className="cw-btn cw-btn--small" onClick={() => void decide(rows, 'discard')}>
          Discard all
        </button>
      </div>
      <p className="cw-small cw-muted">
        These rows ask nearly the same as an entry you already have. Accept adds the row as its own entry; Merge adds
        its question to that entry as another wording (the entry's answer stays); Discard drops the row.
      </p>
      <ul className="op-held">
        {rows.map((h) => (
          <li key={h.id} className="cw-card op-held__item" data-testid="held-row">
            <div className="cw-row">
              <Badge tone="warn">held back</Badge>
              <span className="cw-small cw-muted">
                {h.fileName} row {h.row} · {Math.round(h.similarity * 100)}% like{' '}
                {h.target.in === 'library' ? (
                  <span className="cw-mono">{h.target.id}</span>
                ) : (
                  `row ${h.target.row ?? '?'} of the same file`
                )}
              </span>
            </div>
            <p className="op-held__q">
              <WordDiff
                before={h.target.question}
                after={h.incoming.question}
                label="Question compared with the entry it resembles"
              />
            </p>
            <p className="cw-small op-clamp">{h.incoming.answer}</p>
            <div className="cw-row">
              <button className="cw-btn cw-btn--small cw-btn--primary" onClick={() => void decide([h], 'accept')}>
                Accept
              </button>
              <button className="cw-btn cw-btn--small" onClick={() => void decide([h], 'merge')}>
                Merge
              </button>
              <button className="cw-btn cw-btn--small cw-btn--quiet" onClick={() => void decide([h], 'discard')}>
                Discard
              </button>
            </div>
          </li>
        ))}
      </ul>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
    </section>
  );
}
