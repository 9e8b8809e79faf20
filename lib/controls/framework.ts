import { z } from 'zod';

/** The three frameworks Crosswalk cites. Add one here and every Record<Framework, ...> fails to compile until handled. */
export const FRAMEWORKS = ['iso27001:2022', 'iso27001:2013', 'soc2:2017'] as const;
export const Framework = z.enum(FRAMEWORKS);
export type Framework = z.infer<typeof Framework>;

export const FRAMEWORK_LABEL: Record<Framework, string> = {
  'iso27001:2022': 'ISO/IEC 27001:2022',
  'iso27001:2013': 'ISO/IEC 27001:2013',
  'soc2:2017': 'SOC 2 (TSC 2017, rev. 2022)',
};

/** A control reference as stored in library entries and citations: framework + canonical id ("A.8.24", "CC6.1", "9.2"). */
export const ControlRef = z.object({ framework: Framework, id: z.string().min(1) });
export type ControlRef = z.infer<typeof ControlRef>;

/** "framework|id": one key per control, for sets and maps (lives here so data-free modules can use it). */
export function controlKey(ref: { framework: string; id: string }): string {
  return `${ref.framework}|${ref.id}`;
}
