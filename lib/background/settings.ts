// User settings kept in the library's settings table (so backup/restore carries them), validated on read:
// a bad or missing value falls back to its default instead of breaking the extension.
import { z } from 'zod';
import { DEFAULT_AUTOFILL_THRESHOLD } from '../match';

export const SETTINGS_KEY = 'extension.settings';

/** Footer presets; placeholders are lib/match's: {entryId} {version} {owner} {approvedAt} {controls} {evidence}. */
export const FOOTER_PRESETS = {
  none: '',
  entry: '[Source: {entryId} v{version}]',
  'entry-and-controls': '[Source: {entryId} v{version}; {controls}]',
  full: '[Source: {entryId} v{version}, owner {owner}, approved {approvedAt}; {controls}; evidence: {evidence}]',
} as const;
export type FooterPreset = keyof typeof FOOTER_PRESETS;

export const ExtensionSettings = z.object({
  /** Suggestions at or above this confidence may be auto-filled; below it they are shown, never auto-filled. */
  autofillThreshold: z.number().min(0.5).max(1).catch(DEFAULT_AUTOFILL_THRESHOLD),
  /** Template appended to free-text answers, so a reader of the questionnaire can trace the claim ('' = none). */
  citationFooter: z.string().max(500).catch(''),
});
export type ExtensionSettings = z.infer<typeof ExtensionSettings>;

export function parseSettings(raw: unknown): ExtensionSettings {
  return ExtensionSettings.parse(typeof raw === 'object' && raw !== null ? raw : {});
}

/** The minimal settings store lib/library's SettingsStore satisfies. */
export interface SettingsBackend {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

export async function loadSettings(store: SettingsBackend): Promise<ExtensionSettings> {
  return parseSettings(await store.get(SETTINGS_KEY));
}

export async function saveSettings(
  store: SettingsBackend,
  patch: Partial<ExtensionSettings>,
): Promise<ExtensionSettings> {
  const next = parseSettings({ ...(await loadSettings(store)), ...patch });
  await store.set(SETTINGS_KEY, next);
  return next;
}

/** The text to write for a suggestion (the fill policy's; re-exported for older callers). */
export { fillValue } from '../policy';
