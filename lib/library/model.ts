// The library's data model: entry and evidence schemas, limits, near-duplicate tokens and the control-reference
// check. A second public entry beside index.ts because lib/library spans two layers: lib/match and lib/review are
// built on this model, while index.ts also re-exports the stores and backups, and the review ledger's store
// (ledger-store.ts, backup-ledger.ts) is built on lib/review. lib/match and lib/review import this file, never
// index.ts, so the folders never import each other (eslint.config.js enforces it).
export * from './schema';
export { LIMITS } from './limits';
export { questionTokens, jaccard } from './near-duplicates';
export type { EntryDraft, EvidenceDraft } from './repository';
