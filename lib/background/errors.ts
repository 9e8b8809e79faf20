// Background error messages in one place: each says what went wrong and what to do about it.
import { CrosswalkError, errorMessage } from '../errors';

export type BackgroundErrorCode =
  'no-access' | 'bad-content-reply' | 'unknown-fid' | 'bad-reply' | 'bad-request' | 'forbidden-sender';

export class BackgroundError extends CrosswalkError<BackgroundErrorCode> {
  override name = 'BackgroundError';
}

export const errors = {
  noAccess: (cause: unknown) =>
    `Crosswalk cannot read this page yet (${errorMessage(cause)}). ` +
    'Click the Crosswalk toolbar button on the page, or grant the site access in Options > Sites, then scan again.',
  badContentReply: (type: string, detail: string) =>
    `The page answered ${type} with something Crosswalk does not understand (${detail}). Reload the page and scan again.`,
  noFields:
    'No question fields were found on this page. If the questionnaire is inside a frame from another site, open that frame on its own and scan it.',
  unknownFid: (fid: string) => `Field "${fid}" is not from the last scan. Scan the page again, then retry.`,
  frameGone: (frameId: number, cause: unknown) =>
    `Frame ${frameId} did not answer (${errorMessage(cause)}). The page may have navigated: scan again.`,
  crossOriginFrame: (origin: string) =>
    `This part of the page is in a frame from another site (${origin}): grant access to it or open it directly, then scan again.`,
  frameTruncated: (kept: number, omitted: number) =>
    `This part of the page has more fields than one scan can carry: ${kept.toLocaleString('en-US')} listed, ${omitted.toLocaleString('en-US')} left out. Open the questionnaire's sections one at a time (or its frame on its own) and scan each.`,
  scanGone:
    'The rest of this scan is no longer held (the page was scanned again, or the browser restarted Crosswalk in the meantime). Scan again.',
  notReady: (cause: unknown) =>
    `The search index could not be built (${errorMessage(cause)}). Open Options to check the library, then retry.`,
};
