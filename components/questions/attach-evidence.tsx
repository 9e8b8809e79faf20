// An upload question ("Upload your SOC 2 report"): Crosswalk never uploads a file (the content script refuses
// to fill a file input), so the card names the evidence document the suggested answer cites, where it lives
// and how current it is, for the person to attach by hand; the answer text goes to the comment box.
import type { Citations } from '../../lib/match';

export function AttachEvidence({ evidence }: { evidence: Citations['evidence'] | undefined }) {
  const docs = evidence ?? [];
  return (
    <div className="sp-attach cw-small" data-testid="attach-evidence">
      <strong>Attach this file yourself</strong>
      <span className="cw-muted"> · Crosswalk never uploads files</span>
      {docs.length ? (
        <ul className="cw-cite-list" aria-label="Evidence to attach">
          {docs.map((e) => (
            <li key={e.id}>
              <strong>{e.title}</strong>
              {e.section ? ` §${e.section}` : ''}
              <div className="cw-muted">
                {[e.issuedAt && `issued ${e.issuedAt}`, e.validUntil && `valid until ${e.validUntil}`, e.owner]
                  .filter(Boolean)
                  .join(' · ')}{' '}
                · <span className="cw-mono">{e.location}</span>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="cw-muted">
          The suggested answer cites no evidence document: find the file in your evidence library, or flag the question
          for an expert.
        </p>
      )}
    </div>
  );
}
