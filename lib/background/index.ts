// Public API of lib/background. Two sides: the service worker's (route, createServices, makeHandlers, menus,
// storage access) and the client the extension pages use to reach it (request, scanInPages, matchInPages,
// settings, the selection lookup). Pages importing the client get only what they use: nothing here runs on import.
export { EMPTY_CONTEXT, loadContext, saveContext } from './questionnaire-context';
export {
  MENU_FILL_FIELD,
  MENU_FIND_ANSWER,
  createMenus,
  openPanel,
  setActionOpensPanel,
  toolbarAction,
} from './browser-ui';
export { fillFocused } from './fill-focused';
export { makeHandlers } from './handlers';
export { onLookup, putLookup, takeLookup } from './lookup';
export { PAGE_WATCH_PORT, watchFrame } from './page-watch';
export { route } from './router';
export { createServices } from './services';
export { lockDownStorage } from './storage-access';
export { matchInPages, request, scanInPages } from './client';
export { ExtensionSettings, FOOTER_PRESETS, loadSettings, saveSettings } from './settings';
