// validateEdit checks only the fields a bulk action changed; it must accept, reject and return exactly what
// validateRecord does for the whole record, or a bulk action could write what a single edit would refuse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnswerEntry } from '../../../lib/library';
import { validateEdit, validateRecord } from '../../../lib/library/validate-record';

const base = AnswerEntry.parse({
  id: 'ans-1',
  question: 'Do you encrypt laptops?',
  answer: 'Yes, with full-disk encryption.',
  owner: 'IT',
  status: 'draft',
  reuse: { level: 'nda' },
  controls: [{ framework: 'iso27001:2022', id: 'A.8.24' }],
  tags: ['devices'],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});

// Values for a field, valid and not: dates real and impossible, statuses known and not, controls known and not.
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constantFrom('approved', 'draft', 'retired', 'bogus', '', 'Security team'),
  fc.constantFrom('2026-02-01', '2026-02-30', '3/14/2026'),
  fc.integer({ min: -1, max: 3 }),
  fc.constantFrom([], ['a'], [1], { level: 'public' }, { level: 'customer' }, { level: 'customer', customer: 'Acme' }),
  fc.constantFrom(
    [{ framework: 'soc2:2017', id: 'CC6.1' }],
    [{ framework: 'iso27001:2022', id: 'A.99.1' }],
    [{ framework: 'iso27001:2013', id: 'a.9.4.2' }],
  ),
);
const field = fc.constantFrom(
  ...Object.keys(AnswerEntry.shape),
  'notAField', // unknown keys are dropped by both
);

const outcome = (fn: () => unknown) => {
  try {
    return { ok: fn() };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

describe('validateEdit', () => {
  it('gives what validateRecord gives for the whole edited record', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(field, anyValue), { maxLength: 3 }), fc.boolean(), (changes, drop) => {
        const edited: Record<string, unknown> = { ...base };
        for (const [k, v] of changes) {
          if (drop && v === undefined) delete edited[k];
          else edited[k] = v;
        }
        const whole = outcome(() => validateRecord(AnswerEntry, 'entry', edited));
        const edit = outcome(() => validateEdit(AnswerEntry, 'entry', base, edited));
        expect(edit).toEqual(whole);
        if ('ok' in whole) expect(Object.keys(edit.ok as object)).toEqual(Object.keys(whole.ok as object));
      }),
      { numRuns: 3000 },
    );
  });

  it('an approval of a draft is checked: an impossible date is refused with the field named', () => {
    const edited = { ...base, status: 'approved', approvedAt: '2026-02-30' };
    expect(() => validateEdit(AnswerEntry, 'entry', base, edited)).toThrow(/approvedAt/);
    expect(validateEdit(AnswerEntry, 'entry', base, { ...edited, approvedAt: '2026-02-28' })).toMatchObject({
      status: 'approved',
      approvedAt: '2026-02-28',
    });
  });
});
