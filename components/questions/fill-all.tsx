// "Fill all confident": preview exactly what will be written, then write it with a progress bar; Undo all
// puts back what the page had before.
import { useState } from 'react';
import { Alert, Dialog, ProgressBar } from '../ui';
import type { FillResult } from '../../lib/page';
import type { HeldGroup } from '../../lib/policy';
import { FLAG_LABEL, type FlagAction } from '../../lib/review';
import type { PlannedFill } from './plan';
import { describeError } from '../../lib/errors';

interface Props {
  plan: PlannedFill[];
  /** Confident answers the policy holds back, grouped by the one thing holding them. */
  held: HeldGroup[];
  onAction: (action: FlagAction) => void;
  /** Show only these rows in the list. */
  onShow: (fids: string[], label: string) => void;
  filledCount: number;
  fill: (plan: PlannedFill[], onProgress: (done: number) => void) => Promise<FillResult[]>;
  undoAll: () => Promise<void>;
  /** Where answers go: the page (side panel) or the answered copy of a workbook (spreadsheet page). */
  place?: 'page' | 'workbook';
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'preview' }
  | { kind: 'filling'; done: number; total: number }
  | { kind: 'done'; ok: number; failed: number };

export function FillAll({ plan, held, onAction, onShow, filledCount, fill, undoAll, place = 'page' }: Props) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [error, setError] = useState<string>();

  const start = async () => {
    const todo = plan;
    setStage({ kind: 'filling', done: 0, total: todo.length });
    try {
      const results = await fill(todo, (done) => setStage({ kind: 'filling', done, total: todo.length }));
      setStage({ kind: 'done', ok: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length });
    } catch (err) {
      setError(describeError(err));
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
      {held.length > 0 && (
        <ul className="sp-held" aria-label="What holds back other confident answers" data-testid="held">
          {held.map((g) => (
            <HeldLine key={g.code} group={g} onAction={onAction} onShow={onShow} />
          ))}
        </ul>
      )}
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
            {stage.failed ? `; ${stage.failed} could not be filled (see the questions marked in red)` : ''}.{' '}
            {place === 'page'
              ? 'Check them on the page before you submit.'
              : 'Check them, then download the answered workbook.'}
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

/** "18 more need 'NDA in place' - [Set it]": one line per thing that holds confident answers back. */
function HeldLine({
  group,
  onAction,
  onShow,
}: {
  group: HeldGroup;
  onAction: (action: FlagAction) => void;
  onShow: (fids: string[], label: string) => void;
}) {
  const n = group.ids.length;
  const what =
    group.code === 'several'
      ? 'held for more than one reason'
      : group.action === 'set-nda'
        ? "need 'NDA in place'"
        : group.action === 'declare-recipient'
          ? 'need the recipient declared'
          : group.code === 'field-has-value'
            ? 'already have an answer on the page (left as it is)'
            : `held: ${FLAG_LABEL[group.code]}`;
  const label = group.code === 'several' ? 'held for several reasons' : `held: ${FLAG_LABEL[group.code]}`;
  return (
    <li className="cw-small" data-held={group.code}>
      <span>
        {n} more {what}
      </span>{' '}
      {group.action === 'set-nda' || group.action === 'declare-recipient' ? (
        <button type="button" className="cw-btn cw-btn--small" onClick={() => onAction(group.action!)}>
          {group.action === 'set-nda' ? 'Set it' : 'Declare it'}
        </button>
      ) : (
        <button type="button" className="cw-btn cw-btn--quiet cw-btn--small" onClick={() => onShow(group.ids, label)}>
          Show {n === 1 ? 'it' : 'them'}
        </button>
      )}
    </li>
  );
}
