// Public API of lib/review (pure; runs in Node and in the extension). The ledger's IndexedDB store is
// lib/library/ledger-store.ts; the Node-only report download helper is lib/cli/report-download.ts.
export * from './schema';
export {
  runReuseChecks,
  REUSE_RULES,
  todayIso,
  type ReuseContext,
  type ReuseQuestionnaire,
  type ReuseRule,
} from './rules';
export { checkBeforeFill, reviewFlags, recordFlags, citedEvidence, type PreFillInput } from './checks';
export { wordDiff, diffText } from './diff';
export { questionnaireOrder, compareNumbers } from './order';
export { checkEdit, applyReadBack } from './edit-check';
export {
  buildReviewReport,
  reportFormatFor,
  escapeFormulaCell,
  REPORT_COLUMNS,
  type ReportFormat,
  type ReportOptions,
} from './report';
export { computeHealth, type HealthReport, type CoverageCell, type Coverage } from './health';
export { similarPairs, type SimilarPair } from './similar-pairs';
export { pageEditDraft, isPageEdit, PAGE_EDIT_SOURCE, type SaveMode } from './page-edit';
export { ReviewError, reviewMessages } from './errors';
export {
  toFillRecord,
  reviewQuestionnaire,
  recordedFlags,
  fillRecordId,
  fillChangedPage,
  type FillContext,
} from './from-fill';
export { pageEditMessage } from './page-edit';
