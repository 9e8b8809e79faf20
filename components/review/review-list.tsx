// Every answer used in one questionnaire, with provenance, flags and decisions. Self-loading from the
// library (pass the open Library), so the side panel can mount it as a tab and the review page as its body.
import { useState } from 'react';
import { ledgerOf, type Library } from '../../lib/library';
import type { SaveMode, DecisionStatus } from '../../lib/review';
import { Alert, EmptyState, Spinner } from '../ui';
import { ReviewItemCard } from './review-item';
import { needsAttention, useReviewData, type ReviewData } from './use-review-data';
import './review.css';
import { describeError } from '../../lib/errors';

export interface ReviewListProps {
  library: Library | undefined;
  /** Defaults to the questionnaire filled most recently. */
  questionnaireId?: string;
  /** Name recorded with each decision. Decisions are refused until it is set. */
  reviewer: string;
  /** Called after every change (decision, save), e.g. to refresh a header. */
  onChange?: (data: ReviewData | undefined) => void;
}

export function ReviewList({ library, questionnaireId, reviewer, onChange }: ReviewListProps) {
  const { data, error, reload } = useReviewData(library, questionnaireId);
  const [onlyAttention, setOnlyAttention] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'bad' | 'ok'; text: string }>();

  if (error) return <Alert tone="bad">{error}</Alert>;
  if (!data) return <Spinner label="Loading the review ledger…" />;
  if (!data.items.length) {
    return (
      <EmptyState title="Nothing to review yet">
        Answers you fill or copy into a questionnaire appear here with their sources.
      </EmptyState>
    );
  }

  const act = async (what: () => Promise<string>) => {
    if (!library) return;
    setBusy(true);
    try {
      setMessage({ tone: 'ok', text: await what() });
      reload();
      onChange?.(data);
    } catch (err) {
      setMessage({ tone: 'bad', text: describeError(err) });
    } finally {
      setBusy(false);
    }
  };
  // act() reports every failure in the message line, so its promise never rejects.
  const decide = (id: string) => (status: DecisionStatus, note?: string) =>
    void act(async () => {
      await ledgerOf(library!).decide(id, { status, reviewer, note });
      return status === 'sent-back'
        ? 'Sent back: the entry owner sees it in the library manager.'
        : 'Decision recorded.';
    });
  const save = (id: string) => (mode: SaveMode) =>
    void act(async () => {
      const e = await ledgerOf(library!).saveEditToLibrary(id, mode, reviewer);
      return `Saved as draft ${e.id} v${e.version} (source "page edit"); its owner is notified in the library manager.`;
    });

  const shown = onlyAttention ? data.items.filter(needsAttention) : data.items;
  const attention = data.items.filter(needsAttention).length;
  return (
    <section className="cw-stack" aria-label="Answers under review">
      <div className="cw-row">
        <label className="cw-row cw-small">
          <input type="checkbox" checked={onlyAttention} onChange={(e) => setOnlyAttention(e.target.checked)} /> Needs
          attention ({attention} of {data.items.length})
        </label>
      </div>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {shown.map((item) => (
        <ReviewItemCard
          key={item.record.id}
          item={item}
          busy={busy}
          onDecide={decide(item.record.id)}
          onSave={save(item.record.id)}
        />
      ))}
      {!shown.length && <EmptyState title="Nothing needs attention">Every answer is decided and unflagged.</EmptyState>}
    </section>
  );
}
