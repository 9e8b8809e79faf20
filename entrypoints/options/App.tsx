// The library manager (options page, opens in a tab): entries, evidence, import, export/backup, settings.
// A new library first asks how to start (first-run.tsx); nothing is loaded until the user chooses.
import { useEffect, useState } from 'react';
import { LibraryHealth } from '../../components/health';
import { LibraryNotifications } from '../../components/review';
import { Alert, Spinner } from '../../components/ui';
import { useLibrary } from '../../components/use-library';
import { startState } from '../../lib/library';
import { EntriesView } from './entries-view';
import type { EntryFilter } from './filters';
import { EvidenceView } from './evidence-view';
import { ExportBackup } from './export-backup';
import { FirstRun, type PickedFile } from './first-run';
import { HeldList } from './held-list';
import { ImportWizard } from './import-wizard';
import { SettingsView } from './settings-view';

const TABS = ['Entries', 'Evidence', 'Health', 'Notifications', 'Import', 'Export & backup', 'Settings'] as const;
type Tab = (typeof TABS)[number];

export function App() {
  const { library, error } = useLibrary();
  const [tab, setTab] = useState<Tab>(() => TABS.find((t) => t.toLowerCase() === location.hash.slice(1)) ?? 'Entries');
  // A notification's "Open entry" switches to Entries with that entry's editor open; an import's report can
  // open Entries filtered to that import.
  const [openEntry, setOpenEntry] = useState<string>();
  const [entryFilter, setEntryFilter] = useState<Partial<EntryFilter>>();
  const [firstRun, setFirstRun] = useState<boolean>();
  const [importFile, setImportFile] = useState<PickedFile>();
  useEffect(() => {
    if (library) void startState(library).then((s) => setFirstRun(s.ask));
  }, [library]);
  const go = (t: Tab) => {
    setTab(t);
    setOpenEntry(undefined);
    setEntryFilter(undefined);
  };

  return (
    <div className="op">
      <header className="op-header">
        <div className="cw-row">
          <h1>Crosswalk library</h1>
          <span className="cw-spacer" />
          {/* Questionnaires that arrive as workbooks are answered on their own page, from this library. */}
          <a className="cw-btn cw-btn--small" href="/spreadsheet.html" target="_blank" rel="noreferrer">
            Answer a spreadsheet
          </a>
        </div>
        {!firstRun && (
          <nav className="op-tabs" role="tablist" aria-label="Library sections">
            {TABS.map((t) => (
              <button key={t} role="tab" aria-selected={t === tab} className="op-tab" onClick={() => go(t)}>
                {t}
              </button>
            ))}
          </nav>
        )}
      </header>
      <main className="op-body">
        {error && <Alert tone="bad">{error}</Alert>}
        {(!library || firstRun === undefined) && !error && <Spinner label="Opening the library…" />}
        {library && firstRun && (
          <FirstRun
            library={library}
            onDone={({ file }) => {
              setFirstRun(false);
              if (file) {
                setImportFile(file);
                setTab('Import');
              } else setTab('Entries');
            }}
          />
        )}
        {library && firstRun === false && (
          <>
            {tab === 'Entries' && (
              <EntriesView
                key={`${openEntry ?? ''}|${JSON.stringify(entryFilter ?? {})}`}
                library={library}
                initialSelected={openEntry}
                initialFilter={entryFilter}
              />
            )}
            {tab === 'Evidence' && <EvidenceView library={library} />}
            {tab === 'Health' && <LibraryHealth library={library} />}
            {tab === 'Notifications' && (
              <div className="cw-stack">
                <HeldList library={library} />
                <LibraryNotifications
                  library={library}
                  onOpenEntry={(id) => {
                    setOpenEntry(id);
                    setTab('Entries');
                  }}
                />
              </div>
            )}
            {tab === 'Import' && (
              <ImportWizard
                library={library}
                initialFile={importFile}
                onShowBatch={(batch) => {
                  setImportFile(undefined);
                  setEntryFilter({ batch });
                  setTab('Entries');
                }}
              />
            )}
            {tab === 'Export & backup' && <ExportBackup library={library} />}
            {tab === 'Settings' && <SettingsView library={library} />}
          </>
        )}
      </main>
    </div>
  );
}
