// Can a person see this control? Pages plant questions nobody sees (honeypots, or a hostile page harvesting
// answers through "Fill all confident"), so "rendered" is not enough. A control is seen when:
//   1. it is rendered (checkVisibility: display, visibility, content-visibility, opacity 0 on it or above);
//   2. what is left of its box after every ancestor's clipping (overflow hidden/clip, clip-path inset,
//      clip rect) is big enough to read, and the ancestors' opacities multiply to something visible;
//   3. it lies where the document can be scrolled to: not above or left of the page, not parked to the
//      right of the viewport outside any box that starts on screen;
//   4. its text is not transparent (text boxes);
//   5. hit-testing at its centre reaches the control (or its label / its own small widget), not an overlay.
// 1-4 decide whether a control is a question at all (nonQuestionFilter); 5 can change with the page (a
// cookie banner, a modal), so a covered field is still listed but marked not visible, and never filled.
import { CONTROLISH, composedContains, composedParent, hasLayout, rect } from './dom';
import { fileZone } from './file-zone';

interface Box {
  l: number;
  t: number;
  r: number;
  b: number;
}
/** What an element's ancestors do to it: the clip box they leave (null = unclipped), opacity, and whether a
 * scroll container on the way is itself too small to look into. */
interface Ctx {
  clip: Box | null;
  opacity: number;
  ok: boolean;
}

const INSTANT = 'instant' as ScrollBehavior;
const MIN = 6; // px: below this a text box or choice cannot be read or clicked
const INF: Ctx = { clip: null, opacity: 1, ok: true };

type Win = Window & typeof globalThis;
const winOf = (el: Element): Win | null => el.ownerDocument?.defaultView ?? null;

/** Parent in the flat tree (slotted elements are laid out inside their slot). */
const flatParent = (el: Element): Element | null => (el as HTMLElement).assignedSlot ?? composedParent(el);

const rectBox = (r: DOMRect): Box => ({ l: r.left, t: r.top, r: r.right, b: r.bottom });
const meet = (a: Box | null, b: Box): Box =>
  a ? { l: Math.max(a.l, b.l), t: Math.max(a.t, b.t), r: Math.min(a.r, b.r), b: Math.min(a.b, b.b) } : b;
const big = (b: Box, min = MIN): boolean => b.r - b.l >= min && b.b - b.t >= min;

/** Lengths in a clip-path inset() / clip rect(): px or % of `size`; 'auto' keeps the edge. */
function len(s: string | undefined, size: number): number {
  if (!s || s === 'auto') return 0;
  const n = parseFloat(s);
  return Number.isNaN(n) ? 0 : s.endsWith('%') ? (n / 100) * size : n;
}

/** The box an element's own clip-path / clip leaves of it (null when it clips nothing we can read). */
function ownClip(s: CSSStyleDeclaration, r: DOMRect): Box | null {
  const path = s.clipPath;
  if (path && path !== 'none') {
    const inset = /^inset\(([^)]*)\)/.exec(path);
    if (inset) {
      const p = inset[1]!
        .split(/\s+round\s+/)[0]!
        .trim()
        .split(/\s+/);
      const [t, rt = p[0], b = p[0], lf = rt] = p;
      return {
        l: r.left + len(lf, r.width),
        t: r.top + len(t, r.height),
        r: r.right - len(rt, r.width),
        b: r.bottom - len(b, r.height),
      };
    }
    // circle(0) / ellipse(0 0) / polygon of one point: nothing shows.
    if (/^(circle|ellipse)\(0(px|%)?[\s)]/.test(path)) return { l: 0, t: 0, r: 0, b: 0 };
  }
  const clip = s.clip;
  if (clip && clip.startsWith('rect(') && (s.position === 'absolute' || s.position === 'fixed')) {
    const [t, rt, b, lf] = clip.slice(5, -1).split(/[\s,]+/);
    return {
      l: r.left + len(lf, r.width),
      t: r.top + len(t, r.height),
      r: rt === 'auto' ? r.right : r.left + len(rt, r.width),
      b: b === 'auto' ? r.bottom : r.top + len(b, r.height),
    };
  }
  return null;
}

const alpha = (color: string): number => {
  if (color === 'transparent') return 0;
  const m = /[,/]\s*([\d.]+%?)\s*\)$/.exec(color);
  if (!m || !/^(rgba|hsla|rgb|hsl|color|oklch|oklab|lab|lch)\(/.test(color)) return 1;
  // rgb(0 0 0) has three numbers and no alpha: only a slash or a fourth comma-separated number is alpha.
  if (!color.includes('/') && color.split(',').length < 4) return 1;
  return m[1]!.endsWith('%') ? parseFloat(m[1]!) / 100 : parseFloat(m[1]!);
};

export interface Visibility {
  /** Rules 1-4: could a person see `el` at all (after scrolling)? `text`: a box whose text must show. */
  seen(el: Element, text?: boolean): boolean;
  /** Rule 5: does a click at the centre of `el` reach it (`own` = elements that count as it)? */
  reachable(el: Element, own: (hit: Element) => boolean): boolean;
  /** Rule 5 for many elements at once (a scan): the same answers, far fewer scrolls. */
  reachableMany(items: readonly { el: Element; own: (hit: Element) => boolean }[]): boolean[];
}

/**
 * One checker per scan or fill: ancestor contexts are cached, since questions share most of their
 * ancestors (a 500-question page reads each ancestor's style once). Without layout (DOM emulators) every
 * rendered element is seen: there is no geometry to judge.
 */
export function visibility(doc: Document): Visibility {
  const layout = hasLayout(doc);
  const cache = new Map<Element, Ctx>();
  const win = doc.defaultView;
  // A frame whose own viewport is a sliver shows nothing (a 1x1 iframe honeypot).
  const tinyFrame = !!win && layout && (win.innerWidth < MIN * 3 || win.innerHeight < MIN * 3);

  /** The context `el` imposes on its descendants. */
  const ctxOf = (el: Element): Ctx => {
    const hit = cache.get(el);
    if (hit) return hit;
    const w = winOf(el);
    const s = w?.getComputedStyle(el);
    const parent = flatParent(el);
    let base = parent ? ctxOf(parent) : INF;
    if (!s) return base;
    if (s.position === 'fixed') base = { ...base, clip: null };
    let clip = base.clip;
    let ok = base.ok;
    // One read for the common case: the shorthand is "visible" when both axes are.
    const both = s.overflow;
    const ox = both === 'visible' ? both : s.overflowX;
    const oy = both === 'visible' ? both : s.overflowY;
    const clips = (o: string): boolean => o === 'hidden' || o === 'clip';
    const scrolls = (o: string): boolean => o === 'auto' || o === 'scroll';
    const needRect = clips(ox) || clips(oy) || scrolls(ox) || scrolls(oy) || s.clipPath !== 'none' || s.clip !== 'auto';
    if (needRect && el !== doc.documentElement && el !== doc.body) {
      const r = rect(el);
      const own = ownClip(s, r);
      if (own) clip = meet(clip, own);
      if (clips(ox) || clips(oy)) {
        const cur = clip ?? { l: -Infinity, t: -Infinity, r: Infinity, b: Infinity };
        clip = {
          l: clips(ox) ? Math.max(cur.l, r.left) : cur.l,
          r: clips(ox) ? Math.min(cur.r, r.right) : cur.r,
          t: clips(oy) ? Math.max(cur.t, r.top) : cur.t,
          b: clips(oy) ? Math.min(cur.b, r.bottom) : cur.b,
        };
      }
      if (scrolls(ox) || scrolls(oy)) {
        // What it holds is reachable by scrolling it, if the scroll container itself can be seen.
        if (!big(meet(clip, rectBox(r)))) ok = false;
        clip = null;
      }
    }
    const ctx: Ctx = { clip, opacity: base.opacity * (parseFloat(s.opacity) || 0), ok };
    cache.set(el, ctx);
    return ctx;
  };

  const rendered = (el: Element, opacity: boolean): boolean => {
    const e = el as Element & { checkVisibility?: (o?: object) => boolean };
    return (
      typeof e.checkVisibility !== 'function' ||
      e.checkVisibility({ visibilityProperty: true, opacityProperty: opacity })
    );
  };

  /** Rule 3: the document can be scrolled to the element. */
  // The window's scroll offsets and width, read once per checker (reading them is a layout query).
  let metrics: [number, number, number] | undefined;
  const inDocument = (el: Element, r: DOMRect): boolean => {
    const w = winOf(el);
    metrics ??= [w?.scrollX ?? 0, w?.scrollY ?? 0, doc.documentElement.clientWidth || w?.innerWidth || 0];
    const [sx, sy, vw] = metrics;
    if (r.right + sx <= 0 || r.bottom + sy <= 0) return false;
    const cx = r.left + r.width / 2;
    if (cx + sx <= vw) return true;
    // Right of the viewport: fine inside a box that starts on screen and reaches there (a wide table),
    // not when parked there alone (position:absolute; left:4000px).
    for (let a = flatParent(el); a && a !== el.ownerDocument.body; a = flatParent(a)) {
      const ar = rect(a);
      if (ar.left <= cx && ar.right >= cx && ar.left + sx < vw) return true;
    }
    return false;
  };

  const seen = (el: Element, text = false): boolean => {
    if (!rendered(el, true)) return false;
    if (!layout) return true;
    if (tinyFrame) return false;
    const r = rect(el);
    const parent = flatParent(el);
    const ctx = parent ? ctxOf(parent) : INF;
    if (!ctx.ok || ctx.opacity < 0.1) return false;
    const s = winOf(el)?.getComputedStyle(el);
    if (s && (parseFloat(s.opacity) || 0) * ctx.opacity < 0.1) return false;
    let box = meet(ctx.clip, rectBox(r));
    const own = s ? ownClip(s, r) : null;
    if (own) box = meet(box, own);
    if (!big(box, text ? MIN : 4)) return false;
    if (!inDocument(el, r)) return false;
    if (text && s) {
      const fill = s.getPropertyValue('-webkit-text-fill-color');
      if (alpha(s.color) < 0.1 || (fill && alpha(fill) < 0.1)) return false;
    }
    return true;
  };

  /** Hit-test at the centre of `el` where it is now: null when the centre is outside the viewport. */
  const probe = (el: Element, own: (hit: Element) => boolean): boolean | null => {
    const w = winOf(el)!;
    const r = rect(el);
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x >= w.innerWidth || y >= w.innerHeight) return null;
    const hit = (el.getRootNode() as Document | ShadowRoot).elementFromPoint(x, y);
    return !!hit && own(hit);
  };

  const testable = (el: Element): boolean =>
    layout && !!winOf(el) && typeof (el.getRootNode() as Document).elementFromPoint === 'function';

  /**
   * Scroll `el` to the middle of the view, test, and scroll everything back before the page can paint or
   * run a scroll handler (no visible jump, no virtual list re-rendering).
   */
  const centred = (el: Element, own: (hit: Element) => boolean): boolean => {
    const w = winOf(el)!;
    const scrolled: [Element | Win, number, number][] = [[w, w.scrollX, w.scrollY]];
    for (let a = flatParent(el); a; a = flatParent(a))
      if (a.scrollHeight > a.clientHeight || a.scrollWidth > a.clientWidth)
        scrolled.push([a, a.scrollLeft, a.scrollTop]);
    try {
      el.scrollIntoView({ block: 'center', inline: 'center', behavior: INSTANT });
      return probe(el, own) ?? false;
    } finally {
      for (const [t, x, y] of scrolled) t.scrollTo({ left: x, top: y, behavior: INSTANT });
    }
  };

  // Off screen, or under something pinned to the viewport's edge (a cookie banner, a sticky footer):
  // tested again in the middle of the view.
  const reachable = (el: Element, own: (hit: Element) => boolean): boolean =>
    !testable(el) || !!probe(el, own) || centred(el, own);

  /**
   * Many at once: each where it is, then the rest a screenful at a time (one window scroll per screen, not
   * one per field: hit-testing after a scroll is what costs), then one by one, in the middle of the view,
   * for those that missed (inside inner scroll areas, under a sticky bar, or really covered). The window is
   * scrolled back before the page can paint.
   */
  const reachableMany = (items: readonly { el: Element; own: (hit: Element) => boolean }[]): boolean[] => {
    const out = items.map((it) => !testable(it.el) || !!probe(it.el, it.own));
    const w = doc.defaultView;
    const pending = items.map((_, i) => i).filter((i) => !out[i]);
    if (!w || pending.length === 0) return out;
    const sx = w.scrollX;
    const sy = w.scrollY;
    const vh = w.innerHeight;
    // Each centre, in document coordinates: that is the point tested.
    const at = new Map(
      pending.map((i) => {
        const r = rect(items[i]!.el);
        return [i, r.top + r.height / 2 + sy];
      }),
    );
    pending.sort((a, b) => at.get(a)! - at.get(b)!);
    const retry: number[] = [];
    try {
      for (let k = 0; k < pending.length;) {
        const top = Math.max(0, at.get(pending[k]!)! - vh * 0.1);
        w.scrollTo({ left: sx, top, behavior: INSTANT });
        const seenTop = w.scrollY;
        // Everything whose top is in this screenful (the page may not scroll as far as asked near its end).
        const end = seenTop < top - 1 ? Infinity : seenTop + vh * 0.95;
        for (; k < pending.length && at.get(pending[k]!)! < end; k++) {
          const i = pending[k]!;
          // Not a clean hit here (under a sticky header or footer?): tested again in the middle.
          if (probe(items[i]!.el, items[i]!.own)) out[i] = true;
          else retry.push(i);
        }
      }
    } finally {
      w.scrollTo({ left: sx, top: sy, behavior: INSTANT });
    }
    for (const i of retry) out[i] = centred(items[i]!.el, items[i]!.own);
    return out;
  };

  return { seen, reachable, reachableMany };
}

const TEXTY = new Set(['text', 'textarea', 'contenteditable']);
const UP = 3; // levels: a widget's own wrapper (react-select, Ant Design selectors) is at most this far up

const labelsOf = (c: Element): Element[] => [...((c as HTMLInputElement).labels ?? [])];

/**
 * The element a person sees for control `c` of control type `ctype` (itself, its label, or its widget
 * box), or null if none.
 */
export function targetOf(c: Element, ctype: string, vis: Visibility): Element | null {
  if (vis.seen(c, TEXTY.has(ctype))) return c;
  // Styled radios, checkboxes and upload buttons hide the native input and show its label.
  if (c.tagName === 'INPUT' && (ctype === 'radio' || ctype === 'checkbox' || ctype === 'file'))
    for (const l of labelsOf(c)) if (vis.seen(l)) return l;
  // A drop zone shows for its hidden file input.
  if (ctype === 'file') {
    const zone = fileZone(c);
    if (zone && ownsOnly(zone, c) && vis.seen(zone)) return zone;
  }
  // An auto-sized combobox input (react-select: 2px wide while empty) shows through its widget box.
  if (ctype === 'combobox' && c.tagName === 'INPUT' && rect(c).height >= MIN) {
    for (let a = flatParent(c), n = 0; a && n < UP; a = flatParent(a), n++) {
      if (ownsOnly(a, c) && vis.seen(a)) return a;
    }
  }
  return null;
}

/** `a` holds no answer control but `c` (and what is inside it). */
const ownsOnly = (a: Element, c: Element): boolean =>
  [...a.querySelectorAll(CONTROLISH)].every((x) => x === c || composedContains(c, x));

/**
 * A click at the centre of `target` (shown for control `c`) lands on `hit`: is that `c`'s own? Its own
 * box, its labels, its widget wrapper up to 3 levels (when that wrapper holds no other control), or an
 * ancestor at most 3 levels up (controls with pointer-events: none let the click through to it).
 */
export function ownHit(hit: Element, target: Element, c: Element): boolean {
  if (composedContains(target, hit) || composedContains(c, hit)) return true;
  if (labelsOf(c).some((l) => composedContains(l, hit))) return true;
  const win = winOf(c);
  for (let a = flatParent(c), n = 0; a && n < UP; a = flatParent(a), n++) {
    if (a === hit) {
      // Painted under its own ancestor (a negative z-index) is hidden, not click-through.
      if (a === c.ownerDocument.body || a === c.ownerDocument.documentElement) return false;
      for (let x: Element | null = c; x && x !== a; x = flatParent(x))
        if (parseInt(win?.getComputedStyle(x).zIndex ?? '', 10) < 0) return false;
      return true;
    }
    if (composedContains(a, hit)) return ownsOnly(a, c) && !covers(hit, target);
  }
  return false;
}

/** `hit` paints an opaque box over all of `target` (a cover, not the widget's own value text). */
function covers(hit: Element, target: Element): boolean {
  const s = winOf(hit)?.getComputedStyle(hit);
  if (!s || (alpha(s.backgroundColor) < 0.5 && s.backgroundImage === 'none')) return false;
  const h = rect(hit);
  const t = rect(target);
  return h.left <= t.left + 1 && h.top <= t.top + 1 && h.right >= t.right - 1 && h.bottom >= t.bottom - 1;
}

/**
 * Is a unit (its controls, `ctype` their control type) seen and reachable by a click now? 'hidden' when no
 * control can be seen at all, 'covered' when something else sits on top of every one, 'ok' otherwise.
 */
export function unitVisibility(
  els: readonly Element[],
  ctype: string,
  vis: Visibility,
  targets?: Map<Element, Element>,
): 'ok' | 'covered' | 'hidden' {
  let seen = false;
  for (const el of els) {
    const t = targets?.get(el) ?? targetOf(el, ctype, vis);
    if (!t) continue;
    seen = true;
    if (vis.reachable(t, (hit) => ownHit(hit, t, el))) return 'ok';
  }
  return seen ? 'covered' : 'hidden';
}

/** unitVisibility for many units at once (a scan): one hit-test pass over the page. */
export function unitsVisibility(
  units: readonly { els: readonly Element[]; ctype: string }[],
  vis: Visibility,
  targets?: Map<Element, Element>,
): ('ok' | 'covered' | 'hidden')[] {
  const first = units.map((u) => {
    for (const el of u.els) {
      const t = targets?.get(el) ?? targetOf(el, u.ctype, vis);
      if (t) return { el: t, own: (hit: Element) => ownHit(hit, t, el) };
    }
    return null;
  });
  const probes = first.filter((p): p is NonNullable<typeof p> => !!p);
  const hits = vis.reachableMany(probes);
  let k = 0;
  return units.map((u, i) => {
    if (!first[i]) return 'hidden';
    if (hits[k++]) return 'ok';
    // Another option of the group may still be reachable (rare: test them one by one).
    return u.els.length > 1 ? unitVisibility(u.els, u.ctype, vis, targets) : 'covered';
  });
}
