// Browser chrome around the extension: side panel behaviour, the context menu, keyboard commands.
// Chrome-only APIs are guarded: Firefox builds get a sidebar_action, and fakeBrowser has no sidePanel.
import { browser } from 'wxt/browser';

export const MENU_FIND_ANSWER = 'crosswalk-find-answer';
/** Right-click in an answer field: fill it from the library, through the same policy as the shortcut. */
export const MENU_FILL_FIELD = 'crosswalk-fill-field';

type SidePanelApi = {
  setPanelBehavior?: (b: { openPanelOnActionClick: boolean }) => Promise<void>;
  open?: (o: { tabId?: number; windowId?: number }) => Promise<void>;
};
type SidebarApi = { open?: () => Promise<void> };

function sidePanel(): SidePanelApi | undefined {
  return (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
}

/**
 * The toolbar button opens the panel from our own action.onClicked listener (see background.ts), not through
 * setPanelBehavior({openPanelOnActionClick: true}): with that behaviour Chromium 156 opened the panel without
 * reliably granting activeTab on the page (measured: 0 of 4 grants once the behaviour was in place, 4 of 4 with
 * onClicked), and a panel that cannot read the page is useless. The click that fires onClicked always grants it.
 */
export function setActionOpensPanel(): void {
  try {
    sidePanel()
      ?.setPanelBehavior?.({ openPanelOnActionClick: false })
      ?.catch?.(() => {});
  } catch {
    /* not supported in this browser or test double */
  }
}

/** Must run inside the user gesture (command or menu click): no await before it. */
export function openPanel(tab: { id?: number; windowId?: number } | undefined): void {
  try {
    const sp = sidePanel();
    if (sp?.open && tab?.id !== undefined) {
      sp.open({ tabId: tab.id }).catch((err) => console.warn('[crosswalk] could not open the side panel:', err));
      return;
    }
    const sidebar = (browser as unknown as { sidebarAction?: SidebarApi }).sidebarAction;
    sidebar?.open?.().catch((err) => console.warn('[crosswalk] could not open the sidebar:', err));
  } catch (err) {
    console.warn('[crosswalk] could not open the side panel:', err);
  }
}

export function createMenus(): void {
  try {
    browser.contextMenus.create(
      { id: MENU_FIND_ANSWER, title: 'Find answer for selected text', contexts: ['selection'] },
      () => {
        // A second create after an update reports "duplicate id"; reading lastError keeps it from being logged as unchecked.
        void browser.runtime.lastError;
      },
    );
    browser.contextMenus.create(
      { id: MENU_FILL_FIELD, title: 'Fill this field from the library', contexts: ['editable'] },
      () => void browser.runtime.lastError,
    );
  } catch (err) {
    console.warn('[crosswalk] context menu unavailable:', err);
  }
}

type ActionApi = typeof browser.action;

/** MV3 `action`, or MV2 `browserAction` (the Firefox build). */
export function toolbarAction(): ActionApi | undefined {
  return browser.action ?? (browser as unknown as { browserAction?: ActionApi }).browserAction;
}

/** Show a short state on the toolbar button for the tab (e.g. after fill-focused). */
export async function badge(tabId: number, text: string, title: string): Promise<void> {
  try {
    await toolbarAction()?.setBadgeText({ tabId, text });
    await toolbarAction()?.setTitle({ tabId, title });
  } catch {
    /* no action API here */
  }
}
