// The restore preview: every line of describeRestore (what is deleted, replaced, added and kept), the integrity
// problems that block a restore, and the automatic backups kept before earlier restores.
import { useEffect, useState } from 'react';
import { Alert } from '../../components/ui';
import {
  describeRestore,
  losesAnything,
  openRestorePoints,
  type RestorePlan,
  type RestorePoint,
} from '../../lib/library';

export function RestorePreview({
  plan,
  onApply,
  onCancel,
}: {
  plan: RestorePlan;
  onApply: () => void;
  onCancel: () => void;
}) {
  const lines = describeRestore(plan);
  const blocked = plan.problems.length > 0;
  return (
    <div className="cw-stack" data-testid="restore-preview">
      <h3>
        {blocked ? 'This backup cannot be restored' : plan.mode === 'replace' ? 'Replace preview' : 'Merge preview'}
      </h3>
      <ul
        className="cw-stack"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label="What the restore changes"
      >
        {lines.map((l, i) => (
          <li key={i}>
            <Alert tone={l.tone}>{l.text}</Alert>
          </li>
        ))}
      </ul>
      {!blocked && losesAnything(plan) && (
        <p className="cw-small" data-testid="restore-point-note">
          Before anything is replaced or deleted, the whole library as it is now is saved as an automatic backup (listed
          below), so it can be restored again.
        </p>
      )}
      <div className="cw-row">
        {!blocked && (
          <button className="cw-btn cw-btn--primary" onClick={onApply}>
            Restore now
          </button>
        )}
        <button className="cw-btn" onClick={onCancel}>
          {blocked ? 'Close' : 'Cancel'}
        </button>
      </div>
    </div>
  );
}

/** Automatic backups taken before restores, newest first, each downloadable as a backup file. */
export function RestorePoints({
  refresh,
  download,
}: {
  refresh: number;
  download: (bytes: Uint8Array, name: string) => void;
}) {
  const [points, setPoints] = useState<Omit<RestorePoint, 'file'>[]>([]);
  useEffect(() => {
    void openRestorePoints().then(async (store) => setPoints(await store.list()));
  }, [refresh]);
  if (!points.length) return null;
  const get = async (id: number) => {
    const point = await (await openRestorePoints()).get(id);
    if (point) download(point.file, `crosswalk-backup-before-restore-${point.createdAt.slice(0, 10)}.json`);
  };
  return (
    <div className="cw-stack" data-testid="restore-points">
      <h3>Automatic backups before restores</h3>
      <ul>
        {points.map((p) => (
          <li key={p.id} className="cw-row">
            <span className="cw-small">
              {p.createdAt.slice(0, 16).replace('T', ' ')}: {p.entries} entries, {p.evidence} evidence. {p.reason}.
            </span>
            <button className="cw-btn cw-btn--small" onClick={() => void get(p.id!)}>
              Download
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
