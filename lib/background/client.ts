// The side panel's and options page's door to the background: typed request in, validated response out.
// An ErrorResponse becomes a thrown CrosswalkError carrying the background's code and cause-and-fix message.
import { browser } from 'wxt/browser';
import { CrosswalkError } from '../errors';
import type { MatchResult, QuestionInput } from '../match/types';
import { BackgroundError } from './errors';
import {
  BackgroundResponse,
  ErrorResponse,
  type BackgroundRequestInput,
  type BackgroundResponseOf,
  type QuestionnaireContext,
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
  if (failed.success) throw new CrosswalkError(failed.data.error.code, failed.data.error.message);
  const parsed = BackgroundResponse[message.type].safeParse(raw);
  if (!parsed.success) {
    throw new BackgroundError(
      'bad-reply',
      `The background answered ${message.type} unexpectedly (${parsed.error.issues[0]?.message ?? 'invalid'}). Reload the extension and retry.`,
    );
  }
  return parsed.data as BackgroundResponseOf<T>;
}

/**
 * Questions per bg/match request. A reply carries ~16 KB per question (suggestions with citations in every
 * framework), and extension messages stop at 64 MiB: 5,000 questions in one reply failed. Pages of 100 keep each
 * reply near 2 MB whatever the page holds, and let the panel show answers as they arrive.
 */
export const MATCH_PAGE = 100;

/** Match any number of questions in bounded requests; `onPage` sees each page's results as they arrive. */
export async function matchInPages(
  questions: readonly QuestionInput[],
  context: QuestionnaireContext | undefined,
  onPage?: (results: MatchResult[]) => void,
  signal?: AbortSignal,
): Promise<MatchResult[]> {
  const all: MatchResult[] = [];
  for (let at = 0; at < questions.length; at += MATCH_PAGE) {
    const { results } = await request(
      { type: 'bg/match', questions: questions.slice(at, at + MATCH_PAGE), ...(context ? { context } : {}) },
      signal ? { signal } : {},
    );
    all.push(...results);
    onPage?.(results);
  }
  return all;
}
