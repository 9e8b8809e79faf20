// @vitest-environment happy-dom
// Listener lifetimes in the side panel: a scan belongs to the tab it was started for. Switching tabs, scanning
// again or closing the panel aborts it (an AbortSignal through lib/background's client), so a slow answer for
// one tab never lands in another tab's list. The background is played by a stub of runtime.sendMessage that
// answers each tab's scan when the test says so, as a slow page would.
import { act, createElement, useLayoutEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_CONTEXT } from '../../../lib/background';
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
