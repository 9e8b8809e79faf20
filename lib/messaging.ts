// The one message protocol between the extension's parts. Every message is a zod-validated object
// with a `type`; receivers parse with `parseMessage` and reject anything unknown or malformed.
// Owner: the extension issue extends this with background requests; the content-script part below
// is the contract lib/page's content script implements.
import { z } from 'zod';
import { Citations, MatchResult, QuestionInput, Suggestion } from './match';
import { FillResult, QuestionField } from './page';

// ---- side panel / background -> content script (per tab, per frame) ----
/** Without a cursor: scan the frame now. With one: the next page of that scan (replies are paged by size). */
export const PageScan = z.object({ type: z.literal('page/scan'), cursor: z.string().max(100).optional() });
export const PageFill = z.object({
  type: z.literal('page/fill'),
  fills: z.array(z.object({ fid: z.string(), value: z.string() })).max(5000),
});
export const PageUndo = z.object({ type: z.literal('page/undo'), fids: z.array(z.string()).optional() });
export const PageHighlight = z.object({ type: z.literal('page/highlight'), fid: z.string().nullable() });
export const PageRead = z.object({ type: z.literal('page/read'), fids: z.array(z.string()) });
/** Which scanned field has keyboard focus in this frame (for the fill-focused command). Added by the extension issue. */
export const PageFocused = z.object({ type: z.literal('page/focused') });

export const ContentRequest = z.discriminatedUnion('type', [
  PageScan,
  PageFill,
  PageUndo,
  PageHighlight,
  PageRead,
  PageFocused,
]);
export type ContentRequest = z.infer<typeof ContentRequest>;

export const ContentResponse = {
  'page/scan': z.object({
    url: z.string(),
    title: z.string(),
    /** One page of the scan's fields (lib/page/field-caps.ts PAGE_BUDGET). */
    fields: z.array(QuestionField),
    /** Fields the whole scan holds, over all pages. */
    total: z.number().int().nonnegative(),
    /** Ask page/scan with this for the next page; absent on the last page. */
    cursor: z.string().optional(),
    /** Fields left out because the frame's scan reached its size budget (FRAME_SCAN_BUDGET). */
    omitted: z.number().int().nonnegative().optional(),
  }),
  'page/fill': z.object({ results: z.array(FillResult) }),
  'page/undo': z.object({ results: z.array(FillResult) }),
  'page/highlight': z.object({ ok: z.boolean() }),
  'page/read': z.object({ values: z.record(z.string(), z.string()) }),
  'page/focused': z.object({ fid: z.string().nullable() }),
} satisfies Record<ContentRequest['type'], z.ZodType>;
export type ContentResponseOf<T extends ContentRequest['type']> = z.infer<(typeof ContentResponse)[T]>;

/**
 * Errors travel as values, never as thrown strings: a code (lib/errors, for programs and bug reports) and a
 * message with the cause and the fix. The receiver rethrows them as a CrosswalkError with the same code.
 */
export const ErrorResponse = z.object({
  error: z.object({ code: z.string().min(1).max(100), message: z.string().max(10_000) }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

export type ParseResult<T> = { ok: true; message: T } | { ok: false; reason: string };

/** Validate an incoming message against a union schema; the reason names the offending path. */
export function parseMessage<T>(schema: z.ZodType<T>, raw: unknown): ParseResult<T> {
  const res = schema.safeParse(raw);
  if (res.success) return { ok: true, message: res.data };
  const issue = res.error.issues[0];
  const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String(raw.type) : '(no type)';
  return {
    ok: false,
    reason: `Rejected message ${type}: ${issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid'}`,
  };
}

// ---- extension pages (side panel, options) -> background ----
// Content scripts never send these: the background accepts them only from this extension's own pages.

const TabId = z.number().int().nonnegative();

/** What the user declared about the questionnaire at hand; matching checks reuse against it. */
export const QuestionnaireContext = z.object({
  name: z.string().max(200).default(''),
  recipient: z.string().max(200).default(''),
  /** "NDA in place" with the recipient: answers cleared for NDA recipients may go to them (review checks). */
  nda: z.boolean().default(false),
  scope: z
    .object({
      services: z.array(z.string().max(100)).max(50).default([]),
      environments: z.array(z.string().max(100)).max(50).default([]),
      regions: z.array(z.string().max(100)).max(50).default([]),
      dataTypes: z.array(z.string().max(100)).max(50).default([]),
    })
    .default({ services: [], environments: [], regions: [], dataTypes: [] }),
});
export type QuestionnaireContext = z.infer<typeof QuestionnaireContext>;

/** One planned write: the provenance (entry id + version) travels with the value. */
export const FillPlanItem = z.object({
  fid: z.string().min(1),
  value: z.string().max(20_000),
  entryId: z.string().optional(),
  version: z.number().int().positive().optional(),
});
export type FillPlanItem = z.infer<typeof FillPlanItem>;

/** Without a cursor: scan the tab now. With one: the next page of that scan (client.ts scanInPages). */
export const BgScan = z.object({ type: z.literal('bg/scan'), tabId: TabId, cursor: z.string().max(100).optional() });
export const BgMatch = z.object({
  type: z.literal('bg/match'),
  /** One page of questions (lib/background/client.ts matchInPages sends at most 100 at a time), so replies stay small. */
  questions: z.array(QuestionInput).max(500),
  context: QuestionnaireContext.optional(),
  /** The questionnaire asking (its page address): the background keeps its results for asking again. */
  questionnaire: z.string().max(4096).optional(),
  /** Citations the asker already holds from earlier pages (citationKey: "entry@version"): not sent again. */
  known: z.array(z.string().max(300)).max(100_000).optional(),
});
export const BgFill = z.object({ type: z.literal('bg/fill'), tabId: TabId, plan: z.array(FillPlanItem).max(5000) });
export const BgUndo = z.object({ type: z.literal('bg/undo'), tabId: TabId, fids: z.array(z.string()).optional() });
export const BgHighlight = z.object({ type: z.literal('bg/highlight'), tabId: TabId, fid: z.string().nullable() });
export const BgRead = z.object({ type: z.literal('bg/read'), tabId: TabId, fids: z.array(z.string()).max(5000) });
export const BgSearch = z.object({
  type: z.literal('bg/search'),
  query: z.string().min(1).max(2000),
  limit: z.number().int().min(1).max(50).default(10),
  context: QuestionnaireContext.optional(),
});
export const BgStatus = z.object({ type: z.literal('bg/status') });
/** Ask the background to catch up with library changes now (it also does so on its own). */
export const BgSync = z.object({ type: z.literal('bg/sync') });
/**
 * Watch the tab for a new set of questions (a wizard's next step): each frame connects a `page-watch` port to the
 * panel and posts `PageChanged` notes while the panel listens (lib/background/page-watch.ts).
 */
export const BgWatch = z.object({ type: z.literal('bg/watch'), tabId: TabId });
/** A frame's note on its page-watch port: form controls came or went, between `first` and `last` (epoch ms). */
export const PageChanged = z.object({ type: z.literal('page/changed'), first: z.number(), last: z.number() });
export type PageChanged = z.infer<typeof PageChanged>;

export const BackgroundRequest = z.discriminatedUnion('type', [
  BgScan,
  BgMatch,
  BgFill,
  BgUndo,
  BgHighlight,
  BgRead,
  BgSearch,
  BgStatus,
  BgSync,
  BgWatch,
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;
export type BackgroundRequestInput = z.input<typeof BackgroundRequest>;

export const IndexStatus = z.object({
  entries: z.number().int(),
  evidence: z.number().int(),
  /** Library change sequence the index reflects. */
  seq: z.number().int(),
  /** 'cache' = loaded from the persisted index on a cold start; 'library' = built from the library. */
  builtFrom: z.enum(['cache', 'library']),
  builtAt: z.string(),
  /** Incremental updates applied since the last full build. */
  updates: z.number().int(),
  /** Library change sequence of the index saved for the next cold start; absent until one is saved. */
  savedSeq: z.number().int().optional(),
});
export type IndexStatus = z.infer<typeof IndexStatus>;

export const ScanResponse = z.object({
  url: z.string(),
  title: z.string(),
  /** One page of the tab's fields in page order; `cursor` asks for the next page, absent on the last. */
  fields: z.array(QuestionField),
  total: z.number().int().nonnegative(),
  cursor: z.string().optional(),
  /** Frames that answered, and frames that could not be read (with why). */
  frames: z.array(
    z.object({
      /** -1 for a frame Crosswalk could not enter (another site's frame without access). */
      frameId: z.number().int(),
      url: z.string(),
      fields: z.number().int(),
      error: z.string().optional(),
      /** Origin pattern to request access to, for a frame from another site ("https://forms.example.com/*"). */
      grant: z.string().optional(),
    }),
  ),
});
export type ScanResponse = z.infer<typeof ScanResponse>;

/**
 * One page of match results as it travels: a suggestion's citations (entry, evidence, controls in every framework:
 * ~70% of a result) depend only on the entry's version, and the same entries answer question after question, so
 * each is sent once, in `citations` under its citationKey, and only when the asker does not hold it yet
 * (lib/background/match-wire.ts packs and unpacks).
 */
export const MatchPage = z.object({
  results: z.array(MatchResult.extend({ suggestions: z.array(Suggestion.omit({ citations: true })) })),
  citations: z.record(z.string(), Citations),
  /** The index's generation: citation keys name it, so an edit between two pages never reuses an older citation. */
  generation: z.number().int(),
});
export type MatchPage = z.infer<typeof MatchPage>;

export const BackgroundResponse = {
  'bg/scan': ScanResponse,
  'bg/match': MatchPage,
  'bg/fill': z.object({ results: z.array(FillResult) }),
  'bg/undo': z.object({ results: z.array(FillResult) }),
  'bg/highlight': z.object({ ok: z.boolean() }),
  'bg/read': z.object({ values: z.record(z.string(), z.string()) }),
  'bg/search': z.object({ suggestions: z.array(Suggestion) }),
  'bg/status': IndexStatus,
  'bg/sync': IndexStatus,
  'bg/watch': z.object({ frames: z.number().int().nonnegative() }),
} satisfies Record<BackgroundRequest['type'], z.ZodType>;
export type BackgroundResponseOf<T extends BackgroundRequest['type']> = z.infer<(typeof BackgroundResponse)[T]>;

/** The parts of runtime.MessageSender the checks below need. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
  frameId?: number;
}

/**
 * Only this extension may talk to the background: `sender.id` must be ours (other extensions and web pages
 * through externally_connectable are refused), and background requests must come from an extension page,
 * not a content script, because a content script shares its renderer with an untrusted page.
 */
export function checkSender(
  sender: SenderInfo,
  runtimeId: string,
  extensionOrigin: string,
): { ok: true } | { ok: false; reason: string } {
  if (sender.id !== runtimeId)
    return {
      ok: false,
      reason: `Rejected message from ${sender.id ?? 'an unknown sender'}: only Crosswalk's own pages may send requests.`,
    };
  const origin = extensionOrigin.replace(/\/+$/, '');
  if (!sender.url || !(sender.url === origin || sender.url.startsWith(`${origin}/`))) {
    return {
      ok: false,
      reason: `Rejected message from ${sender.url ?? 'a content script'}: background requests come only from the side panel or options page.`,
    };
  }
  return { ok: true };
}
