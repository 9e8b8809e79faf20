// Every fill/undo error message in one place (the Fuse.js model): each names the cause and the fix.
// Kept short: they ship in the content script, whose size budget is 60 KB. Separate exports (imported as
// `* as ERR`) so the minifier can shorten their names.
import { errorMessage } from '../errors';

const BY_HAND = '; set it by hand.';
export const noOption = (value: string, options: string[]): string =>
  `No option matches "${value}" (options: ${options.slice(0, 20).join(', ')}); pick one of them.`;
export const optionDisabled = (label: string): string => `Option "${label}" is disabled; choose another.`;
export const notKept = (got: string, want: string): string => `The page shows "${got}", not "${want}"${BY_HAND}`;
export const cannotClear = `Cannot clear this from outside the page${BY_HAND}`;
export const notBoolean = (value: string, label: string): string =>
  `Checkbox "${label}" takes yes or no, not "${value}"; answer yes or no.`;
export const noPopup = `The dropdown did not open${BY_HAND}`;
export const editorRejected = `The editor did not keep the text${BY_HAND}`;
export const tooLong = (len: number, limit: number): string =>
  `The field takes ${limit} characters, not ${len}: cut; shorten and refill.`;
export const unknownFid = (fid: string): string => `No field "${fid}" here; rescan and retry.`;
export const stale = (fid: string): string => `Field "${fid}" left the page; rescan and retry.`;
export const locked = (fid: string): string => `Field "${fid}" is disabled or read-only; Crosswalk leaves it alone.`;
export const threw = (error: unknown): string => `The page threw while writing (${errorMessage(error)})${BY_HAND}`;
export const nothingToUndo = (fid: string): string =>
  `Nothing to undo for "${fid}": not filled by Crosswalk, or already undone.`;
export const notVisible = (fid: string, why: 'covered' | 'hidden'): string =>
  `Field "${fid}" is ${why === 'covered' ? 'covered by something else on the page' : 'not visible'}: Crosswalk fills only what you can see; ${why === 'covered' ? 'close what covers it, rescan and retry' : 'show it, rescan and retry'}.`;
export const noUpload = `Crosswalk never uploads files: attach the evidence document yourself (the panel names it), then fill the comment.`;
