// <LibraryHealth />: the options page's health tab. Stale, unused, most reused, conflicting or duplicate
// entries, and per-framework coverage grids, all computed by lib/review/health from the library and ledger.
import { useEffect, useState } from 'react';
import { FRAMEWORKS } from '../../lib/controls';
import { ledgerOf, type Library, type AnswerEntry } from '../../lib/library';
import { computeHealth, type HealthReport, todayIso } from '../../lib/review';
import { useLibrary } from '../use-library';
import { Alert, Badge, Spinner } from '../ui';
import { CoverageGrid } from './coverage-grid';
import './health.css';

export async function loadHealth(library: Library, today: string = todayIso()): Promise<HealthReport> {
  const [data, records] = await Promise.all([library.loadAll(), ledgerOf(library).list()]);
  return computeHealth({ entries: data.entries, evidence: data.evidence, records, today });
}

/** Pass `library` when the host already opened it; otherwise the shared one is opened. */
export function LibraryHealth({ library: given }: { library?: Library }) {
  const opened = useLibrary();
  const library = given ?? opened.library;
  const [state, setState] = useState<{ report?: HealthReport; error?: string }>({});
  useEffect(() => {
    if (!library) return;
    let live = true;
    loadHealth(library).then(
      (report) => live && setState({ report }),
      (err: unknown) =>
        live && setState({ error: `Library health could not be computed (${String(err)}). Reload the page.` }),
    );
    return () => {
      live = false;
    };
  }, [library]);
  const r = state.report;
  // Cells open to the entries behind them, so keep every current entry at hand by id.
  const [entries, setEntries] = useState<ReadonlyMap<string, AnswerEntry>>(new Map());
  useEffect(() => {
    if (library) void library.entries.list().then((list) => setEntries(new Map(list.map((e) => [e.id, e]))));
  }, [library, r]);

  const error = opened.error && !given ? opened.error : state.error;
  if (error) return <Alert tone="bad">{error}</Alert>;
  if (!r) return <Spinner label="Checking library health…" />;
  const conflicts = r.pairs.filter((p) => p.kind === 'conflict');
  const duplicates = r.pairs.filter((p) => p.kind === 'duplicate');
  return (
    <div className="cw-stack cw-health">
      <div className="cw-row" aria-label="Summary">
        <Badge tone={r.stale.length ? 'warn' : 'ok'}>{r.stale.length} stale</Badge>
        <Badge tone={conflicts.length ? 'bad' : 'ok'}>{conflicts.length} conflicts</Badge>
        <Badge>{duplicates.length} duplicates</Badge>
        <Badge>{r.neverUsed.length} never used</Badge>
        <Badge tone={r.gaps.length ? 'warn' : 'ok'}>{r.gaps.length} controls without an approved answer</Badge>
        <span className="cw-muted cw-small">as of {r.today}</span>
      </div>
      <div className="cw-row cw-small cw-health__legend" aria-label="Legend">
        <span className="cw-cell cw-cell--fresh">A</span> in date <span className="cw-cell cw-cell--stale">A</span>{' '}
        stale <span className="cw-cell cw-cell--crosswalk">A</span> only via crosswalk{' '}
        <span className="cw-cell cw-cell--none">A</span> no approved answer
      </div>
      {FRAMEWORKS.map((fw) => (
        <CoverageGrid key={fw} framework={fw} cells={r.coverage[fw]} entries={entries} />
      ))}
      <section className="cw-card cw-health__list" aria-label="Conflicting or duplicate entries">
        <h2>Conflicting or duplicate entries</h2>
        {r.pairs.length ? (
          <ul className="cw-small">
            {r.pairs.map((p) => (
              <li key={`${p.a.id}|${p.b.id}`}>
                <Badge tone={p.kind === 'conflict' ? 'bad' : 'neutral'}>{p.kind}</Badge>{' '}
                <span className="cw-mono">{p.a.id}</span> ({p.a.shortAnswer ?? 'no short answer'}) and{' '}
                <span className="cw-mono">{p.b.id}</span> ({p.b.shortAnswer ?? 'no short answer'}): “{p.a.question}”
                {p.kind === 'conflict'
                  ? ' — decide which is true and retire the other.'
                  : ' — merge them into one entry.'}
              </li>
            ))}
          </ul>
        ) : (
          <p className="cw-small cw-muted">None found.</p>
        )}
      </section>
      <section className="cw-card cw-health__list" aria-label="Stale entries">
        <h2>Stale entries</h2>
        {r.stale.length ? (
          <ul className="cw-small">
            {r.stale.map((s) => (
              <li key={s.entry.id}>
                <span className="cw-mono">{s.entry.id}</span> {s.entry.question}{' '}
                <span className="cw-muted">
                  ({s.reasons.join('; ')}; owner {s.entry.owner})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="cw-small cw-muted">Every approved entry is in date.</p>
        )}
      </section>
      <section className="cw-card cw-health__list" aria-label="Most reused">
        <h2>Most reused</h2>
        {r.mostReused.length ? (
          <ol className="cw-small">
            {r.mostReused.map((m) => (
              <li key={m.entry.id}>
                <span className="cw-mono">{m.entry.id}</span> {m.entry.question}{' '}
                <span className="cw-muted">
                  ({m.uses} uses in {m.questionnaires} questionnaires)
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="cw-small cw-muted">No answer has been filled from the library yet.</p>
        )}
      </section>
      <section className="cw-card cw-health__list" aria-label="Never used">
        <h2>Never used</h2>
        <p className="cw-small cw-muted">
          {r.neverUsed.length ? r.neverUsed.map((e) => e.id).join(', ') : 'Every approved entry has been used.'}
        </p>
      </section>
    </div>
  );
}
