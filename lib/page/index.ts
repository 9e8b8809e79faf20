// Page understanding: the public API of lib/page. DOM only, takes a root, no extension API.
export { scanPage, currentFields, rescanSubtrees, type ScanOptions, type RescanResult } from './scan';
export { mountField } from './virtual';
export { observePage, type PageChange, type ObserveOptions } from './observe';
export { applyFill, undoFill, undoableFids, readFields, focusedFid } from './fill/index';
export { highlightField, clearHighlights } from './highlight';
export { matchOption, canonical } from './text';
export type { QuestionField, FillResult, FieldKind, LabelSource } from './types';
