// Bounded memos for pure functions of a text. The same short texts recur question after question (option
// labels such as "Yes" or "Annually", the answers of entries suggested more than once), and the texts an
// attacker or a huge import could feed are unbounded, so each memo is cleared when it fills up.
// Results are shared between callers: treat them as read-only.

export function memoText<T>(fn: (text: string) => T, max = 5_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string): T => {
    let v = cache.get(text);
    if (v === undefined && !cache.has(text)) {
      if (cache.size >= max) cache.clear();
      cache.set(text, (v = fn(text)));
    }
    return v as T;
  };
}
