// Hand-written validation of ContentRequest messages for the content script. The zod schemas in
// lib/messaging.ts are the contract, but zod would add ~450 KB to a bundle budgeted at 40 KB, so this
// guard mirrors them field by field (test/unit/page/message-guard.test.ts checks it agrees with zod).
import type { ContentRequest, ParseResult } from '../messaging';

const MAX_FILLS = 5000;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

const FIELDS: Record<ContentRequest['type'], (m: Record<string, unknown>) => string | null> = {
  'page/scan': () => null,
  'page/focused': () => null,
  'page/fill': (m) =>
    !Array.isArray(m.fills) || m.fills.length > MAX_FILLS || !m.fills.every((f) => isObj(f) && typeof f.fid === 'string' && typeof f.value === 'string')
      ? `fills: expected <= ${MAX_FILLS} {fid, value} strings`
      : null,
  'page/undo': (m) => (m.fids === undefined || isStrArray(m.fids) ? null : 'fids: expected an array of strings or nothing'),
  'page/highlight': (m) => (m.fid === null || typeof m.fid === 'string' ? null : 'fid: expected a string or null'),
  'page/read': (m) => (isStrArray(m.fids) ? null : 'fids: expected an array of strings'),
};

export function parseContentRequest(raw: unknown): ParseResult<ContentRequest> {
  const type = isObj(raw) && typeof raw.type === 'string' ? raw.type : '(no type)';
  const check = isObj(raw) && Object.hasOwn(FIELDS, type) ? FIELDS[type as ContentRequest['type']] : undefined;
  const problem = check ? check(raw as Record<string, unknown>) : `type: unknown; expected one of ${Object.keys(FIELDS).join(', ')}`;
  if (problem) return { ok: false, reason: `Rejected message ${type}: ${problem}` };
  // Keep only the known keys, like zod's object parsing does.
  const m = raw as Record<string, unknown>;
  const picked: Record<string, unknown> = { type };
  for (const k of ['fills', 'fids', 'fid']) if (k in m && m[k] !== undefined) picked[k] = k === 'fills' ? (m.fills as { fid: string; value: string }[]).map(({ fid, value }) => ({ fid, value })) : m[k];
  return { ok: true, message: picked as ContentRequest };
}
