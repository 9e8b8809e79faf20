// What each writer reports: the value read back from the page, never a claim.
export interface WriteOutcome {
  ok: boolean;
  value: string;
  error?: string;
}

/** A successful write reading back `value` (helpers: these literals repeat in every writer). */
export const done = (value: string): WriteOutcome => ({ ok: true, value });

/** A refused or failed write: what the page shows now, and why (cause + fix). */
export const fail = (value: string, error: string): WriteOutcome => ({ ok: false, value, error });

/** document.execCommand, read off the document so pages (and DOM shims) without it are detected, called with `.call(doc)`. */
export type ExecCommand = (this: Document, command: string, showUI?: boolean, value?: string) => boolean;
