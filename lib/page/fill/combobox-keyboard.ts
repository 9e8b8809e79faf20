// Choosing a combobox option with the keyboard, for popups that do not render every option: virtual lists
// (Ant Design / rc-select, react-window menus) keep only a window of rows in the DOM, and a read-only
// combobox cannot be typed into to filter. The ARIA combobox pattern (APG) gives a generic way through:
// ArrowDown moves aria-activedescendant along the options, Enter chooses the active one.
import { byId } from '../dom';
import { canonical } from '../text';
import { nextTask, press, sleep } from './events';
import { optionName } from '../values';

/** The label of the option the combobox marks active, or null when it marks none. */
function activeOption(el: Element): { id: string; text: string } | null {
  const id = el.getAttribute('aria-activedescendant');
  if (!id) return null;
  const opt = byId(el, id);
  if (!opt) return null;
  return { id, text: optionName(opt) };
}

/**
 * With the popup open, walk the options with ArrowDown until the active one reads exactly `value`, then
 * press Enter. Only an exact (canonical) match is chosen: walking past fuzzy look-alikes is safer than
 * picking one. Returns false when the widget exposes no active option or the walk wraps around.
 */
export async function chooseByKeyboard(el: HTMLElement, value: string, limit = 1000): Promise<boolean> {
  const want = canonical(value);
  if (!want) return false;
  const seen = new Set<string>();
  for (let n = 0; n < limit; n++) {
    const active = activeOption(el);
    if (active && canonical(active.text) === want) {
      press(el, 'Enter');
      await sleep(0);
      return true;
    }
    if (active) {
      const key = `${active.id}\u0000${active.text}`;
      if (seen.has(key)) return false; // wrapped around without finding it
      seen.add(key);
    } else if (n > 1) return false; // ArrowDown does not drive aria-activedescendant here
    press(el, 'ArrowDown');
    await nextTask();
  }
  return false;
}
