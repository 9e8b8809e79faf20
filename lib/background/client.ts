// The side panel's and options page's door to the background: typed request in, validated response out.
// An ErrorResponse becomes a thrown Error carrying the background's cause-and-fix message.
import { browser } from 'wxt/browser';
import {
  BackgroundResponse,
  ErrorResponse,
  type BackgroundRequestInput,
  type BackgroundResponseOf,
} from '../messaging';

export async function request<T extends BackgroundRequestInput['type']>(
  message: Extract<BackgroundRequestInput, { type: T }>,
): Promise<BackgroundResponseOf<T>> {
  const raw: unknown = await browser.runtime.sendMessage(message);
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
