// The tab-level operations behind bg/scan, bg/fill, bg/undo, bg/highlight and bg/read: fan out to frames,
// merge the answers back in page order with framed fids.
import type { FillPlanItem, ScanResponse } from '../messaging';
import type { FillResult } from '../page';
import { BackgroundError, errors } from './errors';
import { blockedFrames } from './blocked-frames';
import { groupByFrame, mergeFrames, splitFid, type FrameScan } from './frames';
import { ensureContentScript, listFrames, sendToFrame } from './page-bridge';

/** Serialized fields one tab's scan may hold in all; frames past it (in page order) are listed as cut short. */
export const TAB_SCAN_BUDGET = 64 * 1024 * 1024;

/** A whole tab's scan: every frame's fields merged in page order (the panel receives it in pages). */
export type TabScan = Omit<ScanResponse, 'total' | 'cursor'>;

/** Every page of one frame's scan (the content script replies in bounded pages). */
async function scanFrame(tabId: number, frameId: number) {
  const first = await sendToFrame(tabId, frameId, { type: 'page/scan' });
  const fields = [...first.fields];
  let cursor = first.cursor;
  while (cursor) {
    const next = await sendToFrame(tabId, frameId, { type: 'page/scan', cursor });
    fields.push(...next.fields);
    cursor = next.cursor;
  }
  return { ...first, fields };
}

export async function scanTab(tabId: number): Promise<TabScan> {
  const frames = await listFrames(tabId);
  await ensureContentScript(tabId, frames);
  const scans: FrameScan[] = await Promise.all(
    frames.map(async (f): Promise<FrameScan> => {
      try {
        const res = await scanFrame(tabId, f.frameId);
        return {
          ...f,
          fields: res.fields,
          url: res.url,
          title: res.title,
          ...(res.omitted ? { error: errors.frameTruncated(res.fields.length, res.omitted) } : {}),
        };
      } catch (err) {
        return { ...f, fields: [], error: errors.frameGone(f.frameId, err) };
      }
    }),
  );
  bound(scans);
  const top = frames.find((f) => f.frameId === 0) ?? frames[0];
  return {
    url: top?.url ?? '',
    title: top?.title ?? '',
    fields: mergeFrames(scans),
    frames: [
      ...scans.map((s) => ({
        frameId: s.frameId,
        url: s.url,
        fields: s.fields.length,
        ...(s.error ? { error: s.error } : {}),
      })),
      ...blockedFrames(frames).map((b) => ({
        frameId: -1,
        url: b.url,
        fields: 0,
        error: errors.crossOriginFrame(b.origin),
        ...(b.grant ? { grant: b.grant } : {}),
      })),
    ],
  };
}

/** Keep the tab's scan under its budget: frames past it (in page order) send no fields and say why. */
function bound(scans: FrameScan[]): void {
  let size = 0;
  for (const scan of scans) {
    const bytes = JSON.stringify(scan.fields).length;
    if (size + bytes > TAB_SCAN_BUDGET) {
      scan.error = errors.frameTruncated(0, scan.fields.length);
      scan.fields = [];
    } else size += bytes;
  }
}

function failed(fid: string, error: string): FillResult {
  return { fid, ok: false, value: '', previous: '', error };
}

/** Route framed items to their frames, run `send` per frame, and put the frame prefix back on the results. */
async function perFrame<T extends { fid: string }>(
  items: readonly T[],
  send: (frameId: number, local: T[]) => Promise<FillResult[]>,
): Promise<FillResult[]> {
  const { byFrame, invalid } = groupByFrame(items);
  const out: FillResult[] = invalid.map((i) => failed(i.fid, errors.unknownFid(i.fid)));
  await Promise.all(
    [...byFrame].map(async ([frameId, local]) => {
      try {
        const results = await send(frameId, local);
        out.push(...results.map((r) => ({ ...r, fid: `${frameId}:${r.fid}` })));
      } catch (err) {
        out.push(...local.map((i) => failed(`${frameId}:${i.fid}`, errors.frameGone(frameId, err))));
      }
    }),
  );
  // Keep the caller's order so progress and reports line up with the plan.
  const order = new Map(items.map((i, n) => [i.fid, n]));
  return out.sort((a, b) => (order.get(a.fid) ?? 0) - (order.get(b.fid) ?? 0));
}

export function fillTab(tabId: number, plan: readonly FillPlanItem[]): Promise<FillResult[]> {
  return perFrame(plan, async (frameId, local) => {
    const res = await sendToFrame(tabId, frameId, {
      type: 'page/fill',
      fills: local.map(({ fid, value }) => ({ fid, value })),
    });
    return res.results;
  });
}

export async function undoTab(tabId: number, fids?: readonly string[]): Promise<FillResult[]> {
  if (fids) {
    return perFrame(
      fids.map((fid) => ({ fid })),
      async (frameId, local) =>
        (await sendToFrame(tabId, frameId, { type: 'page/undo', fids: local.map((l) => l.fid) })).results,
    );
  }
  // Undo everything: every frame undoes its own fills.
  const frames = await listFrames(tabId);
  const all = await Promise.all(
    frames.map(async (f) => {
      try {
        const res = await sendToFrame(tabId, f.frameId, { type: 'page/undo' });
        return res.results.map((r) => ({ ...r, fid: `${f.frameId}:${r.fid}` }));
      } catch {
        return []; // a frame without the content script filled nothing
      }
    }),
  );
  return all.flat();
}

export async function highlightTab(tabId: number, fid: string | null): Promise<boolean> {
  if (fid === null) {
    const frames = await listFrames(tabId);
    await Promise.all(
      frames.map((f) => sendToFrame(tabId, f.frameId, { type: 'page/highlight', fid: null }).catch(() => null)),
    );
    return true;
  }
  const split = splitFid(fid);
  if (!split) throw new BackgroundError('unknown-fid', errors.unknownFid(fid));
  return (await sendToFrame(tabId, split.frameId, { type: 'page/highlight', fid: split.fid })).ok;
}

export async function readTab(tabId: number, fids: readonly string[]): Promise<Record<string, string>> {
  const { byFrame } = groupByFrame(fids.map((fid) => ({ fid })));
  const values: Record<string, string> = {};
  await Promise.all(
    [...byFrame].map(async ([frameId, local]) => {
      const res = await sendToFrame(tabId, frameId, { type: 'page/read', fids: local.map((l) => l.fid) });
      for (const [fid, v] of Object.entries(res.values)) values[`${frameId}:${fid}`] = v;
    }),
  );
  return values;
}
