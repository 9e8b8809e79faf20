// Frames Crosswalk could not enter. activeTab (and a granted site) covers the page's own origin; a frame from
// another site needs its own access, so scripting.executeScript silently skips it and its questions used to be
// left out without a word. Parents report their child frames (page-bridge.ts); a child no frame answered for is
// named here, unless it is too small to hold a question (tracking pixels, hidden frames).
import type { FrameInfo } from './page-bridge';

/** Smaller than this (CSS pixels, either side) cannot show a question and its field. */
const MIN_SIDE = 40;

export interface BlockedFrame {
  url: string;
  origin: string;
  /** Host permission pattern to request ("https://forms.example.com/*"); absent for non-web URLs. */
  grant?: string;
}

export function blockedFrames(frames: readonly FrameInfo[]): BlockedFrame[] {
  const reached = new Set(frames.map((f) => f.path.join('/')));
  const out: BlockedFrame[] = [];
  for (const parent of frames) {
    for (const child of parent.children ?? []) {
      if (reached.has([...parent.path, child.index].join('/'))) continue;
      if (child.width < MIN_SIDE || child.height < MIN_SIDE) continue;
      let origin = child.src || '(a frame without an address)';
      let grant: string | undefined;
      try {
        const url = new URL(child.src);
        if (url.protocol === 'https:' || url.protocol === 'http:') {
          origin = url.origin;
          grant = `${url.protocol}//${url.hostname}/*`;
        }
      } catch {
        /* about:blank, srcdoc or a relative oddity: named as it is */
      }
      out.push({ url: child.src, origin, ...(grant ? { grant } : {}) });
    }
  }
  return out;
}
