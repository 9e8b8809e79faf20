// One shape for every error Crosswalk raises or sends: a stable `code` (kebab-case, for programs, tests and bug
// reports) and a `message` that says the cause and the fix (for people). Each lib/*/errors.ts catalogue subclasses
// CrosswalkError with its own code union; rethrows keep what went wrong underneath as `{ cause }`.
// Dependency-free on purpose: the content script uses it too, inside its 60 KB budget.

export class CrosswalkError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'CrosswalkError';
  }
}

/** The code of a failure nobody catalogued (a bug, or a platform error passed through). */
export const UNEXPECTED = 'unexpected';

/** What an error carries across the message protocol (lib/messaging.ts ErrorResponse). */
export interface ErrorInfo {
  code: string;
  message: string;
}

/** The message of anything thrown: an Error's message, or the thrown value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The code of anything thrown: a catalogued error's code, else `unexpected`. */
export function errorCode(error: unknown): string {
  // Read as a plain field, not through instanceof: an error that crossed a boundary (structured clone, another
  // bundle's copy of the class) keeps its code that way too.
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code !== '' ? code : UNEXPECTED;
}

/** The code and message of anything thrown, as the message protocol sends them. */
export function errorInfo(error: unknown): ErrorInfo {
  return { code: errorCode(error), message: errorMessage(error) };
}

/** What the UI shows: the message, then the code a person can quote in a bug report or search for. */
export function describeError(error: unknown): string {
  return `${errorMessage(error)} (error code: ${errorCode(error)})`;
}
