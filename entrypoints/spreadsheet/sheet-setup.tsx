// What detection found on each sheet (status, header row, the role of each column, notes), and the person's
// corrections: another header row, other column roles, or skip the sheet. Corrections re-run detection at once.
import { useState } from 'react';
import { Badge } from '../../components/ui';
import {
  colName,
  ROLE_LABEL,
  ROLES,
  type ColumnRole,
  type SheetLayout,
  type SheetOverride,
  type SheetStatus,
} from '../../lib/sheet';

const STATUS: Record<SheetStatus, { tone: 'ok' | 'neutral' | 'warn'; label: string }> = {
  questions: { tone: 'ok', label: 'questions' },
  'no-questions': { tone: 'warn', label: 'no questions found' },
  hidden: { tone: 'neutral', label: 'hidden' },
  'not-worksheet': { tone: 'neutral', label: 'chart' },
  skipped: { tone: 'neutral', label: 'skipped' },
};

interface Props {
  layouts: SheetLayout[];
  overrides: Record<string, SheetOverride>;
  headerCells: (sheet: string, row: number) => { col: number; text: string }[];
  onCorrect: (sheet: string, override: SheetOverride | undefined) => void;
}

export function SheetSetup({ layouts, overrides, headerCells, onCorrect }: Props) {
  return (
    <section className="ss-sheets" aria-label="Detected sheets">
      <h2>Sheets and columns</h2>
      <p className="cw-small cw-muted">
        Check what was found on each sheet. If a column has the wrong role, or the header row is wrong, correct it: the
        questions below are found again at once.
      </p>
      <ul className="ss-sheet-list">
        {layouts.map((l) => (
          <SheetItem
            key={l.sheet}
            layout={l}
            override={overrides[l.sheet]}
            headerCells={headerCells}
            onCorrect={onCorrect}
          />
        ))}
      </ul>
    </section>
  );
}

function SheetItem({
  layout,
  override,
  headerCells,
  onCorrect,
}: {
  layout: SheetLayout;
  override?: SheetOverride;
  headerCells: Props['headerCells'];
  onCorrect: Props['onCorrect'];
}) {
  const [editing, setEditing] = useState(false);
  const status = STATUS[layout.status];
  const canEdit = layout.status !== 'hidden' && layout.status !== 'not-worksheet';
  const roleOf = (role: ColumnRole) =>
    layout.columns
      .filter((k) => k.role === role)
      .map((k) => `${colName(k.col)}${k.mark ? ` (${k.mark})` : ''}`)
      .join(', ');
  const shown: ColumnRole[] = ['question', 'answer', 'choice', 'comment', 'evidence', 'id'];
  return (
    <li className="cw-card ss-sheet" data-testid="sheet" data-sheet={layout.sheet} data-status={layout.status}>
      <div className="cw-row">
        <strong className="ss-sheet__name">{layout.sheet}</strong>
        <Badge tone={status.tone}>{status.label}</Badge>
        {layout.protected && <Badge tone="warn">protected</Badge>}
        {override && <Badge tone="accent">corrected</Badge>}
        <span className="cw-spacer" />
        <span className="cw-small" data-testid="sheet-count">
          {layout.questions.length} question{layout.questions.length === 1 ? '' : 's'}
        </span>
        {canEdit && (
          <button
            className="cw-btn cw-btn--quiet cw-btn--small"
            aria-expanded={editing}
            onClick={() => setEditing(!editing)}
          >
            {editing ? 'Close' : 'Correct'}
          </button>
        )}
      </div>
      {layout.status === 'questions' && (
        <dl className="ss-roles cw-small">
          {layout.headerRow !== undefined && (
            <>
              <dt>Header row</dt>
              <dd>{layout.headerRow + 1}</dd>
            </>
          )}
          {shown.map((role) => {
            const cols = roleOf(role);
            return cols ? (
              <div key={role} className="ss-roles__item">
                <dt>{ROLE_LABEL[role]}</dt>
                <dd data-role={role}>{cols}</dd>
              </div>
            ) : null;
          })}
        </dl>
      )}
      {layout.notes.map((n, i) => (
        <p key={i} className="cw-small cw-muted">
          {n}
        </p>
      ))}
      {editing && (
        <Correction
          layout={layout}
          override={override}
          headerCells={headerCells}
          onApply={(o) => {
            onCorrect(layout.sheet, o);
            setEditing(false);
          }}
        />
      )}
    </li>
  );
}

function Correction({
  layout,
  override,
  headerCells,
  onApply,
}: {
  layout: SheetLayout;
  override?: SheetOverride;
  headerCells: Props['headerCells'];
  onApply: (o: SheetOverride | undefined) => void;
}) {
  const detectedRow = layout.headerRow !== undefined ? layout.headerRow + 1 : 1;
  const [row, setRow] = useState(override?.headerRow ?? detectedRow);
  const [roles, setRoles] = useState<Record<number, ColumnRole>>(() => {
    if (override?.roles) return { ...override.roles };
    return Object.fromEntries(layout.columns.map((k) => [k.col, k.role]));
  });
  const cells = headerCells(layout.sheet, row);
  const columns = [...new Set([...cells.map((c) => c.col), ...Object.keys(roles).map(Number)])].sort((a, b) => a - b);
  const text = new Map(cells.map((c) => [c.col, c.text]));
  const hasQuestion = Object.values(roles).includes('question');
  return (
    <form
      className="ss-correct"
      aria-label={`Correct sheet ${layout.sheet}`}
      onSubmit={(e) => {
        e.preventDefault();
        onApply({ headerRow: row, roles });
      }}
    >
      <label className="cw-small">
        Header row{' '}
        <input
          type="number"
          min={1}
          max={1000}
          value={row}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 1) {
              setRow(n);
              // Roles belong to the columns of a header row; a new row starts from what its cells say.
              setRoles({});
            }
          }}
        />
      </label>
      {columns.length === 0 && <p className="cw-small cw-muted">Row {row} is empty: pick the row with the headers.</p>}
      {columns.length > 0 && (
        <table className="ss-columns cw-small">
          <thead>
            <tr>
              <th>Column</th>
              <th>Header</th>
              <th>Role</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => (
              <tr key={c}>
                <td>{colName(c)}</td>
                <td className="ss-columns__header">{text.get(c) ?? ''}</td>
                <td>
                  <select
                    aria-label={`Role of column ${colName(c)}`}
                    value={roles[c] ?? 'ignore'}
                    onChange={(e) => setRoles({ ...roles, [c]: e.target.value as ColumnRole })}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABEL[r]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!hasQuestion && columns.length > 0 && (
        <p className="cw-small cw-muted">Give one column the role Question, and one an answer role.</p>
      )}
      <div className="cw-row">
        <button type="submit" className="cw-btn cw-btn--primary cw-btn--small" disabled={!hasQuestion}>
          Apply
        </button>
        <button
          type="button"
          className="cw-btn cw-btn--small"
          onClick={() => onApply({ headerRow: row })}
          title="Find the columns again from the words in this header row"
        >
          Detect from row {row}
        </button>
        <button type="button" className="cw-btn cw-btn--quiet cw-btn--small" onClick={() => onApply({ skip: true })}>
          Skip this sheet
        </button>
        {override && (
          <button type="button" className="cw-btn cw-btn--quiet cw-btn--small" onClick={() => onApply(undefined)}>
            Undo corrections
          </button>
        )}
      </div>
    </form>
  );
}
