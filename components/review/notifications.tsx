// For the library manager (options page): answers edited on a page and saved back as drafts, and answers a
// reviewer sent back with a note. Mount <LibraryNotifications library={library} />.
import { useCallback, useEffect, useState } from 'react';
import { ledgerOf, type Library } from '../../lib/library';
import type { LibraryNotification } from '../../lib/review';
import { Badge, EmptyState } from '../ui';
import './review.css';

export function LibraryNotifications({
  library,
  onOpenEntry,
}: {
  library: Library | undefined;
  onOpenEntry?: (entryId: string) => void;
}) {
  const [items, setItems] = useState<LibraryNotification[]>();
  const load = useCallback(() => {
    if (library) void ledgerOf(library).notifications().then(setItems);
  }, [library]);
  useEffect(load, [load]);
  if (!items) return null;
  if (!items.length)
    return (
      <EmptyState title="No notifications">
        Edits saved from questionnaires and answers sent back by reviewers appear here.
      </EmptyState>
    );
  return (
    <ul className="cw-notifications" aria-label="Notifications">
      {items.map((n) => (
        <li key={n.id} className="cw-card" data-read={String(n.read)}>
          <div className="cw-row">
            <Badge tone={n.kind === 'page-edit' ? 'accent' : 'warn'}>
              {n.kind === 'page-edit' ? 'edited on page' : 'sent back'}
            </Badge>
            <span className="cw-mono">{n.entryId}</span>
            {n.entryVersion ? <span className="cw-muted">v{n.entryVersion}</span> : null}
            <span className="cw-muted cw-small">
              {n.questionnaire} · {n.at}
            </span>
            <span className="cw-spacer" />
            {onOpenEntry && (
              <button className="cw-btn cw-btn--quiet cw-btn--small" onClick={() => onOpenEntry(n.entryId)}>
                Open entry
              </button>
            )}
            {!n.read && (
              <button
                className="cw-btn cw-btn--small"
                onClick={() => library && void ledgerOf(library).markNotificationRead(n.id).then(load)}
              >
                Mark read
              </button>
            )}
          </div>
          <p className="cw-small">{n.message}</p>
          {n.note && <p className="cw-small">Note: {n.note}</p>}
        </li>
      ))}
    </ul>
  );
}
