// Every fill/undo error message in one place (the Fuse.js model): each names the cause and the fix.
export const ERR = {
  noOption: (value: string, options: string[]): string => `No option matches "${value}". Options: ${options.slice(0, 20).join(', ')}.`,
  optionDisabled: (label: string): string => `The option "${label}" is disabled on the page; choose another answer.`,
  notKept: (got: string, want: string): string => `The page shows "${got}" instead of "${want}" after the write; set it by hand.`,
  cannotClear: 'This answer cannot be cleared from outside the page; clear it by hand.',
  notBoolean: (value: string, label: string): string => `"${value}" is neither yes nor no for the checkbox "${label}"; answer yes or no.`,
  noPopup: 'The dropdown did not open, so no option could be chosen; choose it by hand.',
  editorRejected: 'The editor did not keep the text (it manages its own content); paste the answer by hand.',
  tooLong: (len: number, limit: number): string => `The answer has ${len} characters but the field takes ${limit}; it was cut. Shorten it and fill again.`,
  unknownFid: (fid: string): string => `No field "${fid}" on this page; rescan the page and retry.`,
  stale: (fid: string): string => `Field "${fid}" left the page (it re-rendered); rescan and retry.`,
  locked: (fid: string): string => `Field "${fid}" is disabled or read-only; Crosswalk never changes such fields.`,
  threw: (error: unknown): string => `The page threw while writing (${error instanceof Error ? error.message : String(error)}); set this field by hand.`,
  nothingToUndo: (fid: string): string => `Nothing to undo for "${fid}": Crosswalk has not filled it, or already undid it.`,
} as const;
