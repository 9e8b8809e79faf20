// The wizard's column step: each Crosswalk field with the file column it reads from, in words (never field
// names). "(not in file)" stays chosen: detection never brings a column back once the user removed it.
import {
  COLUMN_KINDS,
  COLUMN_LABELS,
  type ColumnKind,
  type ColumnMapping,
  type ResolvedMapping,
} from '../../lib/library';

/** Kinds always listed; the rest only when the file has them or the user opens "More fields". */
const MAIN: readonly ColumnKind[] = [
  'id',
  'question',
  'answer',
  'shortAnswer',
  'owner',
  'status',
  'reuse',
  'approvedAt',
  'reviewBy',
  'category',
  'controls',
];

export function ColumnsStep({
  resolved,
  mapping,
  onMapping,
}: {
  resolved: ResolvedMapping;
  mapping: ColumnMapping;
  onMapping: (m: ColumnMapping) => void;
}) {
  const { headers, columns } = resolved;
  const shown = COLUMN_KINDS.filter((k) => MAIN.includes(k) || columns[k] !== undefined);
  const more = COLUMN_KINDS.filter((k) => !shown.includes(k));
  const used = Object.values(columns).length;
  const unused = headers.filter((_, i) => !Object.values(columns).includes(i) && headers[i]);
  const select = (k: ColumnKind) => (
    <label className="cw-label" key={k}>
      {COLUMN_LABELS[k]}
      <select
        className="cw-select"
        value={String(columns[k] ?? '')}
        data-detected={resolved.detected?.includes(k) ? 'true' : undefined}
        onChange={(e) => onMapping({ ...mapping, [k]: e.target.value === '' ? null : Number(e.target.value) })}
      >
        <option value="">(not in file)</option>
        {headers.map((h, i) => (
          <option key={i} value={i}>
            {h || `column ${i + 1}`}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="cw-stack op-section" aria-label="Columns">
      <h3>Columns</h3>
      <p className="cw-small cw-muted">
        {used} of {headers.length} columns read
        {unused.length ? `; not used: ${unused.map((h) => `“${h}”`).join(', ')}` : ''}. Change any that is wrong.
        {columns.id !== undefined &&
          ` “${headers[columns.id]}” is the entry id, so importing a newer version of this file updates these entries.`}
      </p>
      <div className="op-mapping">{shown.map(select)}</div>
      {more.length > 0 && (
        <details>
          <summary className="cw-small">More fields ({more.length})</summary>
          <div className="op-mapping">{more.map(select)}</div>
        </details>
      )}
    </section>
  );
}
