// Sites with persistent access: optional host permissions, granted and removed per origin. Without one,
// Crosswalk reads a page only after a click on its toolbar button (activeTab).
import { useCallback, useEffect, useState } from 'react';
import { Alert } from '../../components/ui';

interface PermissionsApi {
  getAll(): Promise<{ origins?: string[] }>;
  request(p: { origins: string[] }): Promise<boolean>;
  remove(p: { origins: string[] }): Promise<boolean>;
}

/** "https://portal.example.com/x" or "portal.example.com" -> "https://portal.example.com/*"; null if not a web origin. */
export function originPattern(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return null;
  }
}

export function SitesView({ permissions }: { permissions: PermissionsApi }) {
  const [origins, setOrigins] = useState<string[]>();
  const [site, setSite] = useState('');
  const [msg, setMsg] = useState<{ tone: 'ok' | 'bad'; text: string }>();
  const refresh = useCallback(() => permissions.getAll().then((p) => setOrigins(p.origins ?? [])), [permissions]);
  useEffect(() => void refresh(), [refresh]);

  const grant = async () => {
    const pattern = originPattern(site);
    if (!pattern)
      return setMsg({
        tone: 'bad',
        text: `"${site}" is not a web address. Enter a site such as portal.example.com or https://portal.example.com.`,
      });
    // permissions.request must run inside the click: no await before it.
    const ok = await permissions.request({ origins: [pattern] }).catch((err: unknown) => {
      setMsg({ tone: 'bad', text: String(err) });
      return false;
    });
    if (ok) setMsg({ tone: 'ok', text: `Crosswalk may now read ${pattern} without a click.` });
    setSite('');
    void refresh();
  };
  const remove = async (origin: string) => {
    await permissions.remove({ origins: [origin] });
    setMsg({ tone: 'ok', text: `Access to ${origin} removed.` });
    void refresh();
  };

  return (
    <section className="cw-card op-panel" aria-label="Sites with persistent access">
      <h2>Sites with persistent access</h2>
      <p className="cw-small cw-muted">
        Crosswalk reads a page only when you click its toolbar button. Add a portal here to let the side panel rescan it
        at any time.
      </p>
      <form
        className="cw-row"
        onSubmit={(e) => {
          e.preventDefault();
          void grant();
        }}
      >
        <input
          className="cw-input op-grow"
          aria-label="Site address"
          placeholder="portal.example.com"
          value={site}
          onChange={(e) => setSite(e.target.value)}
        />
        <button className="cw-btn" type="submit" disabled={!site.trim()}>
          Allow site
        </button>
      </form>
      {origins && origins.length === 0 && (
        <p className="cw-small cw-muted" data-testid="no-sites">
          No sites yet.
        </p>
      )}
      <ul className="op-sites">
        {origins?.map((o) => (
          <li key={o} className="cw-row">
            <span className="cw-mono">{o}</span>
            <span className="cw-spacer" />
            <button className="cw-btn cw-btn--small cw-btn--danger" onClick={() => void remove(o)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      {msg && <Alert tone={msg.tone}>{msg.text}</Alert>}
    </section>
  );
}
