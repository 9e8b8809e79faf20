// Rich-text and contenteditable answers (ARIA grid cells, CKEditor/ProseMirror/Lexical): select the
// contents and insertText through the browser's editing pipeline so the editor's model sees it; fall
// back to textContent + an input event where execCommand is missing (notes §2.3.7, supplement §C).
import { blur, fireInput, focus, sleep, winOf, nextTask } from './events';
import { normalize } from '../text';
import { done, fail, type ExecCommand, type WriteOutcome } from './types';
import * as ERR from '../errors';

export const readEditable = (el: Element): string =>
  ((el as HTMLElement).innerText ?? el.textContent ?? '').replace(/\n$/, '');

export async function writeEditable(el: HTMLElement, value: string): Promise<WriteOutcome> {
  const same = (): boolean => normalize(readEditable(el)) === normalize(value);
  if (same()) return done(readEditable(el));
  const win = winOf(el);
  const doc = el.ownerDocument;
  focus(el, true);
  const range = doc.createRange();
  range.selectNodeContents(el);
  const sel = win.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  let inserted: boolean;
  const exec = (doc as { execCommand?: ExecCommand }).execCommand;
  try {
    inserted =
      typeof exec === 'function' &&
      (value === '' ? exec.call(doc, 'delete', false) : exec.call(doc, 'insertText', false, value));
  } catch {
    inserted = false;
  }
  // Editors like Lexical apply execCommand after the current task: read back later, never retry at once.
  await (inserted ? sleep(30) : nextTask());
  if (!same()) {
    el.textContent = value;
    fireInput(el, value);
    await nextTask();
  }
  blur(el);
  const got = readEditable(el);
  return same() ? done(got) : fail(got, ERR.editorRejected);
}
