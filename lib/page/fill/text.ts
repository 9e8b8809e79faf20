// Text inputs and textareas: prototype value setter (React's tracker cannot swallow it), input + change,
// then blur for validate-on-blur forms; execCommand('insertText') as the fallback path (notes §2.3).
import { blur, fireChange, fireInput, focus, winOf, nextTask } from './events';
import { done, fail, type ExecCommand, type WriteOutcome } from './types';
import * as ERR from '../errors';

export function setNativeValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  const win = winOf(el);
  const proto =
    el.tagName === 'TEXTAREA'
      ? win.HTMLTextAreaElement.prototype
      : el.tagName === 'SELECT'
        ? win.HTMLSelectElement.prototype
        : win.HTMLInputElement.prototype;
  const desc = Object.getOwnPropertyDescriptor(proto, 'value');
  if (desc?.set) desc.set.call(el, value);
  else el.value = value;
}

export async function writeText(el: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<WriteOutcome> {
  const limit = el.maxLength > 0 ? el.maxLength : Infinity;
  const target = value.length > limit ? value.slice(0, limit) : value;
  if (el.value === target && value.length <= limit) return done(el.value);
  focus(el);
  setNativeValue(el, target);
  fireInput(el, target);
  fireChange(el);
  blur(el);
  await nextTask();
  if (el.value !== target) {
    // A framework reverted the write: go through the browser's editing pipeline instead.
    focus(el, true);
    el.select();
    const doc = el.ownerDocument;
    const exec = (doc as { execCommand?: ExecCommand }).execCommand;
    if (typeof exec === 'function') exec.call(doc, 'insertText', false, target);
    blur(el);
    await nextTask();
  }
  const read = el.value;
  if (read !== target) return fail(read, ERR.notKept(read.slice(0, 60), target.slice(0, 60)));
  if (target !== value) return fail(read, ERR.tooLong(value.length, limit));
  return done(read);
}
