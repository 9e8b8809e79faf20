// Hand-written validation of ContentRequest messages for the content script. The zod schemas in
// lib/messaging.ts are the contract, but zod would add ~450 KB to a bundle budgeted at 60 KB, so this
// guard mirrors them with one small table (test/unit/page/message-guard.test.ts checks it agrees with zod).
import type { ContentRequest, ParseResult } from '../messaging';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrArray = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');

type Key = 'fills' | 'fids' | 'fid' | 'cursor';
// Each field's check and what it expects (for the rejection reason).
const CHECKS: Record<Key, [(v: unknown) => boolean, string]> = {
  fills: [
    (v) =>
      Array.isArray(v) &&
      v.length <= 5000 &&
      v.every((f) => isObj(f) && typeof f.fid === 'string' && typeof f.value === 'string'),
    '<= 5000 {fid, value} strings',
  ],
  fids: [isStrArray, 'an array of strings'],
  fid: [(v) => v === null || typeof v === 'string', 'a string or null'],
  cursor: [(v) => typeof v === 'string' && v.length <= 100, 'a string of <= 100 characters'],
};

// The one field each message type carries ('' = none); a trailing '?' marks it optional.
const FIELDS: Record<ContentRequest['type'], string> = {
  'page/scan': 'cursor?',
  'page/focused': '',
  'page/fill': 'fills',
  'page/undo': 'fids?',
  'page/highlight': 'fid',
  'page/read': 'fids',
};

export function parseContentRequest(raw: unknown): ParseResult<ContentRequest> {
  const type = isObj(raw) && typeof raw.type === 'string' ? raw.type : '(no type)';
  const fail = (problem: string): ParseResult<ContentRequest> => ({
    ok: false,
    reason: `Rejected message ${type}: ${problem}`,
  });
  if (!isObj(raw) || !Object.hasOwn(FIELDS, type))
    return fail(`type: unknown; expected one of ${Object.keys(FIELDS).join(', ')}`);
  // Keep only the known keys, like zod's object parsing does.
  const picked: Record<string, unknown> = { type };
  const spec = FIELDS[type as ContentRequest['type']];
  const k = spec.replace('?', '') as Key;
  const v = raw[k];
  const optional = spec !== k;
  if (spec && !(optional && v === undefined)) {
    const [ok, expected] = CHECKS[k];
    if (!ok(v)) return fail(`${k}: expected ${expected}${optional ? ' or nothing' : ''}`);
    picked[k] = k === 'fills' ? (v as { fid: string; value: string }[]).map(({ fid, value }) => ({ fid, value })) : v;
  }
  return { ok: true, message: picked as ContentRequest };
}
