// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from '../../../lib/page/script-context';

// The content script's cut-down ctx (wxt.config.ts swaps it in for WXT's in the content-script build): it must
// still end everything hung off it when a newer copy of the script starts or the extension goes away.
const g = globalThis as { chrome?: { runtime?: { id?: string } } };

describe('content script context', () => {
  beforeEach(() => {
    g.chrome = { runtime: { id: 'crosswalk-test' } };
  });
  afterEach(() => {
    delete g.chrome;
  });

  it('a newer copy of the same script invalidates the older one, and only it', () => {
    const older = new ContentScriptContext('content');
    const other = new ContentScriptContext('other-script');
    let ended = 0;
    older.onInvalidated(() => ended++);
    expect(older.isValid).toBe(true);
    const newer = new ContentScriptContext('content');
    expect(older.signal.aborted).toBe(true);
    expect(ended).toBe(1);
    expect(newer.isValid).toBe(true);
    expect(other.isValid).toBe(true);
  });

  it('stops on the event a WXT-built copy sends (same event name), so either build replaces the other', () => {
    const ctx = new ContentScriptContext('content');
    document.dispatchEvent(
      new CustomEvent('crosswalk-test:content:wxt:content-script-started', {
        detail: { contentScriptName: 'content', messageId: 'from-another-copy' },
      }),
    );
    expect(ctx.isInvalid).toBe(true);
  });

  it('is invalid once the extension is gone (no runtime id), and a removed callback is not called', () => {
    const ctx = new ContentScriptContext('content');
    let called = false;
    const remove = ctx.onInvalidated(() => (called = true));
    remove();
    delete g.chrome;
    expect(ctx.isInvalid).toBe(true);
    expect(called).toBe(false);
  });

  it('has every member the content script uses on ctx (its type is WXT’s full ContentScriptContext)', () => {
    const source = fs.readFileSync(path.resolve('entrypoints/content.ts'), 'utf8');
    const used = new Set([...source.matchAll(/\bctx\.(\w+)/g)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThan(0);
    const ctx = new ContentScriptContext('content');
    for (const member of used) expect(member in ctx, `ctx.${member}`).toBe(true);
  });
});
