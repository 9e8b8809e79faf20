// Settings: auto-fill threshold, citation footer, and the sites Crosswalk may read without a click each time.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { Alert } from '../../components/ui';
import { FOOTER_PRESETS, loadSettings, saveSettings, type ExtensionSettings } from '../../lib/background';
import { removeDemoData, loadDemoLibrary, demoCounts, type Library } from '../../lib/library';
import demoLibrary from '../../data/demo-library.json';
import { notifyBackground } from './entry-editor';
import { SitesView } from './sites-view';
import { describeError } from '../../lib/errors';

/** The demo library on demand: load it to try Crosswalk, remove it (every entry tagged demo) in one click. */
function DemoSection({ library }: { library: Library }) {
  const [count, setCount] = useState<number>();
  const [message, setMessage] = useState<{ tone: 'ok' | 'bad'; text: string }>();
  const refresh = () => void demoCounts(library).then((c) => setCount(c.entries));
  useEffect(refresh, [library]);
  const run = async (fn: () => Promise<string>) => {
    try {
      setMessage({ tone: 'ok', text: await fn() });
      notifyBackground();
    } catch (err) {
      setMessage({ tone: 'bad', text: describeError(err) });
    }
    refresh();
  };
  return (
    <section className="cw-card op-panel" aria-label="Demo library">
      <h2>Demo library</h2>
      <p className="cw-small cw-muted">
        175 answers of a fictional company (Larkspur Analytics), tagged <code>demo</code>, to try Crosswalk. They are
        never loaded unless you ask, and never come back once removed.
      </p>
      <div className="cw-row">
        {count === 0 && (
          <button
            className="cw-btn"
            onClick={() =>
              void run(async () => {
                const r = await loadDemoLibrary(library, demoLibrary);
                return `Loaded the demo library: ${r.entries.added} entries.`;
              })
            }
          >
            Load the demo library
          </button>
        )}
        {!!count && (
          <button
            className="cw-btn cw-btn--danger"
            onClick={() =>
              void run(async () => {
                const r = await removeDemoData(library, demoLibrary);
                return `Removed the demo library: ${r.entries} entries and ${r.evidence} evidence items.`;
              })
            }
          >
            Remove demo data ({count} entries)
          </button>
        )}
      </div>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
    </section>
  );
}

export function SettingsView({ library }: { library: Library }) {
  const [settings, setSettings] = useState<ExtensionSettings>();
  const [saved, setSaved] = useState<string>();
  useEffect(() => {
    void loadSettings(library.settings).then(setSettings);
  }, [library]);
  if (!settings) return null;
  const save = async (patch: Partial<ExtensionSettings>) => {
    setSettings(await saveSettings(library.settings, patch));
    notifyBackground();
    setSaved('Saved. The side panel uses the new settings on its next check.');
  };
  return (
    <div className="cw-stack">
      <section className="cw-card op-panel" aria-label="Answer settings">
        <h2>Answers</h2>
        <label className="cw-label">
          Auto-fill threshold: {Math.round(settings.autofillThreshold * 100)}%
          <input
            type="range"
            min={50}
            max={100}
            step={1}
            value={Math.round(settings.autofillThreshold * 100)}
            onChange={(e) => setSettings({ ...settings, autofillThreshold: Number(e.target.value) / 100 })}
            onMouseUp={() => void save({ autofillThreshold: settings.autofillThreshold })}
            onKeyUp={() => void save({ autofillThreshold: settings.autofillThreshold })}
          />
        </label>
        <p className="cw-small cw-muted">
          Below this confidence, answers are suggested but never filled by “Fill all confident”.
        </p>
        <label className="cw-label">
          Citation footer added to free-text answers
          <select
            className="cw-select"
            value={Object.entries(FOOTER_PRESETS).find(([, v]) => v === settings.citationFooter)?.[0] ?? 'custom'}
            onChange={(e) =>
              e.target.value !== 'custom' &&
              void save({ citationFooter: FOOTER_PRESETS[e.target.value as keyof typeof FOOTER_PRESETS] })
            }
          >
            <option value="none">No footer</option>
            <option value="entry">Entry and version</option>
            <option value="entry-and-controls">Entry, version and controls</option>
            <option value="full">Entry, owner, approval date, controls and evidence</option>
            <option value="custom">Custom template</option>
          </select>
        </label>
        <label className="cw-label">
          Template ({'{entryId} {version} {owner} {approvedAt} {controls} {evidence}'})
          <input
            className="cw-input cw-mono"
            value={settings.citationFooter}
            onChange={(e) => setSettings({ ...settings, citationFooter: e.target.value })}
            onBlur={() => void save({ citationFooter: settings.citationFooter })}
          />
        </label>
        {saved && <Alert tone="ok">{saved}</Alert>}
      </section>
      <SitesView permissions={browser.permissions} />
      <DemoSection library={library} />
    </div>
  );
}
