// The restore preview in words: exactly what will be deleted, replaced, added and kept, named by id where a
// person would want to check (edits made after the backup, history the backup does not have). The options page
// shows these lines as they are; tests read them as a user would.
import type { HistoryDiff, RestorePlan } from './backup';
import type { RestoreDiff } from './restore-diff';

export interface RestoreLine {
  tone: 'info' | 'warn' | 'bad';
  text: string;
}

const MAX_IDS = 8;
const n = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
const ids = (list: readonly string[]) =>
  list.length > MAX_IDS ? `${list.slice(0, MAX_IDS).join(', ')} and ${list.length - MAX_IDS} more` : list.join(', ');

function records(label: string, d: RestoreDiff, mode: RestorePlan['mode']): string {
  const parts = [`${n(d.added.length, 'added', 'added')}`];
  parts.push(
    mode === 'replace'
      ? `${d.updated.length} replaced by the backup's copy`
      : `${d.updated.length} updated to the backup's newer copy`,
  );
  if (mode === 'replace') parts.push(`${d.removed.length} deleted`);
  parts.push(`${d.unchanged} kept as they are`);
  return `${label}: ${parts.join(', ')}.`;
}

function history(label: string, h: HistoryDiff): string {
  return `Saved versions of ${label}: ${h.deleted} deleted, ${h.kept} kept, ${h.added} added.`;
}

export function describeRestore(plan: RestorePlan): RestoreLine[] {
  const lines: RestoreLine[] = [];
  for (const p of plan.problems) lines.push({ tone: 'bad', text: p });
  if (plan.problems.length) return lines;
  for (const w of plan.warnings) lines.push({ tone: 'warn', text: w });
  const { mode } = plan;
  lines.push({ tone: 'info', text: records('Entries', plan.entries, mode) });
  lines.push({ tone: 'info', text: records('Evidence', plan.evidence, mode) });
  lines.push({ tone: 'info', text: history('entries', plan.history.entries) });
  lines.push({ tone: 'info', text: history('evidence', plan.history.evidence) });
  if (mode === 'replace') {
    if (plan.entries.removed.length)
      lines.push({ tone: 'warn', text: `Entries deleted with all their versions: ${ids(plan.entries.removed)}.` });
    if (plan.evidence.removed.length)
      lines.push({ tone: 'warn', text: `Evidence deleted with all its versions: ${ids(plan.evidence.removed)}.` });
    const changed = [...plan.changedSinceBackup.entries, ...plan.changedSinceBackup.evidence];
    if (changed.length)
      lines.push({
        tone: 'warn',
        text: `Changed in this library after the backup was made (${plan.backupCreatedAt.slice(0, 10)}), so those changes leave the library: ${ids(changed)}.`,
      });
    const losing = [...plan.history.entries.losingHistory, ...plan.history.evidence.losingHistory];
    if (losing.length)
      lines.push({
        tone: 'warn',
        text: `Kept records that lose saved versions the backup does not have: ${ids(losing)}.`,
      });
    const s = plan.settings;
    lines.push({
      tone: 'info',
      text: `Settings: ${s.added.length} added, ${s.updated.length} replaced, ${s.removed.length} deleted, ${s.unchanged} kept.`,
    });
    const ledger = plan.ledger;
    lines.push({
      tone: 'info',
      text: `Review records: ${ledger.added.length} added, ${ledger.updated.length} replaced, ${ledger.removed.length} deleted, ${ledger.unchanged} kept.`,
    });
  } else {
    lines.push({
      tone: 'info',
      text: `Nothing is deleted: records only in this library stay, and an updated record keeps its earlier versions. Settings: ${plan.settings.added.length} added (existing ones are kept).`,
    });
  }
  return lines;
}
