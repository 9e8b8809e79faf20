import { describe, expect, it, vi } from 'vitest';
import { route, type Handlers } from '../../../lib/background/router';
import { BackgroundError } from '../../../lib/background/errors';
import { checkSender } from '../../../lib/messaging';

const ORIGIN = 'chrome-extension://abc/';
const page = { id: 'abc', url: 'chrome-extension://abc/sidepanel.html?tab=3' };

function handlers(): Handlers {
  const fail = () => Promise.reject(new Error('not used'));
  return {
    'bg/scan': vi.fn(async () => ({ url: 'u', title: 't', fields: [], total: 0, frames: [] })),
    'bg/match': fail,
    'bg/fill': fail,
    'bg/undo': fail,
    'bg/highlight': async () => {
      throw new Error('Frame 3 did not answer. Scan again.');
    },
    'bg/read': fail,
    'bg/search': fail,
    'bg/status': fail,
    'bg/sync': fail,
    'bg/watch': fail,
  };
}

describe('background router', () => {
  it('dispatches a valid request from an extension page', async () => {
    const h = handlers();
    expect(
      await route({ type: 'bg/scan', tabId: 3 }, page, {
        runtimeId: 'abc',
        extensionOrigin: ORIGIN,
        handlers: h,
        log: () => {},
      }),
    ).toEqual({ url: 'u', title: 't', fields: [], total: 0, frames: [] });
    expect(h['bg/scan']).toHaveBeenCalledWith({ type: 'bg/scan', tabId: 3 });
  });

  it('rejects unknown and malformed messages with a logged reason naming the problem', async () => {
    const log = vi.fn();
    const deps = { runtimeId: 'abc', extensionOrigin: ORIGIN, handlers: handlers(), log };
    expect(await route({ type: 'bg/unknown' }, page, deps)).toEqual({
      error: { code: 'bad-request', message: expect.stringContaining('Rejected message bg/unknown') },
    });
    expect(await route({ type: 'bg/scan', tabId: -1 }, page, deps)).toEqual({
      error: { code: 'bad-request', message: expect.stringContaining('tabId') },
    });
    expect(log).toHaveBeenCalledTimes(2);
  });

  it('refuses other extensions and content scripts (pages share a renderer with untrusted sites)', async () => {
    const deps = { runtimeId: 'abc', extensionOrigin: ORIGIN, handlers: handlers(), log: () => {} };
    expect(
      await route({ type: 'bg/scan', tabId: 1 }, { id: 'evil', url: 'chrome-extension://evil/x.html' }, deps),
    ).toEqual({ error: { code: 'forbidden-sender', message: expect.stringContaining('only Crosswalk') } });
    expect(
      await route({ type: 'bg/scan', tabId: 1 }, { id: 'abc', url: 'https://portal.example.com/form', tab: {} }, deps),
    ).toEqual({
      error: { code: 'forbidden-sender', message: expect.stringContaining('side panel or options page') },
    });
    expect(checkSender({ id: 'abc', url: 'chrome-extension://abcd/x.html' }, 'abc', ORIGIN).ok).toBe(false);
  });

  it('turns a handler failure into an ErrorResponse carrying its message (code "unexpected": nobody catalogued it)', async () => {
    const deps = { runtimeId: 'abc', extensionOrigin: ORIGIN, handlers: handlers(), log: () => {} };
    expect(await route({ type: 'bg/highlight', tabId: 3, fid: '3:f1' }, page, deps)).toEqual({
      error: { code: 'unexpected', message: 'Frame 3 did not answer. Scan again.' },
    });
  });

  it("keeps a catalogued error's code across the protocol", async () => {
    const h = handlers();
    h['bg/highlight'] = () =>
      Promise.reject(
        new BackgroundError('unknown-fid', 'Field "9:f1" is not from the last scan. Scan the page again.'),
      );
    const deps = { runtimeId: 'abc', extensionOrigin: ORIGIN, handlers: h, log: () => {} };
    expect(await route({ type: 'bg/highlight', tabId: 3, fid: '9:f1' }, page, deps)).toEqual({
      error: { code: 'unknown-fid', message: 'Field "9:f1" is not from the last scan. Scan the page again.' },
    });
  });
});
