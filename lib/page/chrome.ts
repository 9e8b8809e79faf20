// Site chrome is not a question. Portals surround the questionnaire with their own controls: cookie consent,
// "Remember me", paging ("Rows per page"), wizard navigation ("Go to step"), view filters ("Show unanswered
// only"), autosave switches, account settings. A person tells them apart by two things, and so does this:
//   1. Where: outside the questionnaire's region (the smallest container holding nearly all questions that
//      ask the vendor something), or in the same bar as the site's search box.
//   2. What the label does: it sets up the page, the view or the user's own account ("me", "my"; show,
//      hide, sort, filter, jump; per page, density, theme, cookies, notifications, autosave) rather than
//      ask the vendor something (a question mark, "you/your", a request such as "Describe ...").
// The vocabulary below names kinds of setting, not particular labels: it is tested on pages written
// independently of it (test/fixtures/shapes/heldout).
import { composedContains, composedParent, rect } from './dom';
import { normalize } from './text';

const words = (s: string): number => (s ? s.split(' ').length : 0);

/** A request to the vendor: what questionnaires ask. */
const ASKS =
  /\?\s*\*?$|\b(?:you|your|yours)\b|^(?:describe|explain|provide|list|attach|upload|summari[sz]e|outline|state|specify|indicate|identify|detail|name|give|confirm|enter)\b/i;
/** The user speaking of themself, outside an attestation ("I confirm that ..."). */
const FIRST_PERSON = /\b(?:me|my|myself|mine)\b/i;
const ATTESTATION = /^(?:I|We)\b/;
/** Imperatives that act on the page rather than ask: show, hide, sort, filter, jump ... */
const VIEW_VERB =
  /^(?:only\s+)?(?:show|hide|filter|sort|display|view|expand|collapse|jump|go|skip|find|search|switch|toggle|highlight|reduce|enable|disable)\b/i;
/** Settings of the view, the page, the session or the account. */
const SETTING =
  /\b(?:per page|page size|density|layout|theme|(?:dark|light|compact|contrast|focus) mode|high contrast|motion|animations?|zoom|font size|tips|tooltips|auto-?save|save (?:progress|changes|drafts?)|automatically|notifications?|notify|subscribe|newsletter|cookies?|consent|remember|logged in|signed in|sign-?in|profile|avatar|time ?zone|workspace|language|locale|unanswered|answered questions)\b|\bview$/i;

/** Does this label ask the vendor something? */
export const asks = (label: string): boolean => ASKS.test(label);

/**
 * Does this label set up the page, the view or the account instead? Short labels only: a long sentence
 * that happens to mention "automatically" is still a question.
 */
export function setsUp(label: string): boolean {
  const t = normalize(label);
  if (!t || ASKS.test(t)) return false;
  if (FIRST_PERSON.test(t) && !ATTESTATION.test(t)) return true;
  return words(t) <= 8 && (VIEW_VERB.test(t) || SETTING.test(t));
}

/** A filter's options start with "All ..." (All sections, All categories): the select narrows a view. */
export const filterOptions = (options: readonly string[] | undefined): boolean =>
  !!options && options.length > 1 && /^all\b/i.test(options[0] ?? '');

export interface ChromeInput {
  /** The unit's first control. */
  el: Element;
  /** The text chrome is judged by: the question, or a lone checkbox's own label. */
  label: string;
  options?: readonly string[];
}

export interface ChromeContext {
  /** The questionnaire's region, when enough questions ask to tell. */
  region: Element | null;
  /** The bars the site's search boxes and language pickers sit in. */
  bars: Element[];
}

/**
 * Where the questionnaire is, from every question on the page (`items`) and the site's search boxes and
 * language pickers (`searches`, already left out as questions).
 */
export function chromeContext(items: readonly ChromeInput[], searches: readonly Element[]): ChromeContext {
  const asking = items.filter((it) => !setsUp(it.label) && !filterOptions(it.options) && asks(it.label));
  // Ancestors of asking questions, with how many each holds.
  const held = new Map<Element, number>();
  for (const it of asking)
    for (let a = composedParent(it.el); a; a = composedParent(a)) held.set(a, (held.get(a) ?? 0) + 1);
  // The region: the deepest ancestor holding nearly all of them (a stray question elsewhere does not
  // stretch it to the whole page). Needs a few to be meaningful.
  let region: Element | null = null;
  if (asking.length >= 3) {
    const need = Math.ceil(asking.length * 0.9);
    let deepest = -1;
    for (const [a, n] of held) {
      if (n < need) continue;
      let d = 0;
      for (let cur = composedParent(a); cur; cur = composedParent(cur)) d++;
      if (d > deepest) {
        deepest = d;
        region = a;
      }
    }
  }
  // A bar around a search box: climb while the ancestor holds no asking question and stays one row high.
  const barOf = (el: Element): Element | null => {
    let bar: Element | null = null;
    for (let a = composedParent(el); a && !held.has(a); a = composedParent(a)) {
      const h = rect(a).height;
      // Without layout (DOM emulators) there is no telling a bar from a page: no bar.
      if (h === 0 || h > 120) break;
      bar = a;
    }
    return bar;
  };
  return { region, bars: searches.map(barOf).filter((b): b is Element => !!b) };
}

/** Is this control site chrome, given where the questionnaire is? */
export function isChrome(it: ChromeInput, ctx: ChromeContext): boolean {
  if (setsUp(it.label) || filterOptions(it.options)) return true;
  if (asks(it.label)) return false;
  if (ctx.region && !composedContains(ctx.region, it.el)) return true;
  return ctx.bars.some((b) => composedContains(b, it.el));
}
