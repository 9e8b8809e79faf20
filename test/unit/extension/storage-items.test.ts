// Extension storage keys are declared once (lib/background/storage-items.ts) and read through a schema: what
// the side panel and the background see is what a user's browser holds, including values an older release or
// a bug left behind. fakeBrowser is WXT's in-memory browser (storage areas and onChanged included).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onLookup, putLookup, takeLookup } from '../../../lib/background/lookup';
import { EMPTY_CONTEXT, findContext, loadContext, saveContext } from '../../../lib/background/questionnaire-context';
import type { QuestionnaireContext } from '../../../lib/messaging';

beforeEach(() => fakeBrowser.reset());

const acme: QuestionnaireContext = {
  name: 'Acme vendor review',
  recipient: 'Acme Corp',
  nda: true,
  scope: { services: ['Payments API'], environments: ['production'], regions: [], dataTypes: ['PII'] },
};

describe('selection lookup (session storage)', () => {
  it('is taken once: the side panel that reads it removes it', async () => {
    await putLookup({ text: 'Do you encrypt data at rest?', at: 1, tabId: 7 });
    expect(await takeLookup()).toEqual({ text: 'Do you encrypt data at rest?', at: 1, tabId: 7 });
    expect(await takeLookup()).toBeUndefined();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('a stored value that does not parse reads as no lookup (and is left for the next write)', async () => {
    await fakeBrowser.storage.session.set({ 'crosswalk.lookup': { text: '', at: 'yesterday' } });
    expect(await takeLookup()).toBeUndefined();
  });

  it('watchers get each valid selection, never a malformed one, and stop when unsubscribed', async () => {
    const seen = vi.fn();
    const stop = onLookup(seen);
    await putLookup({ text: 'MFA for admins?', at: 2 });
    await fakeBrowser.storage.session.set({ 'crosswalk.lookup': { text: 42 } });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(1));
    expect(seen).toHaveBeenCalledWith({ text: 'MFA for admins?', at: 2 });
    stop();
    await putLookup({ text: 'Backups tested?', at: 3 });
    expect(seen).toHaveBeenCalledTimes(1);
  });
});

describe('questionnaire context per page (local storage)', () => {
  it('is remembered per page address: the steps of one form share it, another form does not', async () => {
    await saveContext('https://portal.example/assess/42?step=1', acme);
    expect(await loadContext('https://portal.example/assess/42?step=3#q7')).toEqual(acme);
    expect(await findContext('https://portal.example/assess/43')).toBeUndefined();
    expect(await loadContext('https://other.example/assess/42')).toEqual(EMPTY_CONTEXT);
  });

  it('keeps the key earlier releases wrote, so a declared context survives the upgrade', async () => {
    await fakeBrowser.storage.local.set({ 'crosswalk.questionnaire:https://portal.example/assess/42': acme });
    expect(await loadContext('https://portal.example/assess/42')).toEqual(acme);
    await saveContext('https://portal.example/assess/42', { ...acme, nda: false });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      'crosswalk.questionnaire:https://portal.example/assess/42': { ...acme, nda: false },
    });
  });

  it('a stored value of the wrong shape reads as "never declared", not as a context', async () => {
    await fakeBrowser.storage.local.set({
      'crosswalk.questionnaire:https://portal.example/form': { name: 'x', nda: 'yes' },
    });
    expect(await findContext('https://portal.example/form')).toBeUndefined();
    expect(await loadContext('https://portal.example/form')).toEqual(EMPTY_CONTEXT);
  });

  it('refuses to store what it could not read back', async () => {
    const tooLong = { ...acme, name: 'x'.repeat(201) };
    await expect(saveContext('https://portal.example/form', tooLong)).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
