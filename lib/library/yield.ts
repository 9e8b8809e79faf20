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

/**
 * Long pure work written once as a generator that `yield`s at safe points: run it straight through (Node, the
 * CLI, tests) or a slice at a time, giving the event loop back between slices (the extension's pages).
 */
export function runSteps<R>(steps: Generator<void, R>): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export async function runStepsAsync<R>(steps: Generator<void, R>, sliceMs = 30): Promise<R> {
  let start = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - start >= sliceMs) {
      await yieldToEventLoop();
      start = performance.now();
    }
  }
}
