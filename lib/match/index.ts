// Public API of the matching engine. Pure: no DOM, no IndexedDB; the background hands it library entries.
export {
  buildIndex,
  addEntry,
  removeEntry,
  updateEntry,
  putEvidence,
  serializeIndex,
  loadIndex,
  type AnswerIndex,
  type SerializedIndex,
} from './answer-index';
export { classifyControls, type ClassifyOptions } from './classify';
export { DEFAULT_AUTOFILL_THRESHOLD, WEAK_FLOOR } from './confidence';
export { DEFAULT_MODEL, MatchModel, RANK_FEATURES, CONFIDENCE_FEATURES, confidenceFeatures, rankScore } from './model';
export { rankCandidates, type Candidate, type Ranking } from './rank';
export {
  matchQuestion,
  sameAnswer,
  assess,
  blocks,
  suggestContext,
  type MatchOptions,
  type Assessment,
  type SuggestContext,
} from './match';
export { gate, GATE_SETTINGS, type GateInput, type GateOutput } from './gate';
export { OPTION_EVIDENCE_TO_FILL } from './confidence';
export {
  clearance,
  clearedFor,
  neverCleared,
  describePermission,
  scopeGaps,
  isStale,
  outdatedEvidence,
  citedItems,
  unshareableEvidence,
  unshareableEvidenceMessage,
  sameName,
  todayIso,
  SCOPE_AXES,
  SCOPE_AXIS_LABEL,
  type Audience,
  type Clearance,
  type ScopeGap,
  type ScopeAxis,
  type OutdatedEvidence,
} from './reuse';
export { shapeAnswer, optionMeaning, DEFAULT_FOOTER, type FooterFormat } from './shape';
export { defaultControlSource, type ControlSource } from './control-source';
export { getLexicon, compileLexicon, LexiconFile } from './lexicon';
export * from './types';
