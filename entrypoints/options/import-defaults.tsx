// The wizard's "for the whole file" step: when a file has no status, reuse, owner or review-date column, the
// user chooses once for every row (Loopio, Responsive and home-grown sheets rarely say who may receive an
// answer). Only the questions the file leaves open are asked; status and reuse must be answered explicitly.
import type { ImportDefaults } from '../../lib/library';
import type { FileField } from '../../lib/library';
import { today } from './filters';

export interface DefaultsForm {
  status?: 'approved' | 'draft';
  approvedBy: string;
  approvedAt: string;
  reuse?: 'public' | 'nda' | 'internal' | 'customer';
  customer: string;
  owner: string;
  review: 'none' | 'date' | '6' | '12' | '24';
  reviewDate: string;
}

export const emptyDefaults = (): DefaultsForm => ({
  approvedBy: '',
  approvedAt: today(),
  customer: '',
  owner: '',
  review: 'none',
  reviewDate: '',
});

/** Which questions this file leaves open. */
export function openQuestions(fields: readonly FileField[]): {
  status: boolean;
  reuse: boolean;
  owner: boolean;
  review: boolean;
} {
  const has = new Set(fields);
  return {
    status: !has.has('status'),
    reuse: !has.has('reuse'),
    owner: !has.has('owner'),
    review: !has.has('reviewBy'),
  };
}

/** The form as ImportDefaults, or why it cannot be used yet. */
export function toDefaults(
  form: DefaultsForm,
  open: ReturnType<typeof openQuestions>,
): { ok: true; defaults: ImportDefaults } | { ok: false; missing: string } {
  const d: ImportDefaults = {};
  if (open.status) {
    if (!form.status) return { ok: false, missing: 'Choose whether these answers are approved or drafts.' };
    if (form.status === 'draft') d.status = { status: 'draft' };
    else {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(form.approvedAt)) return { ok: false, missing: 'Give the approval date.' };
      d.status = {
        status: 'approved',
        approvedAt: form.approvedAt,
        ...(form.approvedBy.trim() ? { approvedBy: form.approvedBy.trim() } : {}),
      };
    }
  }
  if (open.reuse) {
    if (!form.reuse) return { ok: false, missing: 'Choose who may receive these answers.' };
    if (form.reuse === 'customer') {
      if (!form.customer.trim()) return { ok: false, missing: 'Name the customer who may receive these answers.' };
      d.reuse = { level: 'customer', customer: form.customer.trim() };
    } else d.reuse = { level: form.reuse };
  }
  if (open.owner && form.owner.trim()) d.owner = form.owner.trim();
  if (open.review) {
    if (form.review === 'date') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(form.reviewDate)) return { ok: false, missing: 'Give the review date.' };
      d.review = { kind: 'date', date: form.reviewDate };
    } else if (form.review !== 'none') d.review = { kind: 'cycle', months: Number(form.review) };
  }
  return { ok: true, defaults: d };
}

export function DefaultsStep({
  form,
  open,
  onChange,
}: {
  form: DefaultsForm;
  open: ReturnType<typeof openQuestions>;
  onChange: (f: DefaultsForm) => void;
}) {
  const set = (patch: Partial<DefaultsForm>) => onChange({ ...form, ...patch });
  if (!open.status && !open.reuse && !open.owner && !open.review) return null;
  return (
    <section className="cw-stack op-section" aria-label="For the whole file">
      <h3>For every row of this file</h3>
      <p className="cw-small cw-muted">
        The file does not say this, so choose once for all its rows. Rows that have a value keep theirs; the choice is
        written into each entry's history.
      </p>
      {open.status && (
        <fieldset className="op-fieldset">
          <legend>Are these answers approved?</legend>
          <label className="op-radio">
            <input
              type="radio"
              name="status"
              checked={form.status === 'approved'}
              onChange={() => set({ status: 'approved' })}
            />
            Approved
          </label>
          {form.status === 'approved' && (
            <div className="op-grid2 op-indent">
              <label className="cw-label">
                Approved by
                <input
                  className="cw-input"
                  placeholder="Name or team (optional)"
                  value={form.approvedBy}
                  onChange={(e) => set({ approvedBy: e.target.value })}
                />
              </label>
              <label className="cw-label">
                Approved on
                <input
                  className="cw-input"
                  type="date"
                  value={form.approvedAt}
                  onChange={(e) => set({ approvedAt: e.target.value })}
                />
              </label>
            </div>
          )}
          <label className="op-radio">
            <input
              type="radio"
              name="status"
              checked={form.status === 'draft'}
              onChange={() => set({ status: 'draft' })}
            />
            Drafts: suggested, never filled, until someone approves them
          </label>
        </fieldset>
      )}
      {open.reuse && (
        <fieldset className="op-fieldset">
          <legend>Who may receive these answers?</legend>
          {(
            [
              ['public', 'Anyone (public)'],
              ['nda', 'Customers under NDA'],
              ['internal', 'Internal use only'],
              ['customer', 'One named customer'],
            ] as const
          ).map(([value, label]) => (
            <label className="op-radio" key={value}>
              <input type="radio" name="reuse" checked={form.reuse === value} onChange={() => set({ reuse: value })} />
              {label}
            </label>
          ))}
          {form.reuse === 'customer' && (
            <label className="cw-label op-indent">
              Customer
              <input className="cw-input" value={form.customer} onChange={(e) => set({ customer: e.target.value })} />
            </label>
          )}
        </fieldset>
      )}
      <div className="op-grid2">
        {open.owner && (
          <label className="cw-label">
            Owner of every answer
            <input
              className="cw-input"
              placeholder="unassigned"
              value={form.owner}
              onChange={(e) => set({ owner: e.target.value })}
            />
          </label>
        )}
        {open.review && (
          <label className="cw-label">
            Review
            <select
              className="cw-select"
              value={form.review}
              onChange={(e) => set({ review: e.target.value as DefaultsForm['review'] })}
            >
              <option value="none">No review date</option>
              <option value="6">Every 6 months</option>
              <option value="12">Every 12 months</option>
              <option value="24">Every 24 months</option>
              <option value="date">By a date…</option>
            </select>
          </label>
        )}
        {open.review && form.review === 'date' && (
          <label className="cw-label">
            Review by
            <input
              className="cw-input"
              type="date"
              value={form.reviewDate}
              onChange={(e) => set({ reviewDate: e.target.value })}
            />
          </label>
        )}
      </div>
    </section>
  );
}
