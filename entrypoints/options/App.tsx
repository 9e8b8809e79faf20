// The library manager (options page, opens in a tab): entries, evidence, import, export/backup, settings.
import { useState } from 'react';
import { LibraryHealth } from '../../components/health/library-health';
import { LibraryNotifications } from '../../components/review/notifications';
import { Alert, Spinner } from '../../components/ui';
import { useLibrary } from '../../components/use-library';
import { EntriesView } from './entries-view';
import { EvidenceView } from './evidence-view';
import { ExportBackup } from './export-backup';
import { ImportWizard } from './import-wizard';
import { SettingsView } from './settings-view';

const TABS = ['Entries', 'Evidence', 'Health', 'Notifications', 'Import', 'Export & backup', 'Settings'] as const;
type Tab = (typeof TABS)[number];

export function App() {
  const { library, error } = useLibrary();
  const [tab, setTab] = useState<Tab>(() => TABS.find((t) => t.toLowerCase() === location.hash.slice(1)) ?? 'Entries');
  // A notification's "Open entry" switches to Entries with that entry's editor open.
  const [openEntry, setOpenEntry] = useState<string>();
  return (
    <div className="op">
      <header className="op-header">
        <h1>Crosswalk library</h1>
        <nav className="op-tabs" role="tablist" aria-label="Library sections">
          {TABS.map((t) => (
            <button
              key={t}
              role="tab"
              aria-selected={t === tab}
              className="op-tab"
              onClick={() => {
                setTab(t);
                setOpenEntry(undefined);
              }}
            >
              {t}
            </button>
          ))}
        </nav>
      </header>
      <main className="op-body">
        {error && <Alert tone="bad">{error}</Alert>}
        {!library && !error && <Spinner label="Opening the library…" />}
        {library && tab === 'Entries' && (
          <EntriesView key={openEntry ?? ''} library={library} initialSelected={openEntry} />
        )}
        {library && tab === 'Evidence' && <EvidenceView library={library} />}
        {library && tab === 'Health' && <LibraryHealth library={library} />}
        {library && tab === 'Notifications' && (
          <LibraryNotifications
            library={library}
            onOpenEntry={(id) => {
              setOpenEntry(id);
              setTab('Entries');
            }}
          />
        )}
        {library && tab === 'Import' && <ImportWizard library={library} />}
        {library && tab === 'Export & backup' && <ExportBackup library={library} />}
        {library && tab === 'Settings' && <SettingsView library={library} />}
      </main>
    </div>
  );
}
