// The worker entry: listeners exist as soon as main() returns (an MV3 worker woken by a message must find
// them), the Chrome-only side panel call is guarded, and a message from a stranger gets an ErrorResponse.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';

// fakeBrowser leaves these events unimplemented (addListener throws); stand-ins record the registration.
const stubbed = () => {
  const events = [
    fakeBrowser.contextMenus.onClicked,
    fakeBrowser.commands.onCommand,
    fakeBrowser.action.onClicked,
  ] as unknown as { addListener: unknown }[];
  return events.map((e) => (e.addListener = vi.fn()));
};
let stubs: ReturnType<typeof stubbed>;
beforeEach(() => {
  fakeBrowser.reset();
  stubs = stubbed();
});

describe('background entry', () => {
  it('registers its listeners synchronously and answers strangers with a reasoned error', async () => {
    background.main();
    const onMessage = fakeBrowser.runtime.onMessage as unknown as {
      hasListeners(): boolean;
      trigger(...a: unknown[]): Promise<unknown[]>;
    };
    expect(onMessage.hasListeners()).toBe(true);
    for (const addListener of stubs) expect(addListener).toHaveBeenCalledTimes(1);

    const sendResponse = vi.fn();
    const [keepOpen] = await onMessage.trigger(
      { type: 'bg/status' },
      { id: 'someone-else', url: 'https://evil.example/' },
      sendResponse,
    );
    expect(keepOpen).toBe(true);
    await vi.waitFor(() =>
      expect(sendResponse).toHaveBeenCalledWith({
        error: { code: 'forbidden-sender', message: expect.stringContaining('only Crosswalk') },
      }),
    );
  });
});
