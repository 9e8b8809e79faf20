// @vitest-environment happy-dom
// Listener lifetimes in the side panel: a scan belongs to the tab it was started for. Switching tabs, scanning
// again or closing the panel aborts it (an AbortSignal through lib/background's client), so a slow answer for
// one tab never lands in another tab's list. The background is played by a stub of runtime.sendMessage that
// answers each tab's scan when the test says so, as a slow page would.
import { act, createElement, useLayoutEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_CONTEXT, PAGE_WATCH_PORT } from '../../../lib/background';
import type { ScanResponse } from '../../../lib/messaging';
import { useSession, type Session } from '../../../entrypoints/sidepanel/use-session';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function scanOf(tab: number, question: string): ScanResponse {
  return {
    url: `https://portal.example/tab-${tab}`,
    title: `Tab ${tab}`,
    total: 1,
    frames: [{ frameId: 0, url: `https://portal.example/tab-${tab}`, fields: 1 }],
    fields: [{ fid: `f${tab}`, question, kind: 'text', value: '' }],
  };
}

/** Scans the test answers by hand, per tab, in any order; every request's message is kept. */
let scans: Map<number, (reply: ScanResponse) => void>;
let sent: { type: string }[];
/** The panel's runtime.onConnect listeners (fakeBrowser has no ports): a test connects a page-watch port by hand. */
let connects: Set<(port: never) => void>;
let root: Root | undefined;
/** The session as of the last commit (written in a layout effect: render stays pure). */
const latest: { session?: Session } = {};

function Probe({ tabId }: { tabId: number | undefined }) {
  const session = useSession(tabId, EMPTY_CONTEXT);
  useLayoutEffect(() => {
    latest.session = session;
  });
  return null;
}

beforeEach(() => {
  fakeBrowser.reset();
  scans = new Map();
  sent = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string; tabId?: number }) => {
    sent.push(message);
    if (message.type === 'bg/scan') {
      return new Promise<ScanResponse>((resolve) => scans.set(message.tabId!, resolve));
    }
    if (message.type === 'bg/match') return Promise.resolve({ results: [], citations: {}, generation: 1 });
    return Promise.reject(new Error(`unexpected ${message.type}`));
  }) as typeof fakeBrowser.runtime.sendMessage);
  connects = new Set();
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation((fn) => void connects.add(fn));
  vi.spyOn(fakeBrowser.runtime.onConnect, 'removeListener').mockImplementation((fn) => void connects.delete(fn));
  root = createRoot(document.createElement('div'));
});

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  latest.session = undefined;
});

async function render(tabId: number | undefined) {
  await act(async () => root!.render(createElement(Probe, { tabId })));
}
async function answer(tab: number, question: string) {
  const reply = scans.get(tab);
  if (!reply) throw new Error(`no scan of tab ${tab} is waiting`);
  scans.delete(tab);
  await act(async () => {
    reply(scanOf(tab, question));
    await new Promise((r) => setTimeout(r, 200)); // past the match results' 150 ms flush
  });
}
const questions = () => latest.session!.rows.map((r) => r.field.question);

describe('side panel scan lifetime', () => {
  it("a tab's late scan never shows under the tab the panel switched to", async () => {
    await render(1);
    expect(latest.session!.phase).toBe('scanning');
    await render(2);
    await answer(2, 'Do you encrypt backups?');
    expect(questions()).toEqual(['Do you encrypt backups?']);
    await answer(1, 'Is MFA enforced for admins?'); // tab 1's page answers after the switch
    expect(questions()).toEqual(['Do you encrypt backups?']);
    expect(latest.session!.page.url).toBe('https://portal.example/tab-2');
    expect(latest.session!.phase).toBe('ready');
  });

  it('while the new tab is still scanning, the old tab answering shows nothing', async () => {
    await render(1);
    await render(2);
    await answer(1, 'Is MFA enforced for admins?');
    expect(questions()).toEqual([]);
    expect(latest.session!.phase).toBe('scanning');
    await answer(2, 'Do you encrypt backups?');
    expect(questions()).toEqual(['Do you encrypt backups?']);
  });

  it('scanning again supersedes the scan in flight', async () => {
    await render(3);
    const first = scans.get(3)!;
    await act(async () => {
      void latest.session!.scan();
      await Promise.resolve();
    });
    await answer(3, 'Second scan: are logs retained for a year?');
    await act(async () => {
      first(scanOf(3, 'First scan: stale question'));
      await new Promise((r) => setTimeout(r, 200));
    });
    expect(questions()).toEqual(['Second scan: are logs retained for a year?']);
  });

  it('closing the panel abandons its scan: nothing more is asked of the background', async () => {
    await render(4);
    act(() => root!.unmount());
    root = undefined;
    const before = sent.length;
    const late = scanOf(4, 'Anyone there?');
    late.cursor = 'page-2'; // a reply that names a next page: an abandoned scan must not ask for it
    scans.get(4)!(late);
    await new Promise((r) => setTimeout(r, 50));
    expect(sent.length).toBe(before);
  });
});

/** A frame's page-watch port as the panel sees it: the test posts notes through `note`. */
function connectWatch(tab: number) {
  const onMessage = new Set<(msg: unknown) => void>();
  const port = {
    name: PAGE_WATCH_PORT,
    sender: { tab: { id: tab } },
    onMessage: { addListener: (fn: (msg: unknown) => void) => void onMessage.add(fn) },
    onDisconnect: { addListener: () => undefined },
    disconnect: vi.fn(),
  };
  for (const fn of connects) fn(port as never);
  return { port, note: (msg: unknown) => onMessage.forEach((fn) => fn(msg)) };
}

describe('side panel rescans when the page swaps its questions (a wizard step)', () => {
  it('rescans by itself, keeps what the person did with the fields still there, matches only the new ones', async () => {
    await render(5);
    await answer(5, 'Step 1: is MFA enforced?');
    expect(sent.some((m) => m.type === 'bg/watch')).toBe(true); // the watcher is started after the scan
    act(() => latest.session!.setStatus('f5', 'skipped'));
    const { note } = connectWatch(5);
    const matchesBefore = sent.filter((m) => m.type === 'bg/match').length;
    const later = Date.now() + 5_000; // changes after the panel's own scan
    note({ type: 'page/changed', first: later, last: later });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 400)); // past the rescan delay
    });
    const reply = scans.get(5);
    expect(reply).toBeDefined(); // a new scan was asked for without anyone pressing Rescan
    scans.delete(5);
    const next = scanOf(5, 'Step 1: is MFA enforced?');
    next.fields.push({ fid: 'g5', question: 'Step 2: are backups encrypted?', kind: 'text', value: '' });
    next.total = 2;
    await act(async () => {
      reply!(next);
      await new Promise((r) => setTimeout(r, 200));
    });
    expect(questions()).toEqual(['Step 1: is MFA enforced?', 'Step 2: are backups encrypted?']);
    expect(latest.session!.rows[0]!.status).toBe('skipped');
    const matched = sent.filter((m) => m.type === 'bg/match').slice(matchesBefore) as unknown as {
      questions: { id: string }[];
    }[];
    expect(matched.flatMap((m) => m.questions.map((q) => q.id))).toEqual(['g5']);
  });

  it("ignores notes of its own scan's scrolling, other tabs' ports and anything that is not a note", async () => {
    await render(6);
    await answer(6, 'Is MFA enforced?');
    const other = connectWatch(7);
    other.note({ type: 'page/changed', first: Date.now() + 5_000, last: Date.now() + 5_000 });
    const { note } = connectWatch(6);
    const now = Date.now(); // within the panel's own scan (plus its slack): that scan's scrolling, not the page
    note({ type: 'page/changed', first: now, last: now });
    note({ type: 'hello' });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 400));
    });
    expect(scans.has(6)).toBe(false);
    expect(scans.has(7)).toBe(false);
    note({ type: 'page/changed', first: now + 5_000, last: now + 5_000 });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 400));
    });
    expect(scans.has(6)).toBe(true);
    expect(scans.has(7)).toBe(false);
  });
});
