// Small presentational pieces shared by the side panel and the options page. No browser or database calls.
import { useEffect, useRef, type ReactNode } from 'react';

export type Tone = 'ok' | 'warn' | 'bad' | 'accent' | 'neutral';

export function Badge({ tone = 'neutral', children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`cw-badge${tone === 'neutral' ? '' : ` cw-badge--${tone}`}`} title={title}>
      {children}
    </span>
  );
}

export function Spinner({ label }: { label: string }) {
  return (
    <span className="cw-row" role="status">
      <span className="cw-spinner" aria-hidden="true" />
      <span className="cw-muted">{label}</span>
    </span>
  );
}

export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const pct = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div
      className="cw-progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
    >
      <span style={{ width: `${pct}%` }} />
    </div>
  );
}

/** Confidence as a short bar plus a percentage; the colour follows the auto-fill threshold. */
export function ConfidenceMeter({ value, threshold }: { value: number; threshold: number }) {
  const pct = Math.round(value * 100);
  const color = value >= threshold ? 'var(--cw-ok)' : value >= threshold - 0.2 ? 'var(--cw-warn)' : 'var(--cw-bad)';
  return (
    <span className="cw-meter" title={`Confidence ${pct}% (auto-fill at ${Math.round(threshold * 100)}%)`}>
      <span className="cw-meter__bar" aria-hidden="true">
        <span style={{ width: `${pct}%`, background: color }} />
      </span>
      {pct}%
    </span>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="cw-empty">
      <h2>{title}</h2>
      {children}
    </div>
  );
}

export function Alert({ tone, children }: { tone: 'bad' | 'warn' | 'ok' | 'info'; children: ReactNode }) {
  return (
    <div className={`cw-alert cw-alert--${tone}`} role={tone === 'bad' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** A modal dialog: focus moves in on open, Escape closes, focus returns to the opener on close. */
export function Dialog({
  title,
  onClose,
  children,
  footer,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('button, [href], input, select, textarea')?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      opener?.focus?.();
    };
  }, [onClose]);
  return (
    <div className="cw-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="cw-dialog" role="dialog" aria-modal="true" aria-label={title} ref={ref}>
        <header>
          <h2>{title}</h2>
          <span className="cw-spacer" />
          <button className="cw-btn cw-btn--quiet" onClick={onClose} aria-label="Close">
            ✕
          </button>
        </header>
        <div className="cw-dialog__body">{children}</div>
        <footer>{footer}</footer>
      </div>
    </div>
  );
}

/** Copy text with the async clipboard API, falling back to a hidden textarea (extension pages lose focus easily). */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}
