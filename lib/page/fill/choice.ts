// Radio and checkbox groups, native or ARIA (Google Forms-style divs): click like a person would. Native
// inputs toggle themselves and fire input+change (React listens to click); ARIA widgets get the full
// pointer sequence. Verified through checked / aria-checked afterwards.
import { fireChange, fireInput, nativeClick, pointerClick, nextTask } from './events';
import { isOn } from '../values';
import { matchOption, splitMulti, truthy } from '../text';
import { done, fail, type WriteOutcome } from './types';
import * as ERR from '../errors';
import { attr } from '../dom';

function toggle(el: Element): void {
  if (el.tagName === 'INPUT') nativeClick(el);
  else pointerClick(el);
}

const optionDisabled = (el: Element): boolean =>
  (el as HTMLInputElement).disabled === true || attr(el, 'aria-disabled') === 'true';

function read(controls: Element[], labels: string[]): string {
  return controls
    .map((c, i) => (isOn(c) ? labels[i] : null))
    .filter((x): x is string => x !== null)
    .join('; ');
}

export async function writeChoice(
  kind: 'radio' | 'checkbox',
  controls: Element[],
  labels: string[],
  value: string,
): Promise<WriteOutcome> {
  const want = new Set<number>();
  if (kind === 'checkbox' && controls.length === 1) {
    const t = truthy(value, labels[0]);
    if (t === undefined) return fail(read(controls, labels), ERR.notBoolean(value, labels[0] ?? ''));
    if (t) want.add(0);
  } else {
    const parts = kind === 'radio' ? (value.trim() ? [value] : []) : splitMulti(value);
    for (const p of parts) {
      const i = matchOption(labels, p);
      if (i < 0) return fail(read(controls, labels), ERR.noOption(p, labels));
      want.add(i);
    }
  }
  for (const i of want) {
    if (!isOn(controls[i]!) && optionDisabled(controls[i]!))
      return fail(read(controls, labels), ERR.optionDisabled(labels[i] ?? ''));
  }
  if (kind === 'radio' && want.size === 0) {
    // Radios cannot be un-chosen by clicking: clear the native ones through the checked setter (undo only).
    for (const c of controls) {
      if (!isOn(c)) continue;
      if (c.tagName !== 'INPUT') return fail(read(controls, labels), ERR.cannotClear);
      (c as HTMLInputElement).checked = false;
      fireInput(c, null);
      fireChange(c);
    }
  } else {
    // One toggle per task: Vue (el-checkbox-group) and other controlled groups rebuild their model array
    // from the last rendered value, so two clicks in one tick lose the first ("Alarms; CCTV" kept "CCTV").
    let toggled = false;
    for (const [i, c] of controls.entries()) {
      if (isOn(c) === want.has(i) || !(kind === 'checkbox' || want.has(i))) continue;
      if (toggled) await nextTask();
      toggle(c);
      toggled = true;
    }
  }
  await nextTask();
  const got = read(controls, labels);
  const okState = controls.every((c, i) => isOn(c) === want.has(i));
  if (okState) return done(got);
  const expect = [...want].map((i) => labels[i]).join('; ');
  return fail(got, ERR.notKept(got, expect));
}
