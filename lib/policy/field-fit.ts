// Can this value go into this field at all, and would it change anything? Choice fields take only labels they
// offer (a multi-select takes several, "; "-joined); a field that already holds an answer is the person's.
import type { Suggestion } from '../match';
import type { PolicyField } from './types';

const CHOICE = new Set(['radio', 'select', 'checkbox']);

export function isChoice(field: Pick<PolicyField, 'kind'>): boolean {
  return CHOICE.has(field.kind);
}

/** The labels a value picks: several for a checkbox group, one otherwise. */
export function pickedOptions(field: Pick<PolicyField, 'kind'>, value: string): string[] {
  return field.kind === 'checkbox' ? value.split(/;\s*/).filter(Boolean) : [value];
}

/** The value is one the field can take: any text for text fields; offered labels for choice fields. */
export function fitsField(field: PolicyField, value: string): boolean {
  if (!isChoice(field)) return true;
  const offered = field.options ?? [];
  const picked = pickedOptions(field, value.trim());
  return picked.length > 0 && picked.every((o) => offered.includes(o));
}

function normalize(field: PolicyField, value: string): string {
  const text = value.replace(/\s+/g, ' ').trim().toLowerCase();
  // A checkbox group holds a set: order does not matter.
  return field.kind === 'checkbox' ? pickedOptions(field, text).sort().join(';') : text;
}

/** 'empty': nothing there; 'same': already holds this value; 'other': holds something else. */
export function currentValue(field: PolicyField, value: string): 'empty' | 'same' | 'other' {
  if (!field.value.trim()) return 'empty';
  return normalize(field, field.value) === normalize(field, value) ? 'same' : 'other';
}

/** The text a suggestion writes: choice fields get the option label (matching already added any footer). */
export function fillValue(s: Pick<Suggestion, 'answer' | 'option'>): string {
  return s.option ?? s.answer;
}
