// One framework's controls as a grid of cells, a row per theme / domain / category, coloured by coverage
// and freshness. Each cell is a button: choosing it lists the entries behind it (or the gap, in words).
import { useState } from 'react';
import { FRAMEWORK_LABEL, type Framework } from '../../lib/controls';
import type { AnswerEntry } from '../../lib/library';
import type { Coverage, CoverageCell } from '../../lib/review';

export const COVERAGE_LABEL: Record<Coverage, string> = {
  fresh: 'approved answer, in date',
  stale: 'only stale answers',
  crosswalk: 'no answer; a mapped control has one',
  none: 'no approved answer',
};

function groups(cells: readonly CoverageCell[]): [string, CoverageCell[]][] {
  const out = new Map<string, CoverageCell[]>();
  for (const c of cells) out.set(c.group, [...(out.get(c.group) ?? []), c]);
  return [...out];
}

export function CoverageGrid({
  framework,
  cells,
  entries,
}: {
  framework: Framework;
  cells: readonly CoverageCell[];
  entries: ReadonlyMap<string, AnswerEntry>;
}) {
  const [open, setOpen] = useState<CoverageCell>();
  const counts = Object.fromEntries(
    (Object.keys(COVERAGE_LABEL) as Coverage[]).map((k) => [k, cells.filter((c) => c.coverage === k).length]),
  ) as Record<Coverage, number>;
  return (
    <section className="cw-card cw-coverage" aria-label={`${FRAMEWORK_LABEL[framework]} coverage`}>
      <header className="cw-row">
        <h2>{FRAMEWORK_LABEL[framework]}</h2>
        <span className="cw-muted cw-small">
          {counts.fresh} of {cells.length} controls answered and in date · {counts.stale} stale ·{' '}
          {counts.crosswalk + counts.none} without an approved answer
        </span>
      </header>
      {groups(cells).map(([group, list]) => (
        <div key={group} className="cw-coverage__group">
          <span className="cw-small cw-muted">{group}</span>
          <div className="cw-coverage__cells">
            {list.map((c) => (
              <button
                key={c.id}
                className={`cw-cell cw-cell--${c.coverage}`}
                aria-pressed={open?.id === c.id}
                title={`${c.id} ${c.title}: ${COVERAGE_LABEL[c.coverage]}`}
                onClick={() => setOpen(open?.id === c.id ? undefined : c)}
              >
                {c.id}
              </button>
            ))}
          </div>
        </div>
      ))}
      {open && (
        <div className="cw-coverage__detail" role="region" aria-label={`${open.id} details`}>
          <h3>
            {open.id} {open.title}
          </h3>
          <p className="cw-small">{COVERAGE_LABEL[open.coverage]}</p>
          {open.entryIds.length ? (
            <ul className="cw-small">
              {open.entryIds.map((id) => (
                <li key={id}>
                  <span className="cw-mono">{id}</span> {entries.get(id)?.question}
                  {entries.get(id)?.reviewBy ? (
                    <span className="cw-muted"> · review by {entries.get(id)?.reviewBy}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="cw-small">
              {FRAMEWORK_LABEL[framework]} {open.id}: no approved answer.
              {open.via.length
                ? ` Mapped controls with an answer: ${open.via.join(', ')}; check the claim also holds for ${open.id} before citing it.`
                : ' Write one in the library and cite this control.'}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
