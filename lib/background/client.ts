// The side panel's and options page's door to the background: typed request in, validated response out.
// An ErrorResponse becomes a thrown CrosswalkError carrying the background's code and cause-and-fix message.
import { browser } from 'wxt/browser';
import { CrosswalkError } from '../errors';
import type { Citations, MatchResult, QuestionInput } from '../match';
import { unpackMatches } from './match-wire';
import { BackgroundError } from './errors';
import {
  BackgroundResponse,
  ErrorResponse,
  type BackgroundRequestInput,
  type BackgroundResponseOf,
  type QuestionnaireContext,
  type ScanResponse,
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
 * Scan a tab and read every page of the reply (bg/scan replies are bounded in size; each names the next page).
 * The result holds all the tab's fields.
 */
export async function scanInPages(tabId: number, signal?: AbortSignal): Promise<ScanResponse> {
  const opts = signal ? { signal } : {};
  const first = await request({ type: 'bg/scan', tabId }, opts);
  const fields = [...first.fields];
  let cursor = first.cursor;
  while (cursor) {
    const next = await request({ type: 'bg/scan', tabId, cursor }, opts);
    fields.push(...next.fields);
    cursor = next.cursor;
  }
  const { cursor: _last, ...rest } = first;
  return { ...rest, fields };
}

/**
 * Questions per bg/match request, at most. A reply carries ~16 KB per question (suggestions with citations in every
 * framework), and extension messages stop at 64 MiB: 5,000 questions in one reply failed. Pages of 100 keep each
 * reply near 2 MB whatever the page holds.
 */
export const MATCH_PAGE = 100;
/**
 * The first request's size: its answers are on screen after ~10 questions' matching instead of 100 (about a second
 * on a busy machine). Each next page doubles up to MATCH_PAGE, so a long questionnaire still goes in few requests.
 */
export const FIRST_MATCH_PAGE = 10;

/** Sizes of the pages `total` questions are matched in: 10, 20, 40, 80, 100, 100, ... */
export function matchPageSizes(total: number): number[] {
  const sizes: number[] = [];
  for (let at = 0, size = FIRST_MATCH_PAGE; at < total; at += size, size = Math.min(size * 2, MATCH_PAGE))
    sizes.push(Math.min(size, total - at));
  return sizes;
}

export interface MatchInPagesOptions {
  /** Sees each page's results as they arrive, in order. */
  onPage?: (results: MatchResult[]) => void;
  signal?: AbortSignal;
  /** The questionnaire asking (its page address): the background answers its repeated questions from memory. */
  questionnaire?: string;
}

/**
 * Match any number of questions in bounded requests, small ones first so the first answers show at once.
 * The next page is asked for before this one is handed on, so the background matches while the caller renders.
 */
export async function matchInPages(
  questions: readonly QuestionInput[],
  context: QuestionnaireContext | undefined,
  opts: MatchInPagesOptions = {},
): Promise<MatchResult[]> {
  const { onPage, signal, questionnaire } = opts;
  // Citations earlier pages brought: the background sends each one once (match-wire.ts).
  const held = new Map<string, Citations>();
  const send = (at: number, size: number) =>
    request(
      {
        type: 'bg/match',
        questions: questions.slice(at, at + size),
        ...(context ? { context } : {}),
        ...(questionnaire ? { questionnaire } : {}),
        ...(held.size ? { known: [...held.keys()] } : {}),
      },
      signal ? { signal } : {},
    );
  const sizes = matchPageSizes(questions.length);
  const all: MatchResult[] = [];
  let at = 0;
  let pending = sizes.length ? send(0, sizes[0]!) : undefined;
  for (let i = 0; pending; i++) {
    const next = at + sizes[i]!;
    const ahead = i + 1 < sizes.length ? send(next, sizes[i + 1]!) : undefined;
    // If this page fails, the one ahead is dropped: its rejection must not go unhandled.
    ahead?.catch(() => undefined);
    const results = unpackMatches(await pending, held);
    all.push(...results);
    onPage?.(results);
    pending = ahead;
    at = next;
  }
  return all;
}
