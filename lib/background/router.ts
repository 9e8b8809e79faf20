// The background's message router: validate sender and message, dispatch to one handler per request type,
// and turn every failure into an ErrorResponse value (never a thrown string, never a silent drop).
import { errorInfo } from '../errors';
import {
  BackgroundRequest,
  checkSender,
  parseMessage,
  type BackgroundResponseOf,
  type ErrorResponse,
  type SenderInfo,
} from '../messaging';
import type { BackgroundErrorCode } from './errors';

export type Handlers = {
  [T in BackgroundRequest['type']]: (req: Extract<BackgroundRequest, { type: T }>) => Promise<BackgroundResponseOf<T>>;
};

export interface RouterDeps {
  runtimeId: string;
  extensionOrigin: string;
  handlers: Handlers;
  log?: (reason: string) => void;
}

/** Handle one raw message. Resolves to the response, or to an ErrorResponse naming the cause and the fix. */
export async function route(raw: unknown, sender: SenderInfo, deps: RouterDeps): Promise<unknown> {
  const log = deps.log ?? ((r: string) => console.warn(`[crosswalk] ${r}`));
  const who = checkSender(sender, deps.runtimeId, deps.extensionOrigin);
  if (!who.ok) {
    log(who.reason);
    return refuse('forbidden-sender', who.reason);
  }
  const parsed = parseMessage(BackgroundRequest, raw);
  if (!parsed.ok) {
    log(parsed.reason);
    // Our own pages send these; one the background refuses is a fault in Crosswalk, not in the user's page.
    return refuse(
      'bad-request',
      `${parsed.reason}. Crosswalk sent itself a request it does not accept: reload the extension (Extensions page > Crosswalk > reload), and if this repeats, report it with this message.`,
    );
  }
  const req = parsed.message;
  const handler = deps.handlers[req.type] as (r: BackgroundRequest) => Promise<unknown>;
  try {
    return await handler(req);
  } catch (err) {
    // The handler's code travels with its message, so the page can show (and a test can check) which failure it was.
    const error = errorInfo(err);
    log(`${req.type} failed: [${error.code}] ${error.message}`);
    return { error } satisfies ErrorResponse;
  }
}

function refuse(code: BackgroundErrorCode, message: string): ErrorResponse {
  return { error: { code, message } };
}
