// Edit one entry: every save is a new version; history lists them all with a word diff against the version
// before, and any version can be restored. Who may receive the answer and where it holds (scope) are edited here
// too. Changing the words of an approved answer makes it a draft until someone approves it again: an approval is
// of the words that were approved.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Alert, Badge } from '../../components/ui';
import { request } from '../../lib/background';
import { resolveControlId, Framework, type ControlRef } from '../../lib/controls';
import {
  textChanged,
  splitList,
  joinList,
  type Library,
  ShortAnswer,
  type AnswerEntry,
  type ReusePermission,
  type Scope,
} from '../../lib/library';
import { formatControls, today } from './filters';
import { WordDiff } from './word-diff';
import { describeError } from '../../lib/errors';

/** Parse "iso27001:2022 A.5.1, CC6.1" into control refs, or name each id that is not in a catalog. */
export function parseControls(text: string): { ok: true; refs: ControlRef[] } | { ok: false; error: string } {
  const refs: ControlRef[] = [];
  for (const part of text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    // "soc2:2017 CC6.1" names its framework (as formatControls writes it); a bare id lets its shape decide.
    const [, prefix, rest] = /^(\S+)\s+(\S.*)$/.exec(part) ?? [];
    const framework = prefix ? Framework.safeParse(prefix) : undefined;
    const res = framework?.success ? resolveControlId(rest!, framework.data) : resolveControlId(part);
    if (!res.ok) return { ok: false, error: res.error };
    refs.push(res.ref);
  }
  return { ok: true, refs };
}

/** Tell the background right away (it would also catch up on its next request). */
export function notifyBackground(): void {
  request({ type: 'bg/sync' }).catch(() => undefined);
}

const SCOPE_AXES: readonly [keyof Scope, string][] = [
  ['services', 'Services or products'],
  ['environments', 'Environments'],
  ['regions', 'Regions'],
  ['dataTypes', 'Data types'],
];

function toDraft(entry: AnswerEntry) {
  return {
    question: entry.question,
    answer: entry.answer,
    shortAnswer: entry.shortAnswer ?? '',
    owner: entry.owner,
    reviewBy: entry.reviewBy ?? '',
    controls: formatControls(entry.controls),
    reuse: entry.reuse.level,
    customer: entry.reuse.level === 'customer' ? entry.reuse.customer : '',
    scope: Object.fromEntries(SCOPE_AXES.map(([k]) => [k, joinList(entry.scope[k])])) as Record<keyof Scope, string>,
  };
}
type DraftForm = ReturnType<typeof toDraft>;

function reuseOf(d: DraftForm): ReusePermission | undefined {
  if (d.reuse === 'customer') return d.customer.trim() ? { level: 'customer', customer: d.customer.trim() } : undefined;
  return { level: d.reuse };
}

/** The entry as the form would save it (before status rules), or why it cannot be saved. */
function edited(entry: AnswerEntry, d: DraftForm): { ok: true; next: AnswerEntry } | { ok: false; error: string } {
  const controls = parseControls(d.controls);
  if (!controls.ok) return controls;
  const reuse = reuseOf(d);
  if (!reuse) return { ok: false, error: 'Name the customer who may receive this answer.' };
  const scope = Object.fromEntries(SCOPE_AXES.map(([k]) => [k, splitList(d.scope[k])])) as Scope;
  const { shortAnswer: _s, reviewBy: _r, ...rest } = entry;
  return {
    ok: true,
    next: {
      ...rest,
      question: d.question,
      answer: d.answer,
      ...(d.shortAnswer.trim() ? { shortAnswer: d.shortAnswer.trim() } : {}),
      owner: d.owner,
      ...(d.reviewBy ? { reviewBy: d.reviewBy } : {}),
      controls: controls.refs,
      reuse,
      scope,
    },
  };
}

export function EntryEditor({
  library,
  entry,
  onClose,
}: {
  library: Library;
  entry: AnswerEntry;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState(() => toDraft(entry));
  const [approver, setApprover] = useState(entry.approvedBy ?? '');
  const [message, setMessage] = useState<{ tone: 'ok' | 'bad'; text: string }>();
  // A new version (saved here, restored, or written elsewhere) resets the form; the message stays. Reset while
  // rendering (React's pattern for state derived from a prop), not in an effect that would paint the old draft first.
  const [draftOf, setDraftOf] = useState(entry);
  // Compared by id and version: a live query hands back a new object for the same version, which must not wipe typing.
  if (draftOf.id !== entry.id || draftOf.version !== entry.version) {
    setDraftOf(entry);
    setDraft(toDraft(entry));
    setApprover(entry.approvedBy ?? '');
  }
  const history = useLiveQuery(() => library.entries.history(entry.id), [library, entry.id, entry.version]);
  const set = (patch: Partial<DraftForm>) => setDraft({ ...draft, ...patch });
  const candidate = edited(entry, draft);
  const dirty = JSON.stringify(draft) !== JSON.stringify(toDraft(entry));
  const demotes = candidate.ok && entry.status === 'approved' && textChanged(entry, candidate.next);

  const act = async (label: string, fn: () => Promise<AnswerEntry>) => {
    try {
      const saved = await fn();
      notifyBackground();
      setMessage({ tone: 'ok', text: `${label}: now version ${saved.version}.` });
    } catch (err) {
      setMessage({ tone: 'bad', text: describeError(err) });
    }
  };
  const save = () => {
    if (!candidate.ok) return setMessage({ tone: 'bad', text: candidate.error });
    let next = candidate.next;
    if (demotes) {
      const { approvedBy: _b, approvedAt: _a, ...rest } = next;
      next = { ...rest, status: 'draft' };
    }
    const { createdAt: _c, updatedAt: _u, version: _v, ...patch } = next;
    void act(demotes ? 'Saved as a draft (the approved words changed)' : 'Saved', () =>
      library.entries.bulkPut([{ ...patch, source: 'options edit' }]).then(([e]) => e!),
    );
  };
  const approve = () =>
    void act('Approved', () =>
      library.entries.update(entry.id, {
        status: 'approved',
        approvedAt: today(),
        ...(approver.trim() ? { approvedBy: approver.trim() } : { approvedBy: undefined }),
      }),
    );

  return (
    <aside className="cw-card op-editor" aria-label="Edit entry">
      <div className="cw-row">
        <h2>Edit entry</h2>
        <Badge tone={entry.status === 'approved' ? 'ok' : entry.status === 'draft' ? 'warn' : 'neutral'}>
          {entry.status}
        </Badge>
        <span className="cw-spacer" />
        <button className="cw-btn cw-btn--quiet" onClick={onClose} aria-label="Close editor">
          ✕
        </button>
      </div>
      <p className="cw-small cw-muted cw-mono">
        {entry.id} · version {entry.version} · updated {entry.updatedAt.slice(0, 10)}
      </p>
      {entry.status === 'approved' && (
        <p className="cw-small cw-muted">
          Approved{entry.approvedBy ? ` by ${entry.approvedBy}` : ''}
          {entry.approvedAt ? ` on ${entry.approvedAt}` : ''}. Changing the question, the answer or the short answer
          makes it a draft until someone approves it again.
        </p>
      )}
      <label className="cw-label">
        Question
        <textarea
          className="cw-textarea op-short"
          value={draft.question}
          onChange={(e) => set({ question: e.target.value })}
        />
      </label>
      <label className="cw-label">
        Answer
        <textarea className="cw-textarea" value={draft.answer} onChange={(e) => set({ answer: e.target.value })} />
      </label>
      <div className="op-grid2">
        <label className="cw-label">
          Short answer
          <input
            className="cw-input"
            list="op-short-answers"
            placeholder="Yes, No, N/A, a number…"
            value={draft.shortAnswer}
            onChange={(e) => set({ shortAnswer: e.target.value })}
          />
          <datalist id="op-short-answers">
            {ShortAnswer.options.map((o) => (
              <option key={o} value={o} />
            ))}
          </datalist>
        </label>
        <label className="cw-label">
          Owner
          <input className="cw-input" value={draft.owner} onChange={(e) => set({ owner: e.target.value })} />
        </label>
        <label className="cw-label">
          Review by
          <input
            className="cw-input"
            type="date"
            value={draft.reviewBy}
            onChange={(e) => set({ reviewBy: e.target.value })}
          />
        </label>
        <label className="cw-label">
          Who may receive it
          <select
            className="cw-select"
            value={draft.reuse}
            onChange={(e) => set({ reuse: e.target.value as DraftForm['reuse'] })}
          >
            <option value="public">Anyone (public)</option>
            <option value="nda">Customers under NDA</option>
            <option value="internal">Internal use only</option>
            <option value="customer">One named customer</option>
          </select>
        </label>
        {draft.reuse === 'customer' && (
          <label className="cw-label">
            Customer
            <input className="cw-input" value={draft.customer} onChange={(e) => set({ customer: e.target.value })} />
          </label>
        )}
      </div>
      <label className="cw-label">
        Controls (framework and id, comma-separated)
        <input className="cw-input" value={draft.controls} onChange={(e) => set({ controls: e.target.value })} />
      </label>
      <fieldset className="op-fieldset">
        <legend>Where it holds (empty = everywhere; separate values with ;)</legend>
        <div className="op-grid2">
          {SCOPE_AXES.map(([k, label]) => (
            <label className="cw-label" key={k}>
              {label}
              <input
                className="cw-input"
                value={draft.scope[k]}
                onChange={(e) => set({ scope: { ...draft.scope, [k]: e.target.value } })}
              />
            </label>
          ))}
        </div>
      </fieldset>
      {demotes && dirty && (
        <Alert tone="warn">
          This answer is approved. Saving these changes makes it a draft: it is suggested but never filled until someone
          approves it again.
        </Alert>
      )}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="cw-row op-wrap">
        <button className="cw-btn cw-btn--primary" disabled={!dirty} onClick={save}>
          {demotes && dirty ? 'Save as draft' : 'Save new version'}
        </button>
        {entry.status !== 'retired' && (
          <button
            className="cw-btn cw-btn--danger"
            onClick={() => void act('Retired', () => library.entries.retire(entry.id))}
          >
            Retire
          </button>
        )}
      </div>
      {entry.status !== 'approved' && entry.status !== 'retired' && !dirty && (
        <div className="cw-row op-wrap">
          <input
            className="cw-input op-grow"
            aria-label="Approver"
            placeholder="Approved by (name or team)"
            value={approver}
            onChange={(e) => setApprover(e.target.value)}
          />
          <button className="cw-btn" onClick={approve}>
            Approve
          </button>
        </div>
      )}
      <h3>Version history</h3>
      <ol className="op-history" reversed>
        {[...(history ?? [])].reverse().map((v, i, all) => {
          const prev = all[i + 1]?.record;
          return (
            <li key={v.version} data-testid="history-version">
              <div className="cw-row">
                <strong>v{v.version}</strong>
                <span className="cw-small cw-muted">
                  {v.savedAt.slice(0, 16).replace('T', ' ')} · {v.reason} · {v.record.status}
                </span>
                <span className="cw-spacer" />
                {v.version !== entry.version && (
                  <button
                    className="cw-btn cw-btn--small"
                    onClick={() =>
                      void act(`Restored v${v.version}`, () => library.entries.restore(entry.id, v.version))
                    }
                  >
                    Restore
                  </button>
                )}
              </div>
              {v.note && <p className="cw-small cw-muted">{v.note}</p>}
              {prev && prev.question !== v.record.question && (
                <p className="cw-small">
                  <WordDiff
                    before={prev.question}
                    after={v.record.question}
                    label={`Question changes in v${v.version}`}
                  />
                </p>
              )}
              <p className="cw-small op-diff-text">
                {prev ? (
                  <WordDiff before={prev.answer} after={v.record.answer} label={`Answer changes in v${v.version}`} />
                ) : (
                  v.record.answer
                )}
              </p>
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
