// The entries table's bulk actions, for the selected entries: approve (by whom, when), set who may receive them,
// set the owner or the review date, add or remove a tag, retire. Each is one transaction with a new version per
// entry, and one Undo takes the whole action back.
import { useState } from 'react';
import { Alert } from '../../components/ui';
import { type BulkResult, type BulkAction, undoBulk, bulkEdit, type Library } from '../../lib/library';
import { notifyBackground } from './entry-editor';
import { today } from './filters';
import { describeError } from '../../lib/errors';

type Open = 'approve' | 'reuse' | 'owner' | 'review' | 'add-tag' | 'remove-tag' | 'retire' | undefined;

export function BulkBar({
  library,
  selected,
  tags,
  onDone,
}: {
  library: Library;
  selected: readonly string[];
  /** Tags in use, offered when adding or removing one. */
  tags: readonly string[];
  onDone: () => void;
}) {
  const [open, setOpen] = useState<Open>();
  const [form, setForm] = useState({
    approvedBy: '',
    approvedAt: today(),
    reuse: 'nda' as 'public' | 'nda' | 'internal' | 'customer',
    customer: '',
    owner: '',
    reviewBy: '',
    tag: '',
  });
  const [last, setLast] = useState<BulkResult>();
  const [message, setMessage] = useState<{ tone: 'ok' | 'bad'; text: string }>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const n = selected.length;

  const run = async (action: BulkAction) => {
    setBusy(true);
    try {
      const result = await bulkEdit(library, selected, action);
      notifyBackground();
      setLast(result);
      setOpen(undefined);
      setMessage({
        tone: 'ok',
        text: `${result.label}: ${result.steps.length} new version(s)${result.unchanged ? `, ${result.unchanged} already so (unchanged)` : ''}.`,
      });
      onDone();
    } catch (err) {
      setMessage({ tone: 'bad', text: describeError(err) });
    } finally {
      setBusy(false);
    }
  };
  const undo = async () => {
    if (!last) return;
    setBusy(true);
    try {
      const r = await undoBulk(library, last);
      notifyBackground();
      setMessage({
        tone: 'ok',
        text: `Undone: ${r.reverted} entr${r.reverted === 1 ? 'y' : 'ies'} back as before${r.skipped.length ? `; ${r.skipped.length} edited since were left as they are (${r.skipped.slice(0, 3).join(', ')})` : ''}.`,
      });
      setLast(undefined);
    } catch (err) {
      setMessage({ tone: 'bad', text: describeError(err) });
    } finally {
      setBusy(false);
    }
  };

  const toggle = (o: Exclude<Open, undefined>) => setOpen(open === o ? undefined : o);
  const action = (o: Exclude<Open, undefined>, label: string) => (
    <button
      className={`cw-btn cw-btn--small${o === 'retire' ? ' cw-btn--danger' : ''}`}
      aria-expanded={open === o}
      disabled={!n || busy}
      onClick={() => toggle(o)}
    >
      {label}
    </button>
  );

  return (
    <div className="op-bulk cw-stack" aria-label="Bulk actions">
      <div className="cw-row op-wrap">
        <strong className="cw-small">{n ? `${n} selected:` : 'Select entries to act on them together.'}</strong>
        {action('approve', 'Approve…')}
        {action('reuse', 'Who may receive…')}
        {action('owner', 'Owner…')}
        {action('review', 'Review date…')}
        {action('add-tag', 'Add tag…')}
        {action('remove-tag', 'Remove tag…')}
        {action('retire', 'Retire…')}
      </div>
      {open && n > 0 && (
        <div className="cw-row op-wrap op-bulk__form">
          {open === 'approve' && (
            <>
              <input
                className="cw-input"
                aria-label="Approved by"
                placeholder="Approved by (name or team)"
                value={form.approvedBy}
                onChange={(e) => set({ approvedBy: e.target.value })}
              />
              <input
                className="cw-input"
                type="date"
                aria-label="Approved on"
                value={form.approvedAt}
                onChange={(e) => set({ approvedAt: e.target.value })}
              />
              <button
                className="cw-btn cw-btn--primary"
                disabled={busy || !form.approvedAt}
                onClick={() =>
                  void run({
                    kind: 'approve',
                    approvedAt: form.approvedAt,
                    ...(form.approvedBy.trim() ? { approvedBy: form.approvedBy.trim() } : {}),
                  })
                }
              >
                Approve {n}
              </button>
            </>
          )}
          {open === 'reuse' && (
            <>
              <select
                className="cw-select"
                aria-label="Who may receive them"
                value={form.reuse}
                onChange={(e) => set({ reuse: e.target.value as typeof form.reuse })}
              >
                <option value="public">Anyone (public)</option>
                <option value="nda">Customers under NDA</option>
                <option value="internal">Internal use only</option>
                <option value="customer">One named customer</option>
              </select>
              {form.reuse === 'customer' && (
                <input
                  className="cw-input"
                  aria-label="Customer"
                  placeholder="Customer"
                  value={form.customer}
                  onChange={(e) => set({ customer: e.target.value })}
                />
              )}
              <button
                className="cw-btn cw-btn--primary"
                disabled={busy || (form.reuse === 'customer' && !form.customer.trim())}
                onClick={() =>
                  void run({
                    kind: 'reuse',
                    reuse:
                      form.reuse === 'customer'
                        ? { level: 'customer', customer: form.customer.trim() }
                        : { level: form.reuse },
                  })
                }
              >
                Apply to {n}
              </button>
            </>
          )}
          {open === 'owner' && (
            <>
              <input
                className="cw-input"
                aria-label="New owner"
                placeholder="Owner"
                value={form.owner}
                onChange={(e) => set({ owner: e.target.value })}
              />
              <button
                className="cw-btn cw-btn--primary"
                disabled={busy || !form.owner.trim()}
                onClick={() => void run({ kind: 'owner', owner: form.owner.trim() })}
              >
                Set owner of {n}
              </button>
            </>
          )}
          {open === 'review' && (
            <>
              <input
                className="cw-input"
                type="date"
                aria-label="Review by"
                value={form.reviewBy}
                onChange={(e) => set({ reviewBy: e.target.value })}
              />
              <button
                className="cw-btn cw-btn--primary"
                disabled={busy}
                onClick={() => void run({ kind: 'review', ...(form.reviewBy ? { reviewBy: form.reviewBy } : {}) })}
              >
                {form.reviewBy ? `Set review date of ${n}` : `Clear review date of ${n}`}
              </button>
            </>
          )}
          {(open === 'add-tag' || open === 'remove-tag') && (
            <>
              <input
                className="cw-input"
                aria-label="Tag"
                placeholder="Tag"
                list="op-bulk-tags"
                value={form.tag}
                onChange={(e) => set({ tag: e.target.value })}
              />
              <datalist id="op-bulk-tags">
                {tags.map((t) => (
                  <option key={t} value={t} />
                ))}
              </datalist>
              <button
                className="cw-btn cw-btn--primary"
                disabled={busy || !form.tag.trim()}
                onClick={() => void run({ kind: open, tag: form.tag.trim() })}
              >
                {open === 'add-tag' ? `Tag ${n}` : `Remove tag from ${n}`}
              </button>
            </>
          )}
          {open === 'retire' && (
            <>
              <span className="cw-small">
                Retired entries are never suggested; they keep their history and can be restored.
              </span>
              <button className="cw-btn cw-btn--danger" disabled={busy} onClick={() => void run({ kind: 'retire' })}>
                Retire {n}
              </button>
            </>
          )}
        </div>
      )}
      {message && (
        <Alert tone={message.tone}>
          <span data-testid="bulk-result">{message.text}</span>{' '}
          {last && message.tone === 'ok' && (
            <button className="cw-btn cw-btn--small" disabled={busy} onClick={() => void undo()}>
              Undo
            </button>
          )}
        </Alert>
      )}
    </div>
  );
}
