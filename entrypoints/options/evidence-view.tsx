// Evidence items: what each answer can point to, with owner, dates and reuse permission.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Badge, EmptyState, Spinner } from '../../components/ui';
import type { Library } from '../../lib/library';
import { filterEvidence, reuseLabel } from './filters';

export function EvidenceView({ library }: { library: Library }) {
  const items = useLiveQuery(() => library.evidence.list({ includeRetired: true }), [library]);
  const [text, setText] = useState('');
  const shown = useMemo(() => filterEvidence(items ?? [], text), [items, text]);
  return (
    <section className="op-main" aria-label="Evidence">
      <div className="op-filters">
        <input
          className="cw-input"
          type="search"
          aria-label="Search evidence"
          placeholder="Search titles, owners, locations…"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {!items && <Spinner label="Loading evidence…" />}
      {items && shown.length === 0 && (
        <EmptyState title="No evidence matches">
          Evidence comes in with library imports (JSON or the XLSX “Evidence” sheet).
        </EmptyState>
      )}
      {shown.length > 0 && (
        <div className="op-table-wrap">
          <table className="cw-table">
            <thead>
              <tr>
                <th>Title</th>
                <th>Kind</th>
                <th>Owner</th>
                <th>Valid</th>
                <th>Controls</th>
                <th>Reuse</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.id}>
                  <td>
                    <strong>{e.title}</strong>
                    <div className="cw-small cw-muted cw-mono">
                      {e.location.uri}
                      {e.location.section ? ` §${e.location.section}` : ''}
                    </div>
                  </td>
                  <td>
                    <Badge>{e.kind}</Badge> {e.status === 'retired' && <Badge>retired</Badge>}
                  </td>
                  <td>{e.owner}</td>
                  <td className="cw-small">
                    {e.issuedAt ?? '—'} →{' '}
                    {e.validUntil ? <span className={e.expired ? 'op-stale' : undefined}>{e.validUntil}</span> : 'open'}
                  </td>
                  <td className="cw-small">{e.controls.map((c) => c.id).join(', ') || '—'}</td>
                  <td className="cw-small">{reuseLabel(e.reuse)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
