// The wizard's preview: what the import will do, before anything is written. Changed rows show a word diff of
// what changes, new rows are listed, and entries a re-imported file no longer has are listed with an opt-in to
// retire them. Long lists show their first rows and a "Show more" (a 20,000-row preview must stay light).
import { useState } from 'react';
import { Badge } from '../../components/ui';
import { type ImportPlan, planOutcome, type AnswerEntry } from '../../lib/library';
import { reuseLabel } from './filters';
import { IssueTable } from './issue-table';
import { outcomeSentences } from './import-outcome';
import { changedFields, WordDiff } from './word-diff';

const PAGE = 20;

const FIELD_LABELS: Record<string, string> = {
  status: 'status',
  owner: 'owner',
  reuse: 'reuse',
  approvedBy: 'approver',
  approvedAt: 'approval date',
  reviewBy: 'review date',
  tags: 'tags',
  controls: 'controls',
  alternatives: 'other wordings',
  evidenceIds: 'evidence',
  notes: 'notes',
  roles: 'roles',
  scope: 'scope',
};

function describeChange(before: AnswerEntry, after: AnswerEntry): string {
  const fields = changedFields(before, after, FIELD_LABELS);
  const parts = fields.map((f) => {
    if (f === 'status') return `status ${before.status} → ${after.status}`;
    if (f === 'reuse') return `reuse ${reuseLabel(before.reuse)} → ${reuseLabel(after.reuse)}`;
    if (f === 'owner') return `owner ${before.owner} → ${after.owner}`;
    return f;
  });
  return parts.join('; ');
}

function More({ shown, total, onMore }: { shown: number; total: number; onMore: () => void }) {
  if (shown >= total) return null;
  return (
    <button className="cw-btn cw-btn--small cw-btn--quiet" onClick={onMore}>
      Show {Math.min(PAGE, total - shown)} more of {total - shown}
    </button>
  );
}

export function Preview({
  plan,
  retireMissing,
  onRetireMissing,
  pending,
}: {
  plan: ImportPlan;
  retireMissing: boolean;
  onRetireMissing: (v: boolean) => void;
  /** A choice the user still has to make; the outcome sentences wait for it. */
  pending?: string;
}) {
  const [limits, setLimits] = useState({ changed: PAGE, added: 5, missing: PAGE });
  const more = (k: keyof typeof limits) => setLimits({ ...limits, [k]: limits[k] + PAGE });
  const { parsed } = plan;
  const rejectedRows = new Set(parsed.rejected.filter((r) => r.row > 0).map((r) => `${r.sheet ?? ''}#${r.row}`)).size;
  const sentences = outcomeSentences(planOutcome(plan));
  const evidence = plan.evidence.added.length + plan.evidence.updated.length;
  return (
    <section className="cw-stack op-section" aria-label="Preview" data-testid="import-preview">
      <h3>What will happen</h3>
      <p className="cw-row op-wrap">
        <Badge tone="ok">{plan.added.length} new</Badge>
        <Badge tone={plan.updated.length ? 'accent' : 'neutral'}>{plan.updated.length} changed</Badge>
        <Badge>{plan.unchanged} unchanged</Badge>
        <Badge tone={plan.held.length ? 'warn' : 'neutral'}>{plan.held.length} held back</Badge>
        <Badge tone={rejectedRows ? 'bad' : 'neutral'}>{rejectedRows} rejected</Badge>
        {evidence > 0 && <Badge>{evidence} evidence</Badge>}
        <span className="cw-small cw-muted">
          of {parsed.rowsRead} rows in {parsed.fileName}
        </span>
      </p>
      {pending && <p className="cw-small op-todo">{pending}</p>}
      {!pending && sentences.length > 0 && (
        <ul className="op-outcome" data-testid="import-outcome">
          {sentences.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
      {plan.held.length > 0 && (
        <p className="cw-small">
          {plan.held.length} row(s) ask nearly the same as an entry you have; they are kept aside, and after the import
          you choose for each: accept, merge or discard (also later, in Notifications).
        </p>
      )}
      {plan.updated.length > 0 && (
        <details open>
          <summary>Changed entries ({plan.updated.length})</summary>
          <ul className="op-changes" aria-label="Changed entries">
            {plan.updated.slice(0, limits.changed).map((u) => (
              <li key={u.after.id} className="cw-card op-change">
                <div className="cw-small cw-muted">
                  <span className="cw-mono">{u.after.id}</span> · row {u.row} · v{u.before.version} → v{u.after.version}
                  {describeChange(u.before, u.after) ? ` · ${describeChange(u.before, u.after)}` : ''}
                </div>
                {u.before.question !== u.after.question ? (
                  <strong>
                    <WordDiff before={u.before.question} after={u.after.question} label="Question changes" />
                  </strong>
                ) : (
                  <strong>{u.after.question}</strong>
                )}
                {u.before.answer !== u.after.answer && (
                  <p className="cw-small">
                    <WordDiff before={u.before.answer} after={u.after.answer} label="Answer changes" />
                  </p>
                )}
                {u.before.shortAnswer !== u.after.shortAnswer && (
                  <p className="cw-small">
                    Short answer: <del>{u.before.shortAnswer ?? '(none)'}</del>{' '}
                    <ins>{u.after.shortAnswer ?? '(none)'}</ins>
                  </p>
                )}
              </li>
            ))}
          </ul>
          <More shown={limits.changed} total={plan.updated.length} onMore={() => more('changed')} />
        </details>
      )}
      {plan.added.length > 0 && (
        <details open={plan.updated.length === 0 && plan.added.length <= 5}>
          <summary>New entries ({plan.added.length})</summary>
          <ul className="op-list" aria-label="New entries">
            {plan.added.slice(0, limits.added).map((a) => (
              <li key={a.entry.id}>
                <span className="cw-small cw-muted">row {a.row}</span> {a.entry.question}
              </li>
            ))}
          </ul>
          <More shown={limits.added} total={plan.added.length} onMore={() => more('added')} />
        </details>
      )}
      {plan.missing.length > 0 && (
        <details open>
          <summary>Not in this file ({plan.missing.length})</summary>
          <p className="cw-small cw-muted">
            These entries are like the file's (same kind of id) but the file no longer has them. They stay as they are
            unless you choose to retire them (retired entries are kept with their history and can be restored).
          </p>
          <ul className="op-list" aria-label="Entries not in this file">
            {plan.missing.slice(0, limits.missing).map((e) => (
              <li key={e.id}>
                <span className="cw-mono cw-small">{e.id}</span> {e.question}
              </li>
            ))}
          </ul>
          <More shown={limits.missing} total={plan.missing.length} onMore={() => more('missing')} />
          <label className="op-radio">
            <input type="checkbox" checked={retireMissing} onChange={(e) => onRetireMissing(e.target.checked)} />
            Retire these {plan.missing.length} entries
          </label>
        </details>
      )}
      <IssueTable title="Rejected rows" issues={parsed.rejected} />
      <IssueTable title="Warnings" issues={parsed.warnings} />
    </section>
  );
}
