// Bounds on what one scan reply may carry, applied in the content script before anything leaves the page.
// A hostile or huge page could otherwise send labels of megabytes, or enough fields to pass the 64 MiB message
// limit (the reply then failed and the panel said "No questions found"). Text is cut with an ellipsis; fields
// past the byte budget are left out and counted, and the background shows that count on the frame.
import type { QuestionField } from './types';

/** Longest text kept per field property: longer than any real questionnaire's, far below a flood. */
export const FIELD_CAPS = { question: 2000, helper: 1000, section: 500, number: 64, value: 20_000 } as const;
export const MAX_OPTIONS = 500;
export const MAX_OPTION_CHARS = 500;
/** Serialized size one frame's reply may reach; several frames together stay well under 64 MiB. */
export const FRAME_REPLY_BUDGET = 8 * 1024 * 1024;

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function boundFields(fields: readonly QuestionField[]): { fields: QuestionField[]; omitted: number } {
  const out: QuestionField[] = [];
  let size = 0;
  for (const f of fields) {
    const g: QuestionField = { ...f };
    for (const k of Object.keys(FIELD_CAPS) as (keyof typeof FIELD_CAPS)[]) {
      const v = g[k];
      if (typeof v === 'string') g[k] = cut(v, FIELD_CAPS[k]);
    }
    if (g.options) g.options = g.options.slice(0, MAX_OPTIONS).map((o) => cut(o, MAX_OPTION_CHARS));
    size += JSON.stringify(g).length;
    if (size > FRAME_REPLY_BUDGET) return { fields: out, omitted: fields.length - out.length };
    out.push(g);
  }
  return { fields: out, omitted: 0 };
}
