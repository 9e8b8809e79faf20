// Export the library (JSON, CSV, XLSX) and back it up or restore it, with a preview of what a restore changes.
import { useState } from 'react';
import { Alert } from '../../components/ui';
import {
  type RestorePlan,
  type RestoreMode,
  type Backup,
  serializeBackup,
  planRestore,
  parseBackup,
  exportLibrary,
  createBackup,
  applyRestore,
  type Library,
} from '../../lib/library';
import { notifyBackground } from './entry-editor';
import { RestorePoints, RestorePreview } from './restore-preview';
import { describeError } from '../../lib/errors';

const MIME = {
  json: 'application/json',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

function download(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stamp = () => new Date().toISOString().slice(0, 10);

export function ExportBackup({ library }: { library: Library }) {
  const [msg, setMsg] = useState<{ tone: 'ok' | 'bad' | 'info'; text: string }>();
  const [restore, setRestore] = useState<{ backup: Backup; plan: RestorePlan; mode: RestoreMode }>();
  const [pointsSeen, setPointsSeen] = useState(0);
  const fail = (err: unknown) => setMsg({ tone: 'bad', text: describeError(err) });

  const doExport = (format: keyof typeof MIME) =>
    exportLibrary(library, format).then(
      (bytes) => download(bytes, `crosswalk-library-${stamp()}.${format}`, MIME[format]),
      fail,
    );
  const doBackup = () =>
    createBackup(library).then(
      (b) => download(serializeBackup(b), `crosswalk-backup-${stamp()}.json`, MIME.json),
      fail,
    );
  const pickBackup = async (input: HTMLInputElement, mode: RestoreMode) => {
    const f = input.files?.[0];
    if (!f) return;
    const parsed = parseBackup(new Uint8Array(await f.arrayBuffer()));
    if (!parsed.ok) return setMsg({ tone: 'bad', text: parsed.error });
    setRestore({ backup: parsed.backup, mode, plan: await planRestore(library, parsed.backup, mode) });
  };
  const apply = () =>
    restore &&
    applyRestore(library, restore.backup, restore.mode).then((plan) => {
      notifyBackground();
      setRestore(undefined);
      setPointsSeen((n) => n + 1);
      setMsg({
        tone: 'ok',
        text:
          `Restored: ${plan.entries.added.length} entries added, ${plan.entries.updated.length} replaced, ${plan.entries.removed.length} deleted.` +
          (plan.restorePoint ? ' The library as it was before is kept under "Automatic backups before restores".' : ''),
      });
    }, fail);

  return (
    <section className="cw-card op-panel" aria-label="Export and backup">
      <h2>Export</h2>
      <p className="cw-small cw-muted">
        Every entry and evidence item, retired ones included. CSV and XLSX open in any spreadsheet.
      </p>
      <div className="cw-row">
        <button className="cw-btn" onClick={() => void doExport('json')}>
          Export JSON
        </button>
        <button className="cw-btn" onClick={() => void doExport('csv')}>
          Export CSV
        </button>
        <button className="cw-btn" onClick={() => void doExport('xlsx')}>
          Export XLSX
        </button>
      </div>
      <h2>Backup and restore</h2>
      <p className="cw-small cw-muted">A backup holds the whole library with every version and your settings.</p>
      <div className="cw-row">
        <button className="cw-btn cw-btn--primary" onClick={() => void doBackup()}>
          Download backup
        </button>
      </div>
      <div className="op-grid2">
        <label className="cw-label">
          Restore: merge into this library
          <input
            className="cw-input"
            type="file"
            accept=".json"
            onChange={(e) => void pickBackup(e.currentTarget, 'merge')}
          />
        </label>
        <label className="cw-label">
          Restore: replace this library
          <input
            className="cw-input"
            type="file"
            accept=".json"
            onChange={(e) => void pickBackup(e.currentTarget, 'replace')}
          />
        </label>
      </div>
      {restore && (
        <RestorePreview plan={restore.plan} onApply={() => void apply()} onCancel={() => setRestore(undefined)} />
      )}
      <RestorePoints refresh={pointsSeen} download={(bytes, name) => download(bytes, name, MIME.json)} />
      {msg && <Alert tone={msg.tone}>{msg.text}</Alert>}
    </section>
  );
}
