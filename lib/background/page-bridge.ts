// Talking to the content script in one tab: inject it on demand (activeTab or a granted host permission),
// then send page/* requests frame by frame and validate every answer against the contract.
import { browser } from 'wxt/browser';
import { ContentResponse, ErrorResponse, type ContentRequest, type ContentResponseOf } from '../messaging';
import { CrosswalkError } from '../errors';
import { BackgroundError, errors } from './errors';

const CONTENT_SCRIPT = '/content-scripts/content.js';

/** A child frame as its parent sees it: where it points and how big it is on screen. */
export interface ChildFrame {
  index: number;
  src: string;
  width: number;
  height: number;
}

/** Runs inside each frame (serialized by scripting.executeScript, so it must be self-contained). */
function framePath(): { path: number[]; url: string; title: string; children: ChildFrame[] } {
  const path: number[] = [];
  let w: Window = window;
  while (w !== w.parent) {
    const parent: Window = w.parent;
    let i = 0;
    while (i < parent.frames.length && parent.frames[i] !== w) i++;
    path.unshift(i);
    w = parent;
  }
  // Child frames by index, matched to their elements, so a frame the extension cannot enter (another site's)
  // can still be named and sized by its parent.
  const children: ChildFrame[] = [];
  const elements = [...document.querySelectorAll('iframe, frame')] as HTMLIFrameElement[];
  for (let i = 0; i < window.frames.length; i++) {
    const el = elements.find((e) => e.contentWindow === window.frames[i]);
    if (!el) continue;
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const shown = style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > 0;
    children.push({ index: i, src: el.src, width: shown ? r.width : 0, height: shown ? r.height : 0 });
  }
  return { path, url: location.href, title: document.title, children };
}

export interface FrameInfo {
  frameId: number;
  path: number[];
  url: string;
  title: string;
  children?: ChildFrame[];
}

/** Every frame the extension may read in this tab, with its position in the page. */
export async function listFrames(tabId: number): Promise<FrameInfo[]> {
  let results;
  try {
    results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: framePath });
  } catch (err) {
    throw new BackgroundError('no-access', errors.noAccess(err), { cause: err });
  }
  return results.flatMap((r) =>
    r.result ? [{ frameId: r.frameId, ...(r.result as Omit<FrameInfo, 'frameId'>) }] : [],
  );
}

/** Send one page/* request to one frame; the reply is checked against the contract before anyone sees it. */
export async function sendToFrame<T extends ContentRequest['type']>(
  tabId: number,
  frameId: number,
  message: Extract<ContentRequest, { type: T }>,
): Promise<ContentResponseOf<T>> {
  const raw: unknown = await browser.tabs.sendMessage(tabId, message, { frameId });
  const failed = ErrorResponse.safeParse(raw);
  if (failed.success) throw new CrosswalkError(failed.data.error.code, failed.data.error.message);
  const schema = ContentResponse[message.type];
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new BackgroundError(
      'bad-content-reply',
      errors.badContentReply(message.type, parsed.error.issues[0]?.message ?? 'invalid'),
    );
  return parsed.data as ContentResponseOf<T>;
}

/** Inject the content script into the frames that do not answer yet (a second copy would split the fid map). */
export async function ensureContentScript(tabId: number, frames: readonly FrameInfo[]): Promise<void> {
  const missing: number[] = [];
  await Promise.all(
    frames.map(async (f) => {
      try {
        await sendToFrame(tabId, f.frameId, { type: 'page/read', fids: [] });
      } catch {
        missing.push(f.frameId);
      }
    }),
  );
  if (!missing.length) return;
  await browser.scripting.executeScript({ target: { tabId, frameIds: missing }, files: [CONTENT_SCRIPT] });
}
