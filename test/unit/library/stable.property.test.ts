// sameContent decides whether an edit makes a new version. It compares field by field with a shortcut for
// identical values; these properties hold it to the definition it replaced: equal stable JSON of the two records
// without their bookkeeping fields (undefined fields count as absent).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameContent, stableStringify } from '../../../lib/library/stable';

const META = ['createdAt', 'updatedAt', 'version'];
const byDefinition = (a: object, b: object) => {
  const strip = (o: object) => Object.fromEntries(Object.entries(o).filter(([k]) => !META.includes(k)));
  return stableStringify(strip(a)) === stableStringify(strip(b));
};

const value = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom('', 'a', 'b'),
  fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 }),
  fc.dictionary(fc.constantFrom('p', 'q'), fc.constantFrom(1, 2, 'z'), { maxKeys: 2 }),
);
const record = fc.dictionary(fc.constantFrom('id', 'answer', 'tags', 'scope', 'status', ...META), value, {
  maxKeys: 6,
});

describe('sameContent', () => {
  it('agrees with comparing the stable JSON of both records, bookkeeping aside', () => {
    fc.assert(
      fc.property(record, record, (a, b) => {
        expect(sameContent(a, b)).toBe(byDefinition(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on an edit that spreads the record and changes one field (or sets it to what it was)', () => {
    fc.assert(
      fc.property(record, fc.constantFrom('answer', 'tags', 'status', 'version'), value, (a, key, v) => {
        const edited = { ...a, [key]: v };
        expect(sameContent(a, edited)).toBe(byDefinition(a, edited));
        expect(sameContent(a, { ...a })).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('tells a changed nested value from the same one rebuilt', () => {
    const a = { id: 'x', scope: { services: ['api'], regions: [] }, version: 1 };
    expect(sameContent(a, { ...a, scope: { regions: [], services: ['api'] }, version: 2 })).toBe(true);
    expect(sameContent(a, { ...a, scope: { services: ['web'], regions: [] } })).toBe(false);
    expect(sameContent(a, { ...a, answer: undefined })).toBe(true);
    expect(sameContent(a, { ...a, answer: null })).toBe(false);
  });
});
