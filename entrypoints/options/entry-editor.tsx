// Edit one entry: every save is a new version; history lists them all, and any version can be restored.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Alert, Badge } from '../../components/ui';
import { request } from '../../lib/background/client';
import { resolveControlId } from '../../lib/controls';
import { Framework, type ControlRef } from '../../lib/controls/framework';
import type { Library } from '../../lib/library/repository';
import { ShortAnswer, type AnswerEntry } from '../../lib/library/schema';
import { formatControls, today } from './filters';
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

function toDraft(entry: AnswerEntry) {
  return {
    question: entry.question,
    answer: entry.answer,
    shortAnswer: entry.shortAnswer ?? '',
    owner: entry.owner,
    reviewBy: entry.reviewBy ?? '',
    controls: formatControls(entry.controls),
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
  const [message, setMessage] = useState<{ tone: 'ok' | 'bad'; text: string }>();
  // A new version (saved here, restored, or written elsewhere) resets the form; the message stays. Reset while
  // rendering (React's pattern for state derived from a prop), not in an effect that would paint the old draft first.
  const [draftOf, setDraftOf] = useState(entry);
  if (draftOf !== entry) {
    setDraftOf(entry);
    setDraft(toDraft(entry));
  }
  const history = useLiveQuery(() => library.entries.history(entry.id), [library, entry.id, entry.version]);
  const dirty =
    draft.question !== entry.question ||
    draft.answer !== entry.answer ||
    draft.shortAnswer !== (entry.shortAnswer ?? '') ||
    draft.owner !== entry.owner ||
    draft.reviewBy !== (entry.reviewBy ?? '') ||
    draft.controls !== formatControls(entry.controls);

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
    const controls = parseControls(draft.controls);
    if (!controls.ok) return setMessage({ tone: 'bad', text: controls.error });
    const short = ShortAnswer.safeParse(draft.shortAnswer);
    void act('Saved', () =>
      library.entries.update(entry.id, {
        question: draft.question,
        answer: draft.answer,
        shortAnswer: short.success ? short.data : undefined,
        owner: draft.owner,
        reviewBy: draft.reviewBy || undefined,
        controls: controls.refs,
        source: 'options edit',
      }),
    );
  };

  return (
    <aside className="cw-card op-editor" aria-label="Edit entry">
      <div className="cw-row">
        <h2>Edit entry</h2>
        <Badge>{entry.status}</Badge>
        <span className="cw-spacer" />
        <button className="cw-btn cw-btn--quiet" onClick={onClose} aria-label="Close editor">
          ✕
        </button>
      </div>
      <p className="cw-small cw-muted cw-mono">
        {entry.id} · version {entry.version} · updated {entry.updatedAt.slice(0, 10)}
      </p>
      <label className="cw-label">
        Question
        <textarea
          className="cw-textarea op-short"
          value={draft.question}
          onChange={(e) => setDraft({ ...draft, question: e.target.value })}
        />
      </label>
      <label className="cw-label">
        Answer
        <textarea
          className="cw-textarea"
          value={draft.answer}
          onChange={(e) => setDraft({ ...draft, answer: e.target.value })}
        />
      </label>
      <div className="op-grid2">
        <label className="cw-label">
          Short answer
          <select
            className="cw-select"
            value={draft.shortAnswer}
            onChange={(e) => setDraft({ ...draft, shortAnswer: e.target.value })}
          >
            <option value="">(none)</option>
            {ShortAnswer.options.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </label>
        <label className="cw-label">
          Owner
          <input
            className="cw-input"
            value={draft.owner}
            onChange={(e) => setDraft({ ...draft, owner: e.target.value })}
          />
        </label>
        <label className="cw-label">
          Review by
          <input
            className="cw-input"
            type="date"
            value={draft.reviewBy}
            onChange={(e) => setDraft({ ...draft, reviewBy: e.target.value })}
          />
        </label>
      </div>
      <label className="cw-label">
        Controls (framework and id, comma-separated)
        <input
          className="cw-input"
          value={draft.controls}
          onChange={(e) => setDraft({ ...draft, controls: e.target.value })}
        />
      </label>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="cw-row">
        <button className="cw-btn cw-btn--primary" disabled={!dirty} onClick={save}>
          Save new version
        </button>
        {entry.status !== 'approved' && (
          <button
            className="cw-btn"
            onClick={() =>
              void act('Approved', () => library.entries.update(entry.id, { status: 'approved', approvedAt: today() }))
            }
          >
            Approve
          </button>
        )}
        {entry.status !== 'retired' && (
          <button
            className="cw-btn cw-btn--danger"
            onClick={() => void act('Retired', () => library.entries.retire(entry.id))}
          >
            Retire
          </button>
        )}
      </div>
      <h3>Version history</h3>
      <ol className="op-history" reversed>
        {[...(history ?? [])].reverse().map((v) => (
          <li key={v.version}>
            <div className="cw-row">
              <strong>v{v.version}</strong>
              <span className="cw-small cw-muted">
                {v.savedAt.slice(0, 16).replace('T', ' ')} · {v.reason} · {v.record.status}
              </span>
              <span className="cw-spacer" />
              {v.version !== entry.version && (
                <button
                  className="cw-btn cw-btn--small"
                  onClick={() => void act(`Restored v${v.version}`, () => library.entries.restore(entry.id, v.version))}
                >
                  Restore
                </button>
              )}
            </div>
            <p className="cw-small op-clamp">{v.record.answer}</p>
          </li>
        ))}
      </ol>
    </aside>
  );
}
