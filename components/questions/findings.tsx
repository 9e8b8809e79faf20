// The findings on one answer, in the shared vocabulary (lib/review/vocabulary.ts): what is wrong, the fix,
// and, where one step fixes it, that step as a button ("Set 'NDA in place'").
import { Badge, type Tone } from '../ui';
import type { Reason } from '../../lib/policy';
import { FLAG_LABEL, type FlagAction } from '../../lib/review';

const GATE_TONE: Record<Reason['gate'], Tone> = { block: 'bad', confirm: 'warn', note: 'neutral' };

export const ACTION_LABEL: Record<FlagAction, string> = {
  'set-nda': "Set 'NDA in place'",
  'declare-recipient': 'Declare the recipient',
  'confirm-overwrite': 'Replace it',
};

export function Findings({
  reasons,
  onAction,
}: {
  reasons: readonly Reason[];
  /** Run a one-step fix; 'confirm-overwrite' is the Fill button's own business and never shown here. */
  onAction?: (action: FlagAction) => void;
}) {
  if (!reasons.length) return null;
  return (
    <ul className="sp-warnings" aria-label="Findings" data-testid="findings">
      {reasons.map((r) => (
        <li key={r.code} data-flag={r.code} data-gate={r.gate}>
          <Badge tone={GATE_TONE[r.gate]}>{FLAG_LABEL[r.code]}</Badge> <span className="cw-small">{r.message}</span>{' '}
          {r.gate !== 'note' && <span className="cw-small cw-muted">Fix: {r.fix}</span>}
          {r.gate === 'note' && r.code === 'evidence-not-shareable' && (
            <span className="cw-small cw-muted">{r.fix}</span>
          )}
          {r.action && r.action !== 'confirm-overwrite' && onAction && (
            <button
              type="button"
              className="cw-btn cw-btn--small sp-finding-action"
              onClick={() => onAction(r.action!)}
            >
              {ACTION_LABEL[r.action]}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
