// applyFill / undoFill: look the fid up in the page's own map, refuse disabled or stale fields, write with
// the kind's writer, read the value back, and keep what was there before so undo can restore it.
import type { FillResult } from '../types';
import { isDisabled } from '../controls';
import { optionLabel } from '../label';
import { docOf, pageState } from '../state';
import { mount } from '../virtual';
import type { Unit } from '../units';
import { readUnitValue } from '../values';
import { writeChoice } from './choice';
import { writeCombobox, writeMultiCombobox } from './combobox';
import { writeEditable } from './contenteditable';
import { writeSelect } from './select';
import { writeText } from './text';
import { fail, type WriteOutcome } from './types';
import { unitVisibility, visibility } from '../visibility';
import * as ERR from '../errors';

async function write(u: Unit, value: string): Promise<WriteOutcome> {
  const el = u.els[0]!;
  switch (u.ctype) {
    case 'text':
    case 'textarea':
      return writeText(el as HTMLInputElement, value);
    case 'select':
      return writeSelect(el as HTMLSelectElement, value);
    case 'contenteditable':
      return writeEditable(el as HTMLElement, value);
    case 'combobox':
    case 'listbox':
      return u.multi && u.ctype === 'combobox'
        ? writeMultiCombobox(el as HTMLElement, value)
        : writeCombobox(el as HTMLElement, value);
    case 'file':
      // Never: a page cannot be given a file from outside, and Crosswalk would not if it could.
      return fail(readUnitValue(u), ERR.noUpload);
    default: {
      const headers = new Map<Element, string[]>();
      const labels = u.els.map((c) => optionLabel(c, headers));
      return writeChoice(u.kind === 'radio' ? 'radio' : 'checkbox', u.els, labels, value);
    }
  }
}

/** A page handler that throws is reported as this field's failure, never as the whole plan's. */
async function safeWrite(u: Unit, value: string): Promise<WriteOutcome> {
  try {
    return await write(u, value);
  } catch (error) {
    return fail('', ERR.threw(error));
  }
}

function check(u: Unit | undefined, fid: string): string | null {
  if (!u) return ERR.unknownFid(fid);
  if (!u.els.some((c) => c.isConnected)) return ERR.stale(fid);
  if (u.els.every((c) => isDisabled(c, u.ctype))) return ERR.locked(fid);
  // Checked again now, not trusted from the scan: the page may have moved or covered the field since.
  const seen = unitVisibility(u.els, u.ctype, visibility(u.els[0]!.ownerDocument));
  if (seen !== 'ok') return ERR.notVisible(fid, seen);
  return null;
}

/** Nothing was written: the field still shows `value`. */
const refused = (fid: string, value: string, error: string): FillResult => ({
  fid,
  ok: false,
  value,
  previous: value,
  error,
});

/** Fill one field (question or paired comment box) and report the value read back from the page. */
export async function applyFill(root: Document | Element, fid: string, value: string): Promise<FillResult> {
  const doc = docOf(root);
  const state = pageState(doc);
  // A virtual list's row scrolled away: bring it into view (and into the DOM) first.
  await mount(state, doc, fid);
  const u = state.units.get(fid);
  const problem = check(u, fid);
  if (problem || !u) return refused(fid, u ? readUnitValue(u) : '', problem ?? ERR.unknownFid(fid));
  const previous = readUnitValue(u);
  const out = await safeWrite(u, value);
  const now = readUnitValue(u);
  // Keep the oldest "before" value so several fills in a row still undo to the user's own answer.
  if (now !== previous && !state.undo.has(fid)) state.undo.set(fid, { previous });
  return { fid, ok: out.ok, value: now, previous, ...(out.error ? { error: out.error } : {}) };
}

/** Put back what the field held before Crosswalk first filled it. */
export async function undoFill(root: Document | Element, fid: string): Promise<FillResult> {
  const state = pageState(docOf(root));
  const u = state.units.get(fid);
  const rec = state.undo.get(fid);
  const current = u ? readUnitValue(u) : '';
  if (!rec) return refused(fid, current, ERR.nothingToUndo(fid));
  const problem = check(u, fid);
  if (problem || !u) return refused(fid, current, problem ?? ERR.unknownFid(fid));
  const out = await safeWrite(u, rec.previous);
  const now = readUnitValue(u);
  const ok = out.ok && now === rec.previous;
  if (ok) state.undo.delete(fid);
  return {
    fid,
    ok,
    value: now,
    previous: current,
    ...(ok ? {} : { error: out.error ?? ERR.notKept(now, rec.previous) }),
  };
}

/** Fids with a pending undo. */
export const undoableFids = (root: Document | Element): string[] => [...pageState(docOf(root)).undo.keys()];

/** The fid of the scanned field that holds keyboard focus (through shadow roots), or null. */
export function focusedFid(root: Document | Element): string | null {
  const doc = docOf(root);
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!active) return null;
  for (const [fid, u] of pageState(doc).units) if (u.els.some((c) => c === active || c.contains(active))) return fid;
  return null;
}

/** Current values of the given fields (for page/read). */
export function readFields(root: Document | Element, fids: string[]): Record<string, string> {
  const state = pageState(docOf(root));
  const out: Record<string, string> = {};
  for (const fid of fids) {
    const u = state.units.get(fid);
    if (u && u.els.some((c) => c.isConnected)) out[fid] = readUnitValue(u);
  }
  return out;
}
