// The content script's `ctx`, cut down. WXT builds every content script around its ContentScriptContext, which
// also carries timers, a location watcher and a window.postMessage announcement the content script never uses:
// ~2 KB of a 60 KB budget. wxt.config.ts resolves `wxt/utils/content-script-context` to this file for the
// content-script build only, so `main(ctx)` gets this class. What stays is what ctx is for: one AbortSignal
// that ends when the script is invalidated (a newer copy started in the frame, or the extension went away), so
// every listener hung off it ends with the script. test/unit/page/script-context.test.ts checks that the
// content script calls nothing on ctx that this class lacks (the type says ContentScriptContext).

declare const chrome: { runtime?: { id?: string } } | undefined;

const runtimeId = (): string | undefined => (typeof chrome === 'undefined' ? undefined : chrome?.runtime?.id);

/**
 * The event a starting copy of the script dispatches on the document so older copies stand down. Same name as
 * WXT's (`<extension id>:<entrypoint>:wxt:content-script-started`), so a copy built either way stops the other.
 */
const startedEvent = (name: string) => `${runtimeId()}:${name}:wxt:content-script-started`;

interface Started {
  contentScriptName?: string;
  messageId?: string;
}

export class ContentScriptContext {
  readonly #abort = new AbortController();
  readonly #id = Math.random().toString(36).slice(2);

  constructor(readonly contentScriptName: string) {
    const type = startedEvent(contentScriptName);
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName, messageId: this.#id } }));
    const onStarted = (event: Event) => {
      const detail = (event as CustomEvent<Started | undefined>).detail;
      if (detail?.contentScriptName === contentScriptName && detail.messageId !== this.#id) this.notifyInvalidated();
    };
    document.addEventListener(type, onStarted, { signal: this.signal });
  }

  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  /** Invalid once aborted, or once the extension is gone (reloaded or removed: the runtime id disappears). */
  get isInvalid(): boolean {
    if (runtimeId() == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** Runs `cb` when the script is invalidated; returns a function that removes it. */
  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  notifyInvalidated(): void {
    this.#abort.abort('Content script context invalidated');
  }
}
