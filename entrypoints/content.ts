// The content script: injected on demand (scripting.executeScript after a user action), in every frame.
// It turns the page into QuestionField snapshots and applies fill plans; no matching, no database.
// Messages are validated with a hand-written guard mirroring lib/messaging.ts (zod is too big here).
import { errorInfo } from '../lib/errors';
import type { ContentRequest, ContentResponseOf, ErrorResponse } from '../lib/messaging';
import type { FillResult, QuestionField } from '../lib/page/types';
import { scanPage } from '../lib/page/scan';
import { boundFields, Pager } from '../lib/page/field-caps';
import { applyFill, focusedFid, readFields, undoableFids, undoFill } from '../lib/page/fill/index';
import { highlightField } from '../lib/page/highlight';
import { mountField } from '../lib/page/virtual';
import { parseContentRequest } from '../lib/page/message-guard';

type Reply = ContentResponseOf<ContentRequest['type']> | ErrorResponse;

declare const chrome: { dom?: { openOrClosedShadowRoot?: (el: HTMLElement) => ShadowRoot | null } } | undefined;

/** Closed shadow roots (Chrome 88+: chrome.dom; Firefox content scripts: element.openOrClosedShadowRoot). */
function openShadowRoot(el: Element): ShadowRoot | null {
  const viaChrome = typeof chrome !== 'undefined' ? chrome?.dom?.openOrClosedShadowRoot : undefined;
  if (viaChrome) return viaChrome(el as HTMLElement);
  const viaFirefox = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  return viaFirefox ?? el.shadowRoot;
}

/** In page order, one at a time: branching forms reveal questions after each choice. */
async function inOrder<T>(items: T[], run: (item: T) => Promise<FillResult>): Promise<{ results: FillResult[] }> {
  const results = [];
  for (const item of items) results.push(await run(item));
  return { results };
}

// The frame's latest scan, held while the background reads it page by page (a reply is bounded in size).
const pager = new Pager<QuestionField>();
let scanned = { total: 0, omitted: 0 };

async function scanReply(cursor: string | undefined): Promise<Reply> {
  let page;
  if (cursor === undefined) {
    const { fields, sizes, omitted } = boundFields(await scanPage(document, { openShadowRoot }));
    scanned = { total: fields.length, omitted };
    page = pager.start(fields, sizes);
  } else {
    page = pager.more(cursor);
    if (!page) {
      return {
        error: { code: 'scan-gone', message: 'The page was scanned again while Crosswalk was reading it. Scan again.' },
      };
    }
  }
  return {
    url: location.href,
    title: document.title,
    fields: page.items,
    total: scanned.total,
    ...(page.cursor ? { cursor: page.cursor } : {}),
    ...(scanned.omitted ? { omitted: scanned.omitted } : {}),
  };
}

async function handle(msg: ContentRequest): Promise<Reply> {
  switch (msg.type) {
    case 'page/scan':
      return scanReply(msg.cursor);
    case 'page/fill':
      return inOrder(msg.fills, (f) => applyFill(document, f.fid, f.value));
    case 'page/undo':
      return inOrder(msg.fids ?? undoableFids(document), (fid) => undoFill(document, fid));
    case 'page/highlight':
      // A virtual list's row scrolled away is brought back first, so there is something to show.
      if (msg.fid) await mountField(document, msg.fid);
      return { ok: highlightField(document, msg.fid) };
    case 'page/read':
      return { values: readFields(document, msg.fids) };
    case 'page/focused':
      return { fid: focusedFid(document) };
    // No default: parseContentRequest already rejected unknown types, and the switch is exhaustive.
  }
}

export default defineContentScript({
  // Injected on demand through scripting.executeScript (activeTab), never declared for every site.
  registration: 'runtime',
  matches: [],
  allFrames: true,
  main(ctx) {
    // executeScript may run us again in the same frame: the new copy's ctx invalidates this one first
    // (lib/page/script-context.ts), so one listener per frame answers.
    const listener = (raw: unknown, _sender: unknown, sendResponse: (r: Reply) => void): boolean => {
      const parsed = parseContentRequest(raw);
      if (!parsed.ok) {
        console.warn(`[crosswalk] ${parsed.reason}`);
        sendResponse({ error: { code: 'bad-request', message: parsed.reason } });
        return false;
      }
      handle(parsed.message).then(sendResponse, (error: unknown) => {
        const { code, message } = errorInfo(error);
        sendResponse({
          error: {
            code,
            message: `The page could not handle ${parsed.message.type}: ${message}. Reload the page and try again.`,
          },
        });
      });
      return true; // keep the channel open for the async reply
    };
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  },
});
