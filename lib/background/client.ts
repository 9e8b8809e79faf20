// The side panel's and options page's door to the background: typed request in, validated response out.
// An ErrorResponse becomes a thrown Error carrying the background's cause-and-fix message.
import { browser } from 'wxt/browser';
import {
  BackgroundResponse,
  ErrorResponse,
  type BackgroundRequestInput,
  type BackgroundResponseOf,
} from '../messaging';

/**
 * Send one request. With `signal`, a request whose caller has moved on (the panel switched tabs) rejects with the
 * signal's reason instead of resolving: the background's work is not undone, but its answer is never shown.
 */
export async function request<T extends BackgroundRequestInput['type']>(
  message: Extract<BackgroundRequestInput, { type: T }>,
  opts: { signal?: AbortSignal } = {},
): Promise<BackgroundResponseOf<T>> {
  opts.signal?.throwIfAborted();
  const raw: unknown = await browser.runtime.sendMessage(message);
  opts.signal?.throwIfAborted();
  const failed = ErrorResponse.safeParse(raw);
  if (failed.success) throw new Error(failed.data.error);
  const parsed = BackgroundResponse[message.type].safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `The background answered ${message.type} unexpectedly (${parsed.error.issues[0]?.message ?? 'invalid'}). Reload the extension and retry.`,
    );
  }
  return parsed.data as BackgroundResponseOf<T>;
}
