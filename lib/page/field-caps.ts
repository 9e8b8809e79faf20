// Bounds on what a scan may carry, applied in the content script before anything leaves the page, and the
// paging of a scan into bounded replies. A hostile or huge page could otherwise send labels of megabytes, or
// enough fields to pass the 64 MiB message limit (the reply then failed and the panel said "No questions
// found"). Text is cut with an ellipsis; a scan is sent in pages of at most PAGE_BUDGET bytes; fields past the
// frame's total budget are left out and counted, and the background shows that count on the frame.
import type { QuestionField } from './types';

/** Longest text kept per field property: longer than any real questionnaire's, far below a flood. */
export const FIELD_CAPS = { question: 2000, helper: 1000, section: 500, number: 64, value: 20_000 } as const;
export const MAX_OPTIONS = 500;
export const MAX_OPTION_CHARS = 500;
/**
 * Serialized fields one frame's scan may hold in all (~60,000 ordinary questions): past it the rest is counted,
 * not listed. Paging lifts the message limit, so this only bounds the memory the panel spends on one page.
 */
export const FRAME_SCAN_BUDGET = 32 * 1024 * 1024;
/**
 * Serialized fields per reply (~2,000 ordinary questions): small enough that no reply nears the message limit
 * or holds a process for long, and a field is at most ~0.3 MB after the caps, so every page moves forward.
 */
export const PAGE_BUDGET = 1024 * 1024;

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export interface BoundFields {
  fields: QuestionField[];
  /** Serialized size of each kept field, for paging without serializing twice. */
  sizes: number[];
  omitted: number;
}

export function boundFields(fields: readonly QuestionField[], budget = FRAME_SCAN_BUDGET): BoundFields {
  const out: QuestionField[] = [];
  const sizes: number[] = [];
  let total = 0;
  for (const f of fields) {
    const g: QuestionField = { ...f };
    for (const k of Object.keys(FIELD_CAPS) as (keyof typeof FIELD_CAPS)[]) {
      const v = g[k];
      if (typeof v === 'string') g[k] = cut(v, FIELD_CAPS[k]);
    }
    if (g.options) g.options = g.options.slice(0, MAX_OPTIONS).map((o) => cut(o, MAX_OPTION_CHARS));
    const size = JSON.stringify(g).length;
    total += size;
    if (total > budget) return { fields: out, sizes, omitted: fields.length - out.length };
    out.push(g);
    sizes.push(size);
  }
  return { fields: out, sizes, omitted: 0 };
}

/** The fields from `from` on that fit in `budget` (always at least one), and where the next page starts. */
export function pageOf<T>(
  items: readonly T[],
  sizes: readonly number[],
  from: number,
  budget = PAGE_BUDGET,
): { items: T[]; next: number | null } {
  let end = from;
  let size = 0;
  while (end < items.length && (end === from || size + sizes[end]! <= budget)) size += sizes[end++]!;
  return { items: items.slice(from, end), next: end < items.length ? end : null };
}

/** One page of a held scan; `cursor` asks for the next page and is absent on the last. */
export interface Page<T> {
  items: T[];
  cursor?: string;
}

/**
 * Holds the latest scan between the pages of its reply (in the content script per frame, in the background per
 * tab). A cursor names the scan and the next position ("<scan>:<from>"), so a page of an older scan is refused
 * rather than mixed into a newer one. The scan is let go once its last page is sent.
 */
export class Pager<T> {
  private held: { id: string; items: T[]; sizes: number[] } | undefined;

  constructor(private readonly budget = PAGE_BUDGET) {}

  /** Hold a new scan (replacing the last one) and return its first page. */
  start(items: T[], sizes: number[]): Page<T> {
    this.held = { id: Math.random().toString(36).slice(2, 10), items, sizes };
    return this.page(0);
  }

  /** The page `cursor` names, or null when it belongs to a scan this pager no longer holds. */
  more(cursor: string): Page<T> | null {
    const held = this.held;
    const at = cursor.lastIndexOf(':');
    const from = Number(cursor.slice(at + 1));
    if (!held || at < 0 || cursor.slice(0, at) !== held.id) return null;
    if (!Number.isInteger(from) || from < 0 || from > held.items.length) return null;
    return this.page(from);
  }

  private page(from: number): Page<T> {
    const held = this.held!;
    const { items, next } = pageOf(held.items, held.sizes, from, this.budget);
    if (next === null) this.held = undefined;
    return next === null ? { items } : { items, cursor: `${held.id}:${next}` };
  }
}
