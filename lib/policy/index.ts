// The one fill policy: for a suggestion, a field and the questionnaire it answers, fill / confirm first /
// blocked, with findings a person can act on. Every trigger calls decideFill (see gates.ts for the table).
export { Trigger, type Gate, type Verdict, type PolicyField, type PolicyContext, type PolicyInput } from './types';
export type { ReuseData, Reason, FillDecision } from './types';
export { decideFill, reuseFlags, holding } from './decide';
export { GATES } from './gates';
export { fitsField, currentValue, fillValue, isChoice, pickedOptions } from './field-fit';
export { matchVerdict, warningFlags, type MatchVerdict } from './match-findings';
export { heldGroups, type HeldGroup } from './held';
