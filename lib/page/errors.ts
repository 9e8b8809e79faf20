// Every fill/undo error message in one place (the Fuse.js model): each names the cause and the fix.
// Kept short: they ship in the content script, whose size budget is 40 KB.
const BY_HAND = '; set it by hand.';
export const ERR = {
  noOption: (value: string, options: string[]): string => `No option matches "${value}" (options: ${options.slice(0, 20).join(', ')}); pick one of them.`,
  optionDisabled: (label: string): string => `Option "${label}" is disabled; choose another answer.`,
  notKept: (got: string, want: string): string => `The page shows "${got}", not "${want}", after the write${BY_HAND}`,
  cannotClear: `This answer cannot be cleared from outside the page${BY_HAND}`,
  notBoolean: (value: string, label: string): string => `"${value}" is not yes or no for checkbox "${label}"; answer yes or no.`,
  noPopup: `The dropdown did not open${BY_HAND}`,
  editorRejected: `The editor did not keep the text${BY_HAND}`,
  tooLong: (len: number, limit: number): string => `The field takes ${limit} characters, the answer has ${len}: it was cut; shorten it and fill again.`,
  unknownFid: (fid: string): string => `No field "${fid}" here; rescan the page and retry.`,
  stale: (fid: string): string => `Field "${fid}" left the page; rescan and retry.`,
  locked: (fid: string): string => `Field "${fid}" is disabled or read-only; Crosswalk never changes such fields.`,
  threw: (error: unknown): string => `The page threw while writing (${error instanceof Error ? error.message : String(error)})${BY_HAND}`,
  nothingToUndo: (fid: string): string => `Nothing to undo for "${fid}": not filled by Crosswalk, or already undone.`,
} as const;
