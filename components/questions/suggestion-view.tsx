// One suggestion: the answer, its confidence, the fill policy's findings and citations, with the actions a
// reviewer needs. The Fill buttons do what the policy says: fill, ask first (the findings that ask are shown
// with "Fill anyway"), or stay disabled with the reason and its one-step fix.
import { useState } from 'react';
import { CitationList } from '../citations';
import { Badge, ConfidenceMeter, copyText } from '../ui';
import type { Suggestion } from '../../lib/match';
import { holding, type FillDecision, type Trigger } from '../../lib/policy';
import type { FlagAction } from '../../lib/review';
import { Findings } from './findings';

interface Props {
  suggestion: Suggestion;
  /** The policy's decision for the card's Fill button (trigger 'fill'). */
  decision?: FillDecision;
  /** The policy's decision for an edited value (trigger 'edit-fill'). */
  decideEdit?: (value: string) => FillDecision;
  threshold: number;
  onFill?: (value: string, trigger: Trigger) => void;
  onAction?: (action: FlagAction) => void;
  onNotes?: () => void;
  compact?: boolean;
  /** Option labels of a choice field: editing picks one of them instead of typing free text. */
  choices?: string[];
  /** Shown as a related entry under "no good match": no option or short-answer chip, no primary Fill. */
  related?: boolean;
}

export function SuggestionView({
  suggestion: s,
  decision,
  decideEdit,
  threshold,
  onFill,
  onAction,
  onNotes,
  compact,
  choices,
  related,
}: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(s.option ?? s.answer);
  const [copied, setCopied] = useState(false);
  // The decision waiting for "Fill anyway": the card's own, or the edited value's.
  const [asking, setAsking] = useState<{ decision: FillDecision; trigger: Trigger }>();
  const editDecision = editing && decideEdit ? decideEdit(draft) : undefined;
  const go = (d: FillDecision, trigger: Trigger) => {
    if (d.verdict === 'fill') onFill?.(d.value, trigger);
    else if (d.verdict === 'confirm') setAsking({ decision: d, trigger });
  };
  const shown = editDecision ?? decision;
  return (
    <div className="sp-suggestion" data-verdict={decision?.verdict}>
      <div className="cw-row">
        {!related && s.option && <Badge tone="accent">{s.option}</Badge>}
        {!related && s.shortAnswer && !s.option && <Badge tone="accent">{s.shortAnswer}</Badge>}
        <ConfidenceMeter value={s.confidence} threshold={threshold} />
        {s.autoFill ? <Badge tone="ok">confident</Badge> : <Badge>{related ? 'related' : 'review'}</Badge>}
      </div>
      {editing && choices?.length ? (
        <label className="cw-label">
          Choose the answer to fill
          <select
            className="cw-select"
            value={choices.includes(draft) ? draft : ''}
            onChange={(e) => setDraft(e.target.value)}
            autoFocus
          >
            <option value="" disabled>
              Pick an option
            </option>
            {choices.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
      ) : editing ? (
        <label className="cw-label">
          Edit before filling
          <textarea className="cw-textarea" value={draft} onChange={(e) => setDraft(e.target.value)} autoFocus />
        </label>
      ) : (
        <p className="sp-answer">{s.answer}</p>
      )}
      <p className="cw-muted cw-small">Answers: “{s.matchedQuestion}”</p>
      {shown && <Findings reasons={shown.reasons} onAction={onAction} />}
      {!compact && (
        <details className="sp-details">
          <summary>Citations</summary>
          <CitationList citations={s.citations} onNotes={onNotes} />
        </details>
      )}
      {asking && (
        <div className="cw-alert cw-alert--warn sp-confirm" role="alertdialog" aria-label="Confirm the fill">
          <p className="cw-small">
            <strong>Check before filling:</strong>{' '}
            {holding(asking.decision)
              .map((r) => r.message)
              .join(' ')}
          </p>
          <div className="cw-row">
            <button
              className="cw-btn cw-btn--primary cw-btn--small"
              onClick={() => {
                onFill?.(asking.decision.value, asking.trigger);
                setAsking(undefined);
              }}
            >
              Fill anyway
            </button>
            <button className="cw-btn cw-btn--small" onClick={() => setAsking(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <div className="cw-row sp-actions">
        {onFill && !editing && decision && (
          <button
            className={related ? 'cw-btn cw-btn--small' : 'cw-btn cw-btn--primary cw-btn--small'}
            disabled={decision.verdict === 'blocked' || !!asking}
            onClick={() => go(decision, 'fill')}
            title={
              decision.verdict === 'blocked'
                ? holding(decision)
                    .map((r) => r.message)
                    .join(' ')
                : 'Write this answer into the page'
            }
          >
            {decision.verdict === 'confirm' ? 'Fill…' : 'Fill'}
          </button>
        )}
        {onFill && editing && editDecision && (
          <button
            className="cw-btn cw-btn--primary cw-btn--small"
            disabled={editDecision.verdict === 'blocked' || !!asking}
            onClick={() => go(editDecision, 'edit-fill')}
          >
            {editDecision.verdict === 'confirm' ? 'Fill edited…' : 'Fill edited'}
          </button>
        )}
        {onFill && (
          <button
            className="cw-btn cw-btn--small"
            onClick={() => {
              setEditing(!editing);
              setAsking(undefined);
            }}
          >
            {editing ? 'Cancel edit' : 'Edit then fill'}
          </button>
        )}
        <button
          className="cw-btn cw-btn--small"
          onClick={() =>
            void copyText(s.answer).then(() => {
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            })
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
