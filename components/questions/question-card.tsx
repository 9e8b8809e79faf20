// One question of the page: its text, top suggestion (or why there is none), alternatives and row actions.
import { useState } from 'react';
import { Badge } from '../ui';
import type { FillPlanItem } from '../../lib/messaging';
import { commentFill, fits, type Row } from './plan';
import { extraFlags, type FlagsFor } from './pre-fill';
import { SuggestionView } from './suggestion-view';

interface Props {
  row: Row;
  index: number;
  selected: boolean;
  threshold: number;
  onSelect: () => void;
  onFill: (item: FillPlanItem, comment?: FillPlanItem) => void;
  onUndo: () => void;
  onStatus: (status: Row['status']) => void;
  onNotes: () => void;
  /** Pre-fill reuse checks for a suggestion on this row. */
  flagsFor?: FlagsFor;
}

const CHOICE_KINDS = new Set(['radio', 'select', 'checkbox']);

const STATUS_BADGE: Record<Row['status'], { tone: 'ok' | 'warn' | 'neutral' | 'bad'; label: string } | null> = {
  open: null,
  filled: { tone: 'ok', label: 'filled' },
  skipped: { tone: 'neutral', label: 'skipped' },
  flagged: { tone: 'warn', label: 'flagged for expert' },
};

export function QuestionCard({
  row,
  index,
  selected,
  threshold,
  onSelect,
  onFill,
  onUndo,
  onStatus,
  onNotes,
  flagsFor,
}: Props) {
  const [showAlt, setShowAlt] = useState(false);
  const { field, result } = row;
  const [top, ...alternatives] = result?.suggestions ?? [];
  const badge = STATUS_BADGE[row.status];
  const choices = CHOICE_KINDS.has(field.kind) ? field.options : undefined;
  const flags = (s: NonNullable<typeof top>) => (flagsFor ? extraFlags(flagsFor(row, s), s.warnings) : []);
  const fill = (value: string, s = top) =>
    onFill(
      { fid: field.fid, value, entryId: s?.entryId, version: s?.version },
      s && value === s.option ? commentFill(row, s) : undefined,
    );
  return (
    <li
      className={`cw-card sp-question${selected ? ' is-selected' : ''}`}
      data-testid="question"
      data-fid={field.fid}
      data-status={row.status}
    >
      <button
        className="sp-question__head"
        onClick={onSelect}
        aria-expanded={selected}
        aria-label={`Question ${index + 1}: ${field.question}`}
      >
        <span className="sp-question__num">{field.number ?? index + 1}</span>
        <span className="sp-question__text">{field.question || <em className="cw-muted">(no question text)</em>}</span>
        {badge && <Badge tone={badge.tone}>{badge.label}</Badge>}
      </button>
      <div className="sp-question__meta cw-small cw-muted">
        {field.kind}
        {field.section ? ` · ${field.section}` : ''}
        {field.value && row.status !== 'filled' ? ' · already answered' : ''}
      </div>
      {row.error && <p className="cw-small sp-error">{row.error}</p>}
      {!result && <p className="cw-small cw-muted">Matching…</p>}
      {result && !top && (
        <div className="sp-abstain" data-testid="abstain">
          <Badge tone="neutral">no answer</Badge>
          {result.reasons.map((r, i) => (
            <p key={i} className="cw-small cw-muted">
              {r.message}
            </p>
          ))}
        </div>
      )}
      {top && (selected || row.status === 'open') && (
        <SuggestionView
          key={`${top.entryId}@${top.version}`}
          suggestion={top}
          flags={flags(top)}
          threshold={threshold}
          canFill={!field.disabled && fits(field, top)}
          onFill={row.status === 'filled' ? undefined : (v) => fill(v)}
          onNotes={onNotes}
          compact={!selected}
          choices={choices}
        />
      )}
      {selected && alternatives.length > 0 && (
        <div>
          <button
            className="cw-btn cw-btn--quiet cw-btn--small"
            onClick={() => setShowAlt(!showAlt)}
            aria-expanded={showAlt}
          >
            {showAlt ? 'Hide' : 'Show'} {alternatives.length} alternative{alternatives.length > 1 ? 's' : ''}
          </button>
          {showAlt &&
            alternatives.map((s) => (
              <SuggestionView
                key={`${s.entryId}@${s.version}`}
                suggestion={s}
                flags={flags(s)}
                threshold={threshold}
                canFill={!field.disabled && fits(field, s)}
                onFill={(v) => fill(v, s)}
                onNotes={onNotes}
                choices={choices}
              />
            ))}
        </div>
      )}
      <div className="cw-row sp-row-actions">
        {row.status === 'filled' && (
          <button className="cw-btn cw-btn--small" onClick={onUndo}>
            Undo
          </button>
        )}
        {row.status === 'open' && (
          <>
            <button className="cw-btn cw-btn--quiet cw-btn--small" onClick={() => onStatus('skipped')}>
              Skip
            </button>
            <button className="cw-btn cw-btn--quiet cw-btn--small" onClick={() => onStatus('flagged')}>
              Flag for an expert
            </button>
          </>
        )}
        {(row.status === 'skipped' || row.status === 'flagged') && (
          <button className="cw-btn cw-btn--quiet cw-btn--small" onClick={() => onStatus('open')}>
            Reopen
          </button>
        )}
      </div>
    </li>
  );
}
