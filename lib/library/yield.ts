// Long library work (parsing and planning a 20,000-row import) runs in an extension page whose renderer is
// shared with the side panel: it must give the event loop back every few milliseconds so the panel stays
// responsive. Never call this inside an IndexedDB transaction: a macrotask boundary lets the transaction commit.

interface Scheduler {
  yield?: () => Promise<void>;
}

/** Resolve on a later task (scheduler.yield where the browser has it, else a zero-delay timer). */
export function yieldToEventLoop(): Promise<void> {
  const s = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Calls yieldToEventLoop at most every `sliceMs` of busy time: `await tick()` inside a loop. */
export function yielder(sliceMs = 30): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < sliceMs) return undefined;
    return yieldToEventLoop().then(() => {
      last = performance.now();
    });
  };
}
