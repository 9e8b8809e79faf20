// What stops "Fill all confident" from taking the answers the matcher is confident about, grouped so the panel
// can say it next to the button in one line each: "18 more need 'NDA in place' - set it". A row joins a
// group only when that one finding is all that holds it (setting NDA would really make it fillable);
// rows held for several reasons are counted apart.
import type { FlagAction, FlagCode } from '../review';
import type { FillDecision } from './types';

export interface HeldGroup {
  /** The one finding holding these rows, or 'several' when rows are held for more than one. */
  code: FlagCode | 'several';
  action?: FlagAction;
  /** The rows (field ids) held, in the order given. */
  ids: string[];
}

export function heldGroups(rows: ReadonlyArray<{ id: string; decision: FillDecision }>): HeldGroup[] {
  const groups = new Map<string, HeldGroup>();
  for (const { id, decision } of rows) {
    if (decision.verdict === 'fill') continue;
    const codes = [...new Set(decision.reasons.filter((r) => r.gate !== 'note').map((r) => r.code))];
    const code = codes.length === 1 ? codes[0]! : 'several';
    let g = groups.get(code);
    if (!g) {
      const action = code === 'several' ? undefined : decision.reasons.find((r) => r.code === code)?.action;
      g = { code, ...(action ? { action } : {}), ids: [] };
      groups.set(code, g);
    }
    g.ids.push(id);
  }
  // Largest first: the line that unblocks the most answers is read first.
  return [...groups.values()].sort((a, b) => b.ids.length - a.ids.length);
}
