// Row-by-row problems of an import, located the way a spreadsheet user looks for them.
import type { RowIssue } from '../../lib/library';

export function IssueTable({ title, issues }: { title: string; issues: RowIssue[] }) {
  if (!issues.length) return null;
  return (
    <details open={title.startsWith('Rejected')}>
      <summary>
        {title} ({issues.length})
      </summary>
      <div className="op-table-wrap op-issues">
        <table className="cw-table" aria-label={title}>
          <thead>
            <tr>
              <th>Row</th>
              <th>Column</th>
              <th>Problem and fix</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((i, n) => (
              <tr key={n}>
                <td>{i.row || 'file'}</td>
                <td>{i.sheet ? `${i.sheet} / ${i.column}` : i.column}</td>
                <td>{i.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
