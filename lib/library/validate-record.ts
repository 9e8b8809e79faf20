// Every record is checked before it is written: its schema (zod) and the control catalogs. A bulk action edits a
// few fields of thousands of records that were checked when they were saved, so validateEdit checks only the
// fields whose value is not the very same one the record already holds; its result is what validateRecord would
// give for the whole record (test/unit/library/validate-record.property.test.ts holds it to that).
import type { z } from 'zod';
import { checkControlRefs } from './controls-check';
import type { ControlRef } from '../controls';
import { LibraryError } from './errors';

interface Checked {
  id: string;
  controls: ControlRef[];
}

function invalid(label: string, detail: string): LibraryError {
  return new LibraryError('invalid-record', `Invalid ${label}: ${detail}. Fix these fields and save again.`);
}

function withCheckedControls<T extends Checked>(label: string, rec: T): T {
  const controls = checkControlRefs(rec.controls);
  if (!controls.ok)
    throw new LibraryError('unknown-control', `Invalid ${label} "${rec.id}": ${controls.errors.join('; ')}`);
  return { ...rec, controls: controls.refs };
}

/** Validate a full record (zod + control catalogs); throws LibraryError with every problem named. */
export function validateRecord<T extends Checked>(schema: z.ZodType<T, unknown>, label: string, candidate: unknown): T {
  const parsed = schema.safeParse(candidate);
  if (!parsed.success)
    throw invalid(label, parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; '));
  return withCheckedControls(label, parsed.data);
}

/** The field schemas of a plain object schema (no checks across fields, no catch-all), else undefined. */
function fieldsOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const s = schema as unknown as {
    shape?: Record<string, z.ZodType>;
    _zod?: { def?: { type?: string; checks?: unknown[]; catchall?: unknown } };
  };
  const def = s._zod?.def;
  if (def?.type !== 'object' || def.checks?.length || def.catchall !== undefined || !s.shape) return undefined;
  return s.shape;
}

/**
 * Validate `candidate`, an edit of `current` (a record read from the library): fields holding the very same value
 * as `current` are taken as they are, the others are checked with their own schema, and the controls only when
 * they changed. Falls back to validateRecord for schemas with checks across fields.
 */
export function validateEdit<T extends Checked>(
  schema: z.ZodType<T, unknown>,
  label: string,
  current: T,
  edited: object,
): T {
  const fields = fieldsOf(schema);
  if (!fields) return validateRecord(schema, label, edited);
  const candidate = edited as Record<string, unknown>;
  const before = current as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, field] of Object.entries(fields)) {
    const present = Object.hasOwn(candidate, key);
    const value = candidate[key];
    if (present && Object.hasOwn(before, key) && value === before[key]) {
      out[key] = value;
      continue;
    }
    const parsed = field.safeParse(value);
    if (!parsed.success) {
      for (const i of parsed.error.issues) problems.push(`${[key, ...i.path].join('.')}: ${i.message}`);
      continue;
    }
    // As a whole-object parse: a key given (even as undefined) is kept; a missing one only when it has a default.
    if (present || parsed.data !== undefined) out[key] = parsed.data;
  }
  if (problems.length) throw invalid(label, problems.join('; '));
  const rec = out as unknown as T;
  return rec.controls === current.controls ? rec : withCheckedControls(label, rec);
}
