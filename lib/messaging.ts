// The one message protocol between the extension's parts. Every message is a zod-validated object
// with a `type`; receivers parse with `parseMessage` and reject anything unknown or malformed.
// Owner: the extension issue extends this with background requests; the content-script part below
// is the contract lib/page's content script implements.
import { z } from 'zod';
import { FillResult, QuestionField } from './page/types';

// ---- side panel / background -> content script (per tab, per frame) ----
export const PageScan = z.object({ type: z.literal('page/scan') });
export const PageFill = z.object({
  type: z.literal('page/fill'),
  fills: z.array(z.object({ fid: z.string(), value: z.string() })).max(5000),
});
export const PageUndo = z.object({ type: z.literal('page/undo'), fids: z.array(z.string()).optional() });
export const PageHighlight = z.object({ type: z.literal('page/highlight'), fid: z.string().nullable() });
export const PageRead = z.object({ type: z.literal('page/read'), fids: z.array(z.string()) });

export const ContentRequest = z.discriminatedUnion('type', [PageScan, PageFill, PageUndo, PageHighlight, PageRead]);
export type ContentRequest = z.infer<typeof ContentRequest>;

export const ContentResponse = {
  'page/scan': z.object({ url: z.string(), title: z.string(), fields: z.array(QuestionField) }),
  'page/fill': z.object({ results: z.array(FillResult) }),
  'page/undo': z.object({ results: z.array(FillResult) }),
  'page/highlight': z.object({ ok: z.boolean() }),
  'page/read': z.object({ values: z.record(z.string(), z.string()) }),
} satisfies Record<ContentRequest['type'], z.ZodType>;
export type ContentResponseOf<T extends ContentRequest['type']> = z.infer<(typeof ContentResponse)[T]>;

/** Errors travel as values, never as thrown strings. */
export const ErrorResponse = z.object({ error: z.string() });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

export type ParseResult<T> = { ok: true; message: T } | { ok: false; reason: string };

/** Validate an incoming message against a union schema; the reason names the offending path. */
export function parseMessage<T>(schema: z.ZodType<T>, raw: unknown): ParseResult<T> {
  const res = schema.safeParse(raw);
  if (res.success) return { ok: true, message: res.data };
  const issue = res.error.issues[0];
  const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String((raw as { type: unknown }).type) : '(no type)';
  return { ok: false, reason: `Rejected message ${type}: ${issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid'}` };
}
