// Merging per-frame scans into one page-ordered list. Pure: the background feeds it what each frame said.
// Fids are made unique across frames by prefixing the frame id ("3:f12"); the prefix is stripped again
// when a fill or undo is routed back to the frame that owns the field.
import type { QuestionField } from '../page';

export interface FrameScan {
  frameId: number;
  /** Index path from the top window: [] for the top frame, [1, 0] for the first frame inside the second. */
  path: number[];
  url: string;
  title: string;
  fields: QuestionField[];
  error?: string;
}

const SEP = ':';

export function framedFid(frameId: number, fid: string): string {
  return `${frameId}${SEP}${fid}`;
}

/** Split "3:f12" into frame 3 and the frame-local "f12"; null when the fid has no frame prefix. */
export function splitFid(fid: string): { frameId: number; fid: string } | null {
  const at = fid.indexOf(SEP);
  if (at <= 0) return null;
  const frameId = Number(fid.slice(0, at));
  if (!Number.isInteger(frameId) || frameId < 0) return null;
  return { frameId, fid: fid.slice(at + 1) };
}

/** Document order of frames: the parent before its children, siblings in the order their iframes appear. */
export function comparePaths(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

export function mergeFrames(scans: readonly FrameScan[]): QuestionField[] {
  const ordered = [...scans].sort((x, y) => comparePaths(x.path, y.path) || x.frameId - y.frameId);
  return ordered.flatMap((scan) =>
    scan.fields.map((f) => ({
      ...f,
      fid: framedFid(scan.frameId, f.fid),
      ...(f.comment ? { comment: framedFid(scan.frameId, f.comment) } : {}),
      frameId: scan.frameId,
    })),
  );
}

/** Group framed items by frame, with frame-local fids; items with a malformed fid are returned apart. */
export function groupByFrame<T extends { fid: string }>(
  items: readonly T[],
): { byFrame: Map<number, T[]>; invalid: T[] } {
  const byFrame = new Map<number, T[]>();
  const invalid: T[] = [];
  for (const item of items) {
    const split = splitFid(item.fid);
    if (!split) {
      invalid.push(item);
      continue;
    }
    const list = byFrame.get(split.frameId) ?? [];
    list.push({ ...item, fid: split.fid });
    byFrame.set(split.frameId, list);
  }
  return { byFrame, invalid };
}
