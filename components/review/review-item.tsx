// One answer under review: the question as the page showed it, the answer given (and any edit made on the
// page since), where it came from, its flags, and the reviewer's decision buttons.
import { useState } from 'react';
import { type SaveMode, wordDiff, TRIGGER_LABEL, type DecisionStatus } from '../../lib/review';
import { CitationList } from '../citations';
import { Badge, type Tone } from '../ui';
import { DiffView } from './diff-view';
import { FlagList } from './flag-list';
import type { ReviewItem } from './use-review-data';

const DECISION: Record<DecisionStatus, { label: string; tone: Tone }> = {
  pending: { label: 'Not reviewed', tone: 'neutral' },
  approved: { label: 'Approved', tone: 'ok' },
  rejected: { label: 'Rejected: refill this field', tone: 'bad' },
  'sent-back': { label: 'Sent back to owner', tone: 'warn' },
};

export interface ReviewItemProps {
  item: ReviewItem;
  busy: boolean;
  onDecide: (status: DecisionStatus, note?: string) => void;
  onSave: (mode: SaveMode) => void;
}

export function ReviewItemCard({ item, busy, onDecide, onSave }: ReviewItemProps) {
  const { record, flags } = item;
  const [note, setNote] = useState(record.decision.note ?? '');
  const [noting, setNoting] = useState(false);
  const d = DECISION[record.decision.status];
  const edited = record.edit?.editedAfterFill;
  return (
    <article
      className="cw-card cw-review-item"
      data-record={record.id}
      data-edited={edited ? 'true' : 'false'}
      aria-label={record.question}
    >
      <header className="cw-row">
        <h3>
          {record.number && <span className="cw-review-num">{record.number}</span>}
          <span className="cw-review-q">{record.question || '(no question text)'}</span>
        </h3>
        <span className="cw-spacer" />
        <Badge>{record.action}</Badge>
        <Badge tone={d.tone}>{d.label}</Badge>
      </header>
      {record.section && <p className="cw-muted cw-small">{record.section}</p>}
      <div className="cw-review-answer">
        <span className="cw-small cw-muted">Answer given</span>
        <p>{record.value}</p>
        {edited && record.edit && (
          <div className="cw-alert cw-alert--warn" data-testid="edited">
            <strong>Edited on the page after filling.</strong> Now: <DiffView parts={record.edit.diff} />
          </div>
        )}
      </div>
      {record.previous && (
        <p className="cw-small cw-muted">
          Replaced what the field held: “{record.previous}” ({record.trigger ? TRIGGER_LABEL[record.trigger] : 'fill'},
          after confirmation).
        </p>
      )}
      <VersionHistory item={item} />
      {record.entryId && record.entryVersion !== undefined ? (
        <details>
          <summary className="cw-small">
            Source: <span className="cw-mono">{record.entryId}</span> v{record.entryVersion}
            {record.confidence !== undefined ? ` · confidence ${Math.round(record.confidence * 100)}%` : ''} ·{' '}
            {record.evidence.length} evidence · {record.controls.length} controls
          </summary>
          {record.matchedQuestion && <p className="cw-small cw-muted">Library question: {record.matchedQuestion}</p>}
          <CitationList
            citations={{
              entryId: record.entryId,
              version: record.entryVersion,
              owner: record.owner ?? item.entry?.owner ?? '',
              approvedAt: item.entry?.approvedAt,
              reviewBy: item.entry?.reviewBy,
              evidence: record.evidence,
              controls: record.controls,
            }}
          />
        </details>
      ) : (
        <p className="cw-small cw-muted">No library entry: typed or pasted by hand.</p>
      )}
      <FlagList flags={flags} />
      {record.decision.reviewer && (
        <p className="cw-small cw-muted">
          {d.label} by {record.decision.reviewer} at {record.decision.at}
          {record.decision.note ? `: ${record.decision.note}` : ''}
        </p>
      )}
      {record.savedToLibrary && (
        <p className="cw-small cw-muted">
          Edit saved to the library as{' '}
          {record.savedToLibrary.mode === 'new-version' ? 'a new draft version' : 'a new draft entry'}{' '}
          <span className="cw-mono">{record.savedToLibrary.entryId}</span> v{record.savedToLibrary.version}.
        </p>
      )}
      {noting && (
        <label className="cw-label">
          Note for the reviewer record / entry owner
          <textarea className="cw-textarea" value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
      )}
      <footer className="cw-row">
        <button
          className="cw-btn cw-btn--primary cw-btn--small"
          disabled={busy}
          onClick={() => onDecide('approved', note || undefined)}
        >
          Approve
        </button>
        <button
          className="cw-btn cw-btn--danger cw-btn--small"
          disabled={busy}
          onClick={() => onDecide('rejected', note || undefined)}
        >
          Reject
        </button>
        {noting ? (
          <button
            className="cw-btn cw-btn--small"
            disabled={busy || !record.entryId}
            onClick={() => onDecide('sent-back', note)}
          >
            Send back with note
          </button>
        ) : (
          <button
            className="cw-btn cw-btn--small"
            disabled={busy || !record.entryId}
            onClick={() => setNoting(true)}
            title={record.entryId ? undefined : 'No library entry to send back'}
          >
            Send back to owner…
          </button>
        )}
        <span className="cw-spacer" />
        {edited && !record.savedToLibrary && (
          <>
            <button
              className="cw-btn cw-btn--quiet cw-btn--small"
              disabled={busy || !item.entry}
              onClick={() => onSave('new-version')}
            >
              Save edit as new version
            </button>
            <button className="cw-btn cw-btn--quiet cw-btn--small" disabled={busy} onClick={() => onSave('new-entry')}>
              Save edit as new entry
            </button>
          </>
        )}
      </footer>
    </article>
  );
}

/**
 * How the answer got here: earlier fills of this field (each as a word diff to the next), and, when the library
 * entry has a newer version than the one used, what changed in it since.
 */
function VersionHistory({ item }: { item: ReviewItem }) {
  const { record, history, entry } = item;
  const newer =
    entry && record.entryId === entry.id && record.entryVersion !== undefined && entry.version > record.entryVersion;
  if (!history.length && !newer) return null;
  const values = [...history, record];
  return (
    <details className="cw-review-history" data-testid="version-history">
      <summary className="cw-small">
        Version history
        {history.length ? ` · filled ${values.length} times` : ''}
        {newer ? ` · library entry now v${entry.version} (used v${record.entryVersion})` : ''}
      </summary>
      <ol className="cw-small">
        {values.map((r, i) => (
          <li key={r.id}>
            <span className="cw-muted">
              {r.at} · {r.entryId ? `${r.entryId} v${r.entryVersion}` : 'typed by hand'}
              {r.trigger ? ` · ${TRIGGER_LABEL[r.trigger]}` : ''}
            </span>
            <div>{i === 0 ? r.value : <DiffView parts={wordDiff(values[i - 1]!.value, r.value)} />}</div>
          </li>
        ))}
        {newer && (
          <li data-testid="entry-changed">
            <span className="cw-muted">
              Library entry {entry.id}: v{record.entryVersion} → v{entry.version} (changed since this fill)
            </span>
            <div>
              <DiffView parts={wordDiff(item.usedAnswer ?? record.value, entry.answer)} />
            </div>
          </li>
        )}
      </ol>
    </details>
  );
}
