// ISO 27001 vs SOC 2 notes, opened beside a cited control: how claims differ between the two frameworks.
import { frameworkNotes } from '../../lib/controls';

export function FrameworkNotes({ onClose }: { onClose: () => void }) {
  const notes = frameworkNotes();
  return (
    <aside className="cw-card sp-notes" aria-label="ISO 27001 vs SOC 2 notes">
      <div className="cw-row">
        <h2>ISO 27001 vs SOC 2</h2>
        <span className="cw-spacer" />
        <button className="cw-btn cw-btn--quiet" onClick={onClose} aria-label="Close notes">
          ✕
        </button>
      </div>
      <dl>
        {notes.map((n) => (
          <div key={n.key} className="sp-note">
            <dt>{n.topic}</dt>
            <dd>
              <p>
                <strong>ISO:</strong> {n.iso}
              </p>
              <p>
                <strong>SOC 2:</strong> {n.soc2}
              </p>
              <p className="sp-note__rule">{n.reuseRule}</p>
            </dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
