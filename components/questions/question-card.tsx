// One question of the page: its number and text, what the field holds, the top suggestion with the fill
// policy's findings (or why there is none), alternatives and row actions. Compact density shows one line of
// question and one line of answer until the card is selected.
import { memo, useState, type CSSProperties } from 'react';
import { Badge } from '../ui';
import type { MatchResult, Suggestion } from '../../lib/match';
import type { FillDecision, Trigger } from '../../lib/policy';
import type { FlagAction } from '../../lib/review';
import { commentFill, fillTarget, type PlannedFill, type Row } from './plan';
import { QuestionControls } from './question-controls';
import { SuggestionView } from './suggestion-view';
import { AttachEvidence } from './attach-evidence';
import type { Decide } from './use-policy';

export type Density = 'comfortable' | 'compact';

interface Props {
  row: Row;
  /** Place in the list as shown (after filters); the virtualized list measures cards by it. */
  listIndex: number;
  style?: CSSProperties;
  measure?: (el: HTMLElement | null) => void;
  selected: boolean;
  density: Density;
  threshold: number;
  decide: Decide;
  onSelect: (fid: string) => void;
  onFill: (items: PlannedFill[]) => void;
  onUndo: (row: Row) => void;
  onStatus: (fid: string, status: Row['status']) => void;
  onNotes: () => void;
  onAction: (action: FlagAction) => void;
  /** Where the answer goes: a page field (side panel) or a workbook cell (spreadsheet page). */
  place?: 'page' | 'workbook';
}

const CHOICE_KINDS = new Set(['radio', 'select', 'checkbox']);

const STATUS_BADGE: Record<Row['status'], { tone: 'ok' | 'warn' | 'neutral' | 'bad'; label: string } | null> = {
  open: null,
  filled: { tone: 'ok', label: 'filled' },
  skipped: { tone: 'neutral', label: 'skipped' },
  flagged: { tone: 'warn', label: 'flagged for expert' },
};

function QuestionCardView({
  row,
  listIndex,
  style,
  measure,
  selected,
  density,
  threshold,
  decide,
  onSelect,
  onFill,
  onUndo,
  onStatus,
  onNotes,
  onAction,
  place = 'page',
}: Props) {
  const [showAlt, setShowAlt] = useState(false);
  const { field, result } = row;
  const [top, ...alternatives] = result?.suggestions ?? [];
  // Weak means weak: below the fitted floor the card says "no good match" and keeps the entries, collapsed,
  // as related reading (no chip, no primary Fill), never as an answer.
  const weak = top?.verdict === 'weak';
  const badge = STATUS_BADGE[row.status];
  const choices = CHOICE_KINDS.has(field.kind) ? field.options : undefined;
  const compact = density === 'compact' && !selected;
  const topDecision = top ? decide(row, top, 'fill') : undefined;
  // An upload's answer goes into its comment box: that box is what Fill writes and what the card shows.
  const target = fillTarget(row);
  const fill = (s: Suggestion, decision: FillDecision) => (value: string, trigger: Trigger) => {
    const reasons = trigger === 'fill' ? decision.reasons : decide(row, s, trigger, value).reasons;
    const item: PlannedFill = {
      fid: target.fid,
      value,
      entryId: s.entryId,
      version: s.version,
      question: target.question,
      number: field.number,
      confidence: s.confidence,
      trigger,
      reasons,
    };
    const extra = value === s.option ? commentFill(row, s) : undefined;
    onFill(extra ? [item, { ...item, ...extra, question: `${field.question} (comment)` }] : [item]);
  };
  const answered = target.value.trim();
  return (
    <li
      className={`cw-card sp-question${selected ? ' is-selected' : ''}${compact ? ' is-compact' : ''}`}
      data-testid="question"
      data-fid={field.fid}
      data-status={row.status}
      data-index={listIndex}
      style={style}
      ref={measure}
    >
      <button
        className="sp-question__head"
        onClick={() => onSelect(field.fid)}
        aria-expanded={selected}
        aria-label={`Question ${field.number ?? row.position + 1}: ${field.question}`}
      >
        <span className="sp-question__num">{field.number ?? row.position + 1}</span>
        <span className="sp-question__text">{field.question || <em className="cw-muted">(no question text)</em>}</span>
        {badge && <Badge tone={badge.tone}>{badge.label}</Badge>}
        {compact && !badge && weak && <Badge>no good match</Badge>}
        {compact && !badge && top && !weak && topDecision && (
          <Badge tone={topDecision.verdict === 'blocked' ? 'bad' : top.autoFill ? 'ok' : 'neutral'}>
            {topDecision.verdict === 'blocked' ? 'held' : top.autoFill ? 'confident' : 'review'}
          </Badge>
        )}
        {compact && !badge && result && !top && <Badge>no answer</Badge>}
      </button>
      {!compact && (
        <div className="sp-question__meta cw-small cw-muted">
          {place === 'workbook' ? (field.kind === 'select' ? 'choice' : 'text') : field.kind}
          {field.section ? ` · ${field.section}` : ''}
          {answered && row.status !== 'filled' ? ' · already answered' : ''}
        </div>
      )}
      {answered && (
        <p className="sp-question__value cw-small" data-testid="field-value" title={target.value}>
          <span className="cw-muted">
            {row.status === 'filled' ? 'Filled: ' : place === 'page' ? 'On the page: ' : 'In the workbook: '}
          </span>
          {target.value}
        </p>
      )}
      {compact && !answered && top && !weak && <p className="sp-question__value cw-small cw-muted">{top.answer}</p>}
      {row.error && <p className="cw-small sp-error">{row.error}</p>}
      {!compact && !result && <p className="cw-small cw-muted">Matching…</p>}
      {!compact && result && !top && (
        <div className="sp-abstain" data-testid="abstain">
          <Badge tone="neutral">no answer</Badge>
          {result.reasons.map((r, i) => (
            <p key={i} className="cw-small cw-muted">
              {r.message}
            </p>
          ))}
        </div>
      )}
      {!compact && field.kind === 'file' && result && (
        <AttachEvidence
          evidence={top?.citations.evidence}
          commentBox={!!row.comment}
          notShareable={topDecision?.reasons.find((r) => r.code === 'evidence-not-shareable')?.message}
        />
      )}
      {!compact && weak && result && (
        <div className="sp-abstain" data-testid="weak">
          <Badge tone="neutral">no good match</Badge>
          <p className="cw-small cw-muted">{weakReason(result)}</p>
          <details className="sp-related">
            <summary className="cw-small">
              {result.suggestions.length} related entr{result.suggestions.length > 1 ? 'ies' : 'y'}
            </summary>
            {result.suggestions.map((s) => {
              const d = decide(row, s, 'fill');
              return (
                <SuggestionView
                  key={`${s.entryId}@${s.version}`}
                  suggestion={s}
                  decision={d}
                  decideEdit={(v) => decide(row, s, 'edit-fill', v)}
                  threshold={threshold}
                  onFill={row.status === 'filled' ? undefined : fill(s, d)}
                  onAction={onAction}
                  onNotes={onNotes}
                  choices={choices}
                  related
                />
              );
            })}
          </details>
        </div>
      )}
      {!compact && top && !weak && topDecision && (selected || row.status === 'open') && (
        <SuggestionView
          key={`${top.entryId}@${top.version}`}
          suggestion={top}
          decision={topDecision}
          decideEdit={(v) => decide(row, top, 'edit-fill', v)}
          threshold={threshold}
          onFill={row.status === 'filled' ? undefined : fill(top, topDecision)}
          onAction={onAction}
          onNotes={onNotes}
          compact={!selected}
          choices={choices}
        />
      )}
      {selected && !weak && alternatives.length > 0 && (
        <div>
          <button
            className="cw-btn cw-btn--quiet cw-btn--small"
            onClick={() => setShowAlt(!showAlt)}
            aria-expanded={showAlt}
          >
            {showAlt ? 'Hide' : 'Show'} {alternatives.length} alternative{alternatives.length > 1 ? 's' : ''}
          </button>
          {showAlt &&
            alternatives.map((s) => {
              const d = decide(row, s, 'fill');
              return (
                <SuggestionView
                  key={`${s.entryId}@${s.version}`}
                  suggestion={s}
                  decision={d}
                  decideEdit={(v) => decide(row, s, 'edit-fill', v)}
                  threshold={threshold}
                  onFill={fill(s, d)}
                  onAction={onAction}
                  onNotes={onNotes}
                  choices={choices}
                />
              );
            })}
        </div>
      )}
      {selected && result && <QuestionControls controls={result.controls} />}
      {!compact && (
        <div className="cw-row sp-row-actions">
          {row.status === 'filled' && (
            <button className="cw-btn cw-btn--small" onClick={() => onUndo(row)}>
              Undo
            </button>
          )}
          {row.status === 'open' && (
            <>
              <button className="cw-btn cw-btn--quiet cw-btn--small" onClick={() => onStatus(field.fid, 'skipped')}>
                Skip
              </button>
              <button className="cw-btn cw-btn--quiet cw-btn--small" onClick={() => onStatus(field.fid, 'flagged')}>
                Flag for an expert
              </button>
            </>
          )}
          {(row.status === 'skipped' || row.status === 'flagged') && (
            <button className="cw-btn cw-btn--quiet cw-btn--small" onClick={() => onStatus(field.fid, 'open')}>
              Reopen
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** Memoised: a fill or a filter change re-renders only the cards whose row, selection or policy changed. */
export const QuestionCard = memo(QuestionCardView);

/** The matcher's own words for a weak top suggestion (its reason, with the floor it fell under). */
function weakReason(result: MatchResult): string {
  return (
    result.reasons.find((r) => r.code === 'no-good-match')?.message ??
    'No good match: the closest library entries answer other questions. Write the answer, or add it to the library.'
  );
}
