// The background's protocol and lifetime: bad messages get a reasoned ErrorResponse; a stopped worker
// wakes with the persisted index instead of rebuilding it.
import { expect, test, type ExtensionGlobal } from './fixtures';

test('unknown and malformed requests are rejected with a reason', async ({ context, extensionId }) => {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=999999`);
  const send = (msg: unknown) =>
    panel.evaluate((m) => (globalThis as ExtensionGlobal).chrome.runtime.sendMessage(m), msg);
  const refused = (text: string) => ({ error: { code: 'bad-request', message: expect.stringContaining(text) } });
  expect(await send({ type: 'bg/nope' })).toEqual(refused('Rejected message bg/nope'));
  expect(await send({ type: 'bg/scan', tabId: 'one' })).toEqual(refused('tabId'));
  expect(await send('not an object')).toEqual(refused('Rejected message'));
  // A tab the extension may not read: the error says how to grant access.
  // The handler's catalogued code survives the trip (lib/background/errors.ts), beside its cause-and-fix message.
  expect(await send({ type: 'bg/scan', tabId: 999999 })).toEqual({
    error: { code: 'no-access', message: expect.stringContaining('toolbar button') },
  });
});

test('a restarted worker loads the persisted index instead of rebuilding', async ({ context, extensionId }) => {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=999999`);
  const status = () =>
    panel.evaluate(
      () =>
        (globalThis as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'bg/status' }) as Promise<{
          builtFrom: string;
          entries: number;
          seq: number;
          savedSeq?: number;
        }>,
    );
  // The index is saved once the library has been quiet for a few seconds (an import is saved once, not per
  // change), so wait until the saved copy reflects the library before stopping the worker.
  await expect
    .poll(
      async () => {
        const s = await status();
        return s.entries > 50 && s.savedSeq === s.seq;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  const first = await status();
  expect(first.builtFrom).toBe('library');
  expect(first.entries).toBeGreaterThan(50);

  const cdp = await context.newCDPSession(panel);
  let running = 'unknown';
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    const v = e.versions.find((x) => x.scriptURL.endsWith('/background.js'));
    if (v) running = v.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => running).toBe('stopped');

  const second = await status();
  expect(second).toMatchObject({ builtFrom: 'cache', entries: first.entries, seq: first.seq });
});
