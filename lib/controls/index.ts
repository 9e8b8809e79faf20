// Public API of lib/controls: control catalogs, id resolution, crosswalk counterparts and framework notes.
// Everything here is pure and runs in Node and in the extension alike; data is validated lazily on first use.
import type { Framework } from './framework';
import { findControl } from './catalog';
import { loadNotes } from './data';
import { resolveControlId } from './resolve';
import type { Control, FrameworkNote } from './schema';

export { FRAMEWORKS, FRAMEWORK_LABEL, Framework, ControlRef } from './framework';
export { Control, ControlKind, Strength, EdgeSource, FrameworkNote } from './schema';
export { allControls } from './catalog';
export { resolveControlId, type ResolveResult } from './resolve';
export {
  counterparts,
  disagreements,
  type Counterpart,
  type CounterpartRoute,
  type GuideDisagreement,
} from './counterparts';
export { ControlsDataError, UnknownControlError } from './errors';

/**
 * The control with this id in `framework`, or undefined. Canonical ids hit directly; other spellings
 * ("a.8.24", "9.2") go through resolveControlId with the same framework.
 */
export function getControl(framework: Framework, id: string): Control | undefined {
  const exact = findControl(framework, id);
  if (exact) return exact;
  const resolved = resolveControlId(id, framework);
  return resolved.ok ? findControl(resolved.ref.framework, resolved.ref.id) : undefined;
}

/** The ISO 27001 vs SOC 2 notes (scope, who acts, trigger, ... decision rule), in topic order. */
export function frameworkNotes(): readonly FrameworkNote[] {
  return loadNotes().notes;
}
export { errors } from './errors';
export { controlKey } from './framework';
export { loadCrosswalk } from './data';
