// The background: message router, search index, side panel behaviour, context menu and commands.
// MV3 stops idle workers; every listener is registered synchronously here so a wake-up finds it.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import {
  createMenus,
  MENU_FILL_FIELD,
  MENU_FIND_ANSWER,
  openPanel,
  setActionOpensPanel,
  toolbarAction,
  fillFocused,
  makeHandlers,
  putLookup,
  route,
  createServices,
  lockDownStorage,
} from '../lib/background';

export default defineBackground(() => {
  // First, before any page can be scanned: content scripts lose read access to extension storage.
  void lockDownStorage();
  const services = createServices();
  const handlers = makeHandlers(services);

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (r: unknown) => void) => {
    // route() turns every failure into an ErrorResponse, so this promise never rejects.
    void route(message, sender, {
      runtimeId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      handlers,
    }).then(sendResponse);
    return true; // answer asynchronously (sendResponse works in every MV3 browser)
  });

  setActionOpensPanel();
  // The click grants activeTab on the page; opening the panel must happen in the same gesture, so no await first.
  toolbarAction()?.onClicked.addListener((tab) => openPanel(tab));
  browser.runtime.onInstalled.addListener(() => createMenus());

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_FILL_FIELD && tab?.id !== undefined) {
      // The right-click focused the field: the same path as the shortcut, under the context menu's policy.
      fillFocused(tab.id, services, 'context-menu').catch((err) => console.warn('[crosswalk] fill field failed:', err));
      return;
    }
    if (info.menuItemId !== MENU_FIND_ANSWER || !info.selectionText) return;
    openPanel(tab); // first, while the click still counts as a user gesture
    void putLookup({
      text: info.selectionText.slice(0, 2000),
      at: Date.now(),
      ...(tab?.id !== undefined ? { tabId: tab.id } : {}),
    });
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-panel') openPanel(tab);
    if (command === 'fill-focused' && tab?.id !== undefined) {
      fillFocused(tab.id, services, 'shortcut').catch((err) => console.warn('[crosswalk] fill-focused failed:', err));
    }
  });

  // Seed and load the index now rather than on the first request, so the panel opens onto a ready index.
  services.index().catch((err) => console.error('[crosswalk] startup failed:', err));
});
