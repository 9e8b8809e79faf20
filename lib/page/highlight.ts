// Show the user which field a side-panel question points at: scroll it into view and draw a ring.
// The ring lives in a CLOSED shadow root on our own host element, so the page's scripts cannot read
// or restyle it, and it carries no text at all, so no answer can leak into the page.
// It is placed in document coordinates, so it scrolls with the page without any listener.
import { pageState } from './state';
import { rect } from './dom';
import { OWN_MARK } from './observe';

const RINGS = new WeakMap<Document, { host: HTMLElement; ring: HTMLElement }>();

function ringFor(doc: Document): HTMLElement {
  const hit = RINGS.get(doc);
  if (hit?.host.isConnected) return hit.ring;
  const host = doc.createElement('div');
  host.setAttribute(OWN_MARK, '');
  host.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;pointer-events:none;z-index:2147483647';
  const ring = doc.createElement('div');
  ring.style.cssText =
    'position:absolute;border:3px solid #2563eb;border-radius:6px;box-shadow:0 0 0 4px #2563eb40;display:none';
  host.attachShadow({ mode: 'closed' }).append(ring);
  (doc.body ?? doc.documentElement).append(host);
  RINGS.set(doc, { host, ring });
  return ring;
}

/** Highlight the field `fid` (null clears). Returns false when the field is not on the page. */
export function highlightField(doc: Document, fid: string | null): boolean {
  const ring = ringFor(doc);
  const u = fid ? pageState(doc).units.get(fid) : undefined;
  // A comment box is shown alone; a question with its whole container (text, options, comment).
  const target = u ? (u.owner ? u.els[0] : u.area) : undefined;
  if (!target?.isConnected) {
    ring.style.display = 'none';
    return fid === null;
  }
  target.scrollIntoView?.({ block: 'center' });
  const r = rect(target);
  const win = doc.defaultView;
  Object.assign(ring.style, {
    display: 'block',
    left: `${r.left + (win?.scrollX ?? 0) - 5}px`,
    top: `${r.top + (win?.scrollY ?? 0) - 5}px`,
    width: `${r.width + 4}px`,
    height: `${r.height + 4}px`,
  });
  return true;
}

/** Remove the highlight host entirely. */
export function clearHighlights(doc: Document): void {
  RINGS.get(doc)?.host.remove();
  RINGS.delete(doc);
}
