// bg/scan in pages: the background scans the whole tab once, holds the merged fields, and hands them to the
// panel in replies of bounded size (a 5,000-question page with long labels, or a flood of fields, used to pass the
// 64 MiB message limit). The panel asks for the next page with the cursor of the last (client.ts scanInPages).
import type { ScanResponse } from '../messaging';
import { Pager, type QuestionField } from '../page';
import { errors } from './errors';
import type { TabScan } from './page-ops';

interface Held {
  pager: Pager<QuestionField>;
  meta: Omit<ScanResponse, 'fields' | 'cursor'>;
}

/** The latest scan of each tab that still has pages to send. */
const held = new Map<number, Held>();

function reply(tabId: number, h: Held, page: { items: QuestionField[]; cursor?: string }): ScanResponse {
  if (!page.cursor) held.delete(tabId);
  return { ...h.meta, fields: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** Scan the tab (through `scan`) and return the first page, or return the page `cursor` names. */
export async function scanInPagesFor(
  tabId: number,
  cursor: string | undefined,
  scan: (tabId: number) => Promise<TabScan>,
): Promise<ScanResponse> {
  if (cursor !== undefined) {
    const h = held.get(tabId);
    const page = h?.pager.more(cursor);
    if (!h || !page) throw new Error(errors.scanGone);
    return reply(tabId, h, page);
  }
  const { fields, ...rest } = await scan(tabId);
  const h: Held = { pager: new Pager<QuestionField>(), meta: { ...rest, total: fields.length } };
  held.set(tabId, h);
  return reply(
    tabId,
    h,
    h.pager.start(
      fields,
      fields.map((f) => JSON.stringify(f).length),
    ),
  );
}
