// Upload questions: a file input is often hidden inside the zone a person clicks or drops files on.
import { attr, composedParent } from './dom';

/** The clickable zone around a file input (react-dropzone's root: role=presentation or button, tabindex). */
export function fileZone(input: Element): Element | null {
  for (let a = composedParent(input), n = 0; a && n < 3; a = composedParent(a), n++) {
    if (a.tagName === 'LABEL') return null;
    if (a.hasAttribute('tabindex') || /^(button|presentation|group)$/.test(attr(a, 'role'))) return a;
  }
  return null;
}

/** The names of the files a file input holds ("; "-joined, the QuestionField.value form). */
export const fileNames = (el: Element): string =>
  [...((el as HTMLInputElement).files ?? [])].map((f) => f.name).join('; ');
