// Per-frame problems from the last scan, each with its way out: a frame from another site offers to grant
// access (then rescans) or to open it in its own tab; a frame that failed or was cut short says why.
// Self-contained: the panel passes the scan's frame list and its rescan function.
import { browser } from 'wxt/browser';
import { Alert } from '../../components/ui';
import type { ScanResponse } from '../../lib/messaging';

export function FrameErrors({ frames, onRescan }: { frames: ScanResponse['frames']; onRescan: () => void }) {
  const failing = frames.filter((f) => f.error);
  if (!failing.length) return null;
  const grant = (pattern: string) => {
    // permissions.request must run inside the click: no await before it.
    void browser.permissions.request({ origins: [pattern] }).then((ok) => ok && onRescan());
  };
  return (
    <ul className="cw-stack" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="frame-errors">
      {failing.map((f, i) => (
        <li key={`${f.frameId}:${f.url}:${i}`}>
          <Alert tone="warn">
            {f.error}
            {f.frameId === -1 && (
              <span className="cw-row">
                {f.grant && (
                  <button className="cw-btn cw-btn--small" onClick={() => grant(f.grant!)}>
                    Grant access
                  </button>
                )}
                {/^https?:/.test(f.url) && (
                  <button
                    className="cw-btn cw-btn--small cw-btn--quiet"
                    onClick={() => void browser.tabs.create({ url: f.url })}
                  >
                    Open it directly
                  </button>
                )}
              </span>
            )}
          </Alert>
        </li>
      ))}
    </ul>
  );
}
