// Which tab the panel works on: `?tab=<id>` when given (tests and the demo open the panel as a tab and
// point it at the questionnaire), otherwise the active tab of this window, following tab switches.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

export function pinnedTab(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

export function useTargetTab(): number | undefined {
  const pinned = pinnedTab(location.search);
  const [tabId, setTabId] = useState<number | undefined>(pinned);
  useEffect(() => {
    if (pinned !== undefined) return;
    let live = true;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => live && setTabId(tab?.id));
    const onActivated = (info: { tabId: number }) => setTabId(info.tabId);
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [pinned]);
  return tabId;
}
