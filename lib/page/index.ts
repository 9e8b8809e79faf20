// Page understanding: the public API of lib/page. DOM only, takes a root, no extension API.
export { scanPage, currentFields, rescanSubtrees, type ScanOptions, type RescanResult } from './scan';
export { mountField } from './virtual';
export { observePage, type PageChange, type ObserveOptions } from './observe';
export { applyFill, undoFill, undoableFids, readFields, focusedFid } from './fill/index';
export { highlightField, clearHighlights } from './highlight';
export { matchOption, canonical } from './text';
// The zod schemas of the page protocol (types.ts). entrypoints/content.ts never imports this index: it imports
// the DOM modules directly and only types from types.ts, so zod stays out of its 60 KB bundle.
export * from './types';
export { Pager } from './field-caps';
