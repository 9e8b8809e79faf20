// "Fill all confident": preview exactly what will be written, then write it with a progress bar; Undo all
// puts back what the page had before.
import { useState } from 'react';
import { Alert, Dialog, ProgressBar } from '../ui';
import type { FillResult } from '../../lib/page/types';
import type { PlannedFill } from './plan';

interface Props {
  plan: PlannedFill[];
  filledCount: number;
  fill: (plan: PlannedFill[], onProgress: (done: number) => void) => Promise<FillResult[]>;
  undoAll: () => Promise<void>;
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'preview' }
  | { kind: 'filling'; done: number; total: number }
  | { kind: 'done'; ok: number; failed: number };

export function FillAll({ plan, filledCount, fill, undoAll }: Props) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [error, setError] = useState<string>();

  const start = async () => {
    const todo = plan;
    setStage({ kind: 'filling', done: 0, total: todo.length });
    try {
      const results = await fill(todo, (done) => setStage({ kind: 'filling', done, total: todo.length }));
      setStage({ kind: 'done', ok: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setStage({ kind: 'idle' });
    }
  };

  return (
    <section className="sp-fillall" aria-label="Fill all confident">
      <div className="cw-row">
        <button
          className="cw-btn cw-btn--primary"
          disabled={!plan.length || stage.kind === 'filling'}
          onClick={() => setStage({ kind: 'preview' })}
        >
          Fill all confident ({plan.length})
        </button>
        <button
          className="cw-btn"
          disabled={!filledCount || stage.kind === 'filling'}
          onClick={() =>
            void undoAll().then(
              () => setStage({ kind: 'idle' }),
              (e) => setError(String(e)),
            )
          }
        >
          Undo all
        </button>
      </div>
      {stage.kind === 'filling' && (
        <div className="cw-stack" data-testid="fill-progress">
          <ProgressBar value={stage.done} max={stage.total} label="Filling answers" />
          <span className="cw-small cw-muted">
            Filled {stage.done} of {stage.total}…
          </span>
        </div>
      )}
      {stage.kind === 'done' && (
        <Alert tone={stage.failed ? 'warn' : 'ok'}>
          <span data-testid="fill-done">
            Filled {stage.ok} field{stage.ok === 1 ? '' : 's'}
            {stage.failed ? `; ${stage.failed} could not be filled (see the questions marked in red)` : ''}. Check them
            on the page before you submit.
          </span>
        </Alert>
      )}
      {error && <Alert tone="bad">{error}</Alert>}
      {stage.kind === 'preview' && (
        <Dialog
          title={`Fill ${plan.length} confident answer${plan.length === 1 ? '' : 's'}?`}
          onClose={() => setStage({ kind: 'idle' })}
          footer={
            <>
              <button className="cw-btn" onClick={() => setStage({ kind: 'idle' })}>
                Cancel
              </button>
              <button className="cw-btn cw-btn--primary" onClick={() => void start()}>
                Fill {plan.length} field{plan.length === 1 ? '' : 's'}
              </button>
            </>
          }
        >
          <p className="cw-small cw-muted">
            Only empty fields with a confident answer are written. Nothing is submitted.
          </p>
          <ol className="sp-preview" data-testid="fill-preview">
            {plan.map((p) => (
              <li key={p.fid}>
                <div className="sp-preview__q">{p.question}</div>
                <div className="sp-preview__a">{p.value}</div>
                <div className="cw-small cw-muted">
                  {p.entryId} v{p.version} · {Math.round(p.confidence * 100)}%
                </div>
              </li>
            ))}
          </ol>
        </Dialog>
      )}
    </section>
  );
}
