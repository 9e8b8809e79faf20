// An upload question ("Upload your SOC 2 report"): Crosswalk never uploads a file (the fill policy blocks a
// file input, and the content script refuses one too), so the card names the evidence document the suggested
// answer cites, where it lives and how current it is, for the person to attach by hand; Fill writes the
// answer text into the question's comment box when it has one (plan.ts fillTarget).
import type { Citations } from '../../lib/match';

export function AttachEvidence({
  evidence,
  notShareable,
  commentBox,
}: {
  evidence: Citations['evidence'] | undefined;
  /** The question has a comment box, where Fill writes the answer. */
  commentBox: boolean;
  /** The policy's "evidence-not-shareable" finding, when the recipient may not receive the cited document. */
  notShareable?: string;
}) {
  const docs = evidence ?? [];
  // The answer may go, the document may not: the card must not tell the person to attach it.
  if (notShareable)
    return (
      <div className="sp-attach cw-small" data-testid="attach-evidence" data-shareable="false">
        <strong>Do not attach the cited evidence</strong>
        <p className="cw-muted">{notShareable}</p>
      </div>
    );
  return (
    <div className="sp-attach cw-small" data-testid="attach-evidence">
      <strong>Attach this file yourself</strong>
      <span className="cw-muted"> · Crosswalk never uploads files</span>
      <p className="cw-muted" data-testid="attach-where">
        {commentBox
          ? 'Fill writes the answer into the comment box under the upload.'
          : 'This upload has no comment box: there is nowhere on the page for Crosswalk to write the answer.'}
      </p>
      {docs.length ? (
        <ul className="cw-cite-list" aria-label="Evidence to attach">
          {docs.map((e) => (
            <li key={e.id}>
              <strong>{e.title}</strong>
              {e.version ? ` (version ${e.version})` : ''}
              {e.section ? ` ${/^section\b/i.test(e.section) ? '' : '§'}${e.section}` : ''}
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
