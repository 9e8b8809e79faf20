// Findings as a reader sees them, in the same words as the side panel: what is wrong, then what to do.
import { FLAG_LABEL, type Flag } from '../../lib/review';
import { Badge, type Tone } from '../ui';

const TONE: Record<Flag['severity'], Tone> = { high: 'bad', medium: 'warn', low: 'neutral' };

export function FlagList({ flags }: { flags: readonly Flag[] }) {
  if (!flags.length) return null;
  return (
    <ul className="cw-review-flags" aria-label="Flags">
      {flags.map((f) => (
        <li key={f.code} data-flag={f.code}>
          <Badge tone={TONE[f.severity]}>{FLAG_LABEL[f.code]}</Badge> {f.message}{' '}
          <span className="cw-muted">Fix: {f.fix}</span>
        </li>
      ))}
    </ul>
  );
}
