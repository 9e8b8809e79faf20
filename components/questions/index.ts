// Question cards and the logic behind them, shared by the side panel (page questions) and the spreadsheet page
// (workbook questions): both show the same card, suggestion, pre-fill checks and "Fill all confident".
import './questions.css';
export { QuestionCard } from './question-card';
export { SuggestionView, Warnings, PreFillFlags } from './suggestion-view';
export { FillAll } from './fill-all';
export {
  toRows,
  commentFill,
  toQuestionInput,
  fits,
  planConfident,
  summarize,
  splitList,
  type Row,
  type RowStatus,
  type PlannedFill,
  type Summary,
} from './plan';
export { extraFlags, usePreFillChecks, type FlagsFor } from './pre-fill';
export { QuestionnaireForm, EMPTY_CONTEXT, loadContext, saveContext } from './questionnaire-form';
