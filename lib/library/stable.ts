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

/**
 * Same content, ignoring bookkeeping (timestamps, version number). Field by field, with a shortcut for fields
 * that are the very same value: an edit made by spreading the record (`{ ...e, status }`) keeps every other
 * field's object, so a bulk action over 20,000 entries serializes only the fields it touched. The answer is the
 * same as comparing the stable JSON of the whole records (undefined fields count as absent).
 */
export function sameContent(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const differs = (k: string) =>
    !META.has(k) &&
    x[k] !== y[k] &&
    (x[k] === undefined || y[k] === undefined || stableStringify(x[k]) !== stableStringify(y[k]));
  for (const k in x) if (Object.hasOwn(x, k) && differs(k)) return false;
  // Keys only `b` has (the loop above saw every key of `a`).
  for (const k in y) if (Object.hasOwn(y, k) && !Object.hasOwn(x, k) && differs(k)) return false;
  return true;
}

export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
