// Library entries: a searchable, filterable table with bulk actions on the selection; selecting a row's question
// opens the editor beside it. Long libraries render a page of rows at a time (a 20,000-row table is not a page).
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Alert, Badge, EmptyState, Spinner } from '../../components/ui';
import { FRAMEWORK_LABEL, FRAMEWORKS } from '../../lib/controls';
import { removeDemoData, listImports, isDemoEntry, type Library } from '../../lib/library';
import { isPageEdit } from '../../lib/review';
import demoLibrary from '../../data/demo-library.json';
import { BulkBar } from './bulk-bar';
import { EntryEditor, notifyBackground } from './entry-editor';
import { filterEntries, isStale, NO_FILTER, reuseLabel, type EntryFilter } from './filters';
import { describeError } from '../../lib/errors';

const STATUS_TONE = { approved: 'ok', draft: 'warn', retired: 'neutral' } as const;
const PAGE = 200;

/** `initialSelected` opens that entry's editor (e.g. from a notification); `initialFilter` presets filters. */
export function EntriesView({
  library,
  initialSelected,
  initialFilter,
}: {
  library: Library;
  initialSelected?: string;
  initialFilter?: Partial<EntryFilter>;
}) {
  const entries = useLiveQuery(() => library.entries.list({ includeRetired: true }), [library]);
  const imports = useLiveQuery(() => listImports(library), [library]);
  const [filter, setFilter] = useState<EntryFilter>({ ...NO_FILTER, ...initialFilter });
  const [selected, setSelected] = useState<string | undefined>(initialSelected);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [limit, setLimit] = useState(PAGE);
  const [demoMessage, setDemoMessage] = useState<string>();
  const batches = useMemo(() => new Map((imports ?? []).map((b) => [b.id, new Set(b.entryIds)] as const)), [imports]);
  const shown = useMemo(() => filterEntries(entries ?? [], filter, undefined, batches), [entries, filter, batches]);
  const tags = useMemo(() => [...new Set((entries ?? []).flatMap((e) => e.tags))].sort(), [entries]);
  const demoCount = useMemo(() => (entries ?? []).filter(isDemoEntry).length, [entries]);
  const set = (patch: Partial<EntryFilter>) => {
    setFilter({ ...filter, ...patch });
    setLimit(PAGE);
  };
  const current = entries?.find((e) => e.id === selected);
  const shownIds = useMemo(() => new Set(shown.map((e) => e.id)), [shown]);
  const selection = [...checked].filter((id) => shownIds.has(id));
  const allChecked = shown.length > 0 && selection.length === shown.length;
  const toggle = (id: string) => {
    const next = new Set(checked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChecked(next);
  };

  const removeDemo = async () => {
    try {
      const r = await removeDemoData(library, demoLibrary);
      notifyBackground();
      setDemoMessage(`Removed the demo library: ${r.entries} entries and ${r.evidence} evidence items.`);
    } catch (err) {
      setDemoMessage(describeError(err));
    }
  };

  return (
    <div className="op-split">
      <section className="op-main" aria-label="Answer entries">
        {demoCount > 0 && (
          <Alert tone="info">
            <span>
              {demoCount} entries are the demo library of a fictional company (tagged <code>demo</code>).
            </span>{' '}
            <button className="cw-btn cw-btn--small" onClick={() => void removeDemo()}>
              Remove demo data
            </button>
          </Alert>
        )}
        {demoMessage && <Alert tone="ok">{demoMessage}</Alert>}
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
            aria-label="Tag or category"
            value={filter.tag}
            onChange={(e) => set({ tag: e.target.value })}
          >
            <option value="">Any tag or category</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
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
            aria-label="Import batch"
            value={filter.batch}
            onChange={(e) => set({ batch: e.target.value })}
          >
            <option value="">Any import</option>
            {(imports ?? []).map((b) => (
              <option key={b.id} value={b.id}>
                {b.fileName} · {b.at.slice(0, 16).replace('T', ' ')} ({b.entryIds.length})
              </option>
            ))}
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
        <BulkBar library={library} selected={selection} tags={tags} onDone={() => undefined} />
        {!entries && <Spinner label="Loading the library…" />}
        {entries && (
          <p className="cw-small cw-muted" data-testid="entry-count">
            {shown.length} of {entries.length} entries
          </p>
        )}
        {entries && shown.length === 0 && (
          <EmptyState title={entries.length ? 'No entries match' : 'Your library is empty'}>
            {entries.length
              ? 'Clear a filter, or import answers from a spreadsheet.'
              : 'Import your answers from the Import tab, or load the demo library from Settings.'}
          </EmptyState>
        )}
        {shown.length > 0 && (
          <div className="op-table-wrap">
            <table className="cw-table">
              <thead>
                <tr>
                  <th className="op-check">
                    <input
                      type="checkbox"
                      aria-label={`Select all ${shown.length} shown`}
                      checked={allChecked}
                      onChange={() => setChecked(allChecked ? new Set() : new Set(shown.map((e) => e.id)))}
                    />
                  </th>
                  <th>Question</th>
                  <th>Status</th>
                  <th>Owner</th>
                  <th>Controls</th>
                  <th>Review by</th>
                  <th>Reuse</th>
                </tr>
              </thead>
              <tbody>
                {shown.slice(0, limit).map((e) => (
                  <tr key={e.id} aria-selected={e.id === selected} data-testid="entry-row">
                    <td className="op-check">
                      <input
                        type="checkbox"
                        aria-label={`Select ${e.id}`}
                        checked={checked.has(e.id)}
                        onChange={() => toggle(e.id)}
                      />
                    </td>
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
            {shown.length > limit && (
              <button className="cw-btn cw-btn--small cw-btn--quiet op-more" onClick={() => setLimit(limit + PAGE)}>
                Show {Math.min(PAGE, shown.length - limit)} more of {shown.length - limit}
              </button>
            )}
          </div>
        )}
      </section>
      {current && (
        <EntryEditor key={current.id} library={library} entry={current} onClose={() => setSelected(undefined)} />
      )}
    </div>
  );
}
