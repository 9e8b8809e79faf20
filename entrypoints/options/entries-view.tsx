// Library entries: a searchable, filterable table; selecting a row opens the editor beside it.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Badge, EmptyState, Spinner } from '../../components/ui';
import { FRAMEWORK_LABEL, FRAMEWORKS } from '../../lib/controls/framework';
import type { Library } from '../../lib/library/repository';
import { isPageEdit } from '../../lib/review/page-edit';
import { EntryEditor } from './entry-editor';
import { filterEntries, isStale, NO_FILTER, reuseLabel, type EntryFilter } from './filters';

const STATUS_TONE = { approved: 'ok', draft: 'warn', retired: 'neutral' } as const;

/** `initialSelected` opens that entry's editor (e.g. from a notification). */
export function EntriesView({ library, initialSelected }: { library: Library; initialSelected?: string }) {
  const entries = useLiveQuery(() => library.entries.list({ includeRetired: true }), [library]);
  const [filter, setFilter] = useState<EntryFilter>(NO_FILTER);
  const [selected, setSelected] = useState<string | undefined>(initialSelected);
  const shown = useMemo(() => filterEntries(entries ?? [], filter), [entries, filter]);
  const set = (patch: Partial<EntryFilter>) => setFilter({ ...filter, ...patch });
  const current = entries?.find((e) => e.id === selected);

  return (
    <div className="op-split">
      <section className="op-main" aria-label="Answer entries">
        <div className="op-filters">
          <input
            className="cw-input"
            type="search"
            aria-label="Search entries"
            placeholder="Search questions, answers, ids, tags…"
            value={filter.text}
            onChange={(e) => set({ text: e.target.value })}
          />
          <select
            className="cw-select"
            aria-label="Status"
            value={filter.status}
            onChange={(e) => set({ status: e.target.value as EntryFilter['status'] })}
          >
            <option value="any">Any status</option>
            <option value="approved">Approved</option>
            <option value="draft">Draft</option>
            <option value="retired">Retired</option>
          </select>
          <input
            className="cw-input"
            aria-label="Owner"
            placeholder="Owner"
            value={filter.owner}
            onChange={(e) => set({ owner: e.target.value })}
          />
          <select
            className="cw-select"
            aria-label="Framework"
            value={filter.framework}
            onChange={(e) => set({ framework: e.target.value as EntryFilter['framework'] })}
          >
            <option value="any">Any framework</option>
            {FRAMEWORKS.map((f) => (
              <option key={f} value={f}>
                {FRAMEWORK_LABEL[f]}
              </option>
            ))}
          </select>
          <input
            className="cw-input"
            aria-label="Control id"
            placeholder="Control (e.g. A.8.24)"
            value={filter.control}
            onChange={(e) => set({ control: e.target.value })}
          />
          <select
            className="cw-select"
            aria-label="Review state"
            value={filter.stale}
            onChange={(e) => set({ stale: e.target.value as EntryFilter['stale'] })}
          >
            <option value="any">Any review state</option>
            <option value="stale">Stale (review overdue)</option>
            <option value="current">Current</option>
          </select>
          <select
            className="cw-select"
            aria-label="Reuse permission"
            value={filter.reuse}
            onChange={(e) => set({ reuse: e.target.value as EntryFilter['reuse'] })}
          >
            <option value="any">Any reuse</option>
            <option value="public">Public</option>
            <option value="nda">Under NDA</option>
            <option value="customer">One customer</option>
            <option value="internal">Internal only</option>
          </select>
          <select
            className="cw-select"
            aria-label="Origin"
            value={filter.origin}
            onChange={(e) => set({ origin: e.target.value as EntryFilter['origin'] })}
          >
            <option value="any">Any origin</option>
            <option value="page-edit">Edited on page</option>
          </select>
        </div>
        {!entries && <Spinner label="Loading the library…" />}
        {entries && (
          <p className="cw-small cw-muted" data-testid="entry-count">
            {shown.length} of {entries.length} entries
          </p>
        )}
        {entries && shown.length === 0 && (
          <EmptyState title="No entries match">Clear a filter, or import answers from a spreadsheet.</EmptyState>
        )}
        {shown.length > 0 && (
          <div className="op-table-wrap">
            <table className="cw-table">
              <thead>
                <tr>
                  <th>Question</th>
                  <th>Status</th>
                  <th>Owner</th>
                  <th>Controls</th>
                  <th>Review by</th>
                  <th>Reuse</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((e) => (
                  <tr key={e.id} aria-selected={e.id === selected} data-testid="entry-row">
                    <td>
                      <button className="op-link" onClick={() => setSelected(e.id)}>
                        {e.question}
                      </button>
                      <div className="cw-small cw-muted cw-mono">
                        {e.id} · v{e.version}
                        {isPageEdit(e) && (
                          <>
                            {' '}
                            <Badge tone="accent">edited on page</Badge>
                          </>
                        )}
                      </div>
                    </td>
                    <td>
                      <Badge tone={STATUS_TONE[e.status]}>{e.status}</Badge>
                    </td>
                    <td>{e.owner}</td>
                    <td className="cw-small">{e.controls.map((c) => c.id).join(', ') || '—'}</td>
                    <td>
                      {e.reviewBy ? <span className={isStale(e) ? 'op-stale' : undefined}>{e.reviewBy}</span> : '—'}
                    </td>
                    <td className="cw-small">{reuseLabel(e.reuse)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {current && (
        <EntryEditor key={current.id} library={library} entry={current} onClose={() => setSelected(undefined)} />
      )}
    </div>
  );
}
