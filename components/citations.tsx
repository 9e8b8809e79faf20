// A suggestion's provenance: library entry and version, evidence with dates and owner, and the controls it
// satisfies in each framework, with the crosswalk edge (and its source) for controls reached by mapping.
import { FRAMEWORK_LABEL, FRAMEWORKS, type Framework } from '../lib/controls';
import type { Citations } from '../lib/match';
import { Badge } from './ui';

function dateRange(from?: string, to?: string): string {
  if (from && to) return `${from} → ${to}`;
  if (to) return `valid until ${to}`;
  return from ? `issued ${from}` : 'no date';
}

export function CitationList({ citations, onNotes }: { citations: Citations; onNotes?: () => void }) {
  const byFramework = Object.fromEntries(
    FRAMEWORKS.map((f) => [f, citations.controls.filter((c) => c.framework === f)]),
  ) as Record<Framework, Citations['controls']>;
  return (
    <div className="cw-citations">
      <p className="cw-small">
        <strong>Library entry</strong> <span className="cw-mono">{citations.entryId}</span> v{citations.version} · owner{' '}
        {citations.owner}
        {citations.approvedAt ? ` · approved ${citations.approvedAt}` : ' · not approved'}
        {citations.reviewBy ? ` · review by ${citations.reviewBy}` : ''}
      </p>
      {citations.evidence.length > 0 && (
        <ul className="cw-cite-list" aria-label="Evidence">
          {citations.evidence.map((e) => (
            <li key={e.id}>
              <strong>{e.title}</strong>
              {e.section ? ` §${e.section}` : ''} <Badge>{e.kind}</Badge>
              <div className="cw-muted cw-small">
                {e.owner} · {dateRange(e.issuedAt, e.validUntil)} · <span className="cw-mono">{e.location}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {FRAMEWORKS.map((f) =>
        byFramework[f].length ? (
          <div key={f} className="cw-cite-fw">
            <span className="cw-small cw-muted">{FRAMEWORK_LABEL[f]}</span>
            <ul className="cw-cite-list">
              {byFramework[f].map((c) => (
                <li key={`${c.framework}:${c.id}`}>
                  <span className="cw-mono">{c.id}</span> {c.title}
                  {c.via && (
                    <div className="cw-muted cw-small">
                      via {c.via.from.id} ({c.via.source}
                      {c.via.strength ? `, ${c.via.strength}` : ''})
                      {c.via.disputed ? <Badge tone="warn">disputed: {c.via.disputed}</Badge> : null}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
      {onNotes && citations.controls.length > 0 && (
        <button className="cw-btn cw-btn--quiet cw-btn--small" onClick={onNotes}>
          ISO 27001 vs SOC 2: how these claims differ
        </button>
      )}
    </div>
  );
}
