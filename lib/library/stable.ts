// Order-independent JSON, used to decide whether an edit changed anything (no new version for a no-op)
// and to compare libraries in restore previews and round-trip tests.
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const META = new Set(['createdAt', 'updatedAt', 'version']);

/** Same content, ignoring bookkeeping (timestamps, version number). */
export function sameContent(a: object, b: object): boolean {
  const strip = (o: object) => Object.fromEntries(Object.entries(o).filter(([k]) => !META.has(k)));
  return stableStringify(strip(a)) === stableStringify(strip(b));
}

export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
