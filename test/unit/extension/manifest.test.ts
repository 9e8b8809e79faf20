// Item 8 of the hardening issue: the Firefox (MV2) manifest keeps the optional site permissions that
// Options > Sites requests, has a real add-on id, and declares that no data is collected. Chrome keeps least
// privilege: no host permission at install, optional hosts only.
import { describe, expect, it } from 'vitest';
import config, { GECKO_ID } from '../../../wxt.config';

type Env = { browser: string; manifestVersion: 2 | 3; mode: string; command: 'build' | 'serve' };
const manifestFor = async (browser: string, manifestVersion: 2 | 3) => {
  const fn = config.manifest as (env: Env) => Record<string, unknown> | Promise<Record<string, unknown>>;
  return fn({ browser, manifestVersion, mode: 'production', command: 'build' });
};

describe('manifest', () => {
  it('Firefox MV2: optional origins in optional_permissions, a GUID gecko id, no data collection', async () => {
    const m = await manifestFor('firefox', 2);
    expect(m.optional_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(m).not.toHaveProperty('optional_host_permissions');
    expect(m).not.toHaveProperty('host_permissions');
    const gecko = (m.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.id).toBe(GECKO_ID);
    expect(GECKO_ID).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(Number.parseFloat(String(gecko.strict_min_version))).toBeGreaterThanOrEqual(140);
  });

  it('Chrome MV3: optional host permissions only, nothing granted at install', async () => {
    const m = await manifestFor('chrome', 3);
    expect(m.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(m).not.toHaveProperty('host_permissions');
    expect(m).not.toHaveProperty('optional_permissions');
    expect(m.permissions).toEqual(['storage', 'activeTab', 'scripting', 'contextMenus', 'sidePanel']);
  });
});
