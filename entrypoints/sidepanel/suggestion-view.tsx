// One suggestion: the answer, its confidence, warnings and citations, with the actions a reviewer needs.
import { useState } from 'react';
import { CitationList } from '../../components/citations';
import { Badge, ConfidenceMeter, copyText } from '../../components/ui';
import type { Suggestion, Warning } from '../../lib/match/types';
import type { Flag } from '../../lib/review/schema';

const WARNING_TONE: Record<Warning['code'], 'warn' | 'bad'> = {
  stale: 'warn',
  'out-of-scope': 'bad',
  'not-cleared-for-reuse': 'bad',
  conflict: 'bad',
  draft: 'warn',
  'evidence-expired': 'warn',
  'framework-mismatch': 'warn',
  'option-mismatch': 'warn',
  'weak-match': 'bad',
  'below-threshold': 'warn',
  'terms-not-covered': 'warn',
  'wrong-answer-kind': 'bad',
  'controls-disagree': 'warn',
  'needs-expert': 'bad',
  'needs-context': 'warn',
};

export function Warnings({ warnings }: { warnings: Warning[] }) {
  if (!warnings.length) return null;
  return (
    <ul className="sp-warnings" aria-label="Warnings">
      {warnings.map((w, i) => (
        <li key={i}>
          <Badge tone={WARNING_TONE[w.code]}>{w.code.replace(/-/g, ' ')}</Badge>{' '}
          <span className="cw-small">{w.message}</span>
        </li>
      ))}
    </ul>
  );
}

const FLAG_TONE: Record<Flag['severity'], 'bad' | 'warn' | 'neutral'> = { high: 'bad', medium: 'warn', low: 'neutral' };

/** Reuse-check flags (lib/review) the match warnings do not already show: what is wrong, then the fix. */
export function PreFillFlags({ flags }: { flags: readonly Flag[] }) {
  if (!flags.length) return null;
  return (
    <ul className="sp-warnings" aria-label="Reuse checks" data-testid="pre-fill-flags">
      {flags.map((f) => (
        <li key={f.code} data-flag={f.code}>
          <Badge tone={FLAG_TONE[f.severity]}>{f.code.replace(/-/g, ' ')}</Badge>{' '}
          <span className="cw-small">{f.message}</span> <span className="cw-small cw-muted">Fix: {f.fix}</span>
        </li>
      ))}
    </ul>
  );
}

interface Props {
  suggestion: Suggestion;
  /** Pre-fill reuse-check flags not already among the suggestion's warnings. */
  flags?: readonly Flag[];
  threshold: number;
  canFill: boolean;
  onFill?: (value: string) => void;
  onNotes?: () => void;
  compact?: boolean;
  /** Option labels of a choice field: editing picks one of them instead of typing free text. */
  choices?: string[];
}

export function SuggestionView({
  suggestion: s,
  flags = [],
  threshold,
  canFill,
  onFill,
  onNotes,
  compact,
  choices,
}: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(s.option ?? s.answer);
  const [copied, setCopied] = useState(false);
  return (
    <div className="sp-suggestion">
      <div className="cw-row">
        {s.option && <Badge tone="accent">{s.option}</Badge>}
        {s.shortAnswer && !s.option && <Badge tone="accent">{s.shortAnswer}</Badge>}
        <ConfidenceMeter value={s.confidence} threshold={threshold} />
        {s.autoFill ? <Badge tone="ok">confident</Badge> : <Badge>review</Badge>}
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
      <Warnings warnings={s.warnings} />
      <PreFillFlags flags={flags} />
      {!compact && (
        <details className="sp-details">
          <summary>Citations</summary>
          <CitationList citations={s.citations} onNotes={onNotes} />
        </details>
      )}
      <div className="cw-row sp-actions">
        {onFill && !editing && (
          <button
            className="cw-btn cw-btn--primary cw-btn--small"
            disabled={!canFill}
            onClick={() => onFill(s.option ?? s.answer)}
            title={canFill ? 'Write this answer into the page' : 'This answer does not fit the field'}
          >
            Fill
          </button>
        )}
        {onFill && editing && (
          <button
            className="cw-btn cw-btn--primary cw-btn--small"
            disabled={!draft.trim()}
            onClick={() => onFill(draft)}
          >
            Fill edited
          </button>
        )}
        {onFill && (
          <button className="cw-btn cw-btn--small" onClick={() => setEditing(!editing)}>
            {editing ? 'Cancel edit' : 'Edit then fill'}
          </button>
        )}
        <button
          className="cw-btn cw-btn--small"
          onClick={() =>
            copyText(s.answer).then(() => {
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
