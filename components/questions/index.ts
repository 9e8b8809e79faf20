// Question cards and the logic behind them, shared by the side panel (page questions) and the spreadsheet page
// (workbook questions): both show the same card, suggestion, fill-policy findings and "Fill all confident".
import './questions.css';
export { QuestionCard, type Density } from './question-card';
export { SuggestionView } from './suggestion-view';
export { Findings, ACTION_LABEL } from './findings';
export { FillAll } from './fill-all';
export { FrameworkNotes } from './framework-notes';
export {
  toRows,
  commentFill,
  fillTarget,
  toQuestionInput,
  policyField,
  planConfident,
  summarize,
  splitList,
  type Row,
  type RowStatus,
  type PlannedFill,
  type ConfidentPlan,
  type Summary,
} from './plan';
export { usePolicy, type Decide } from './use-policy';
export { QuestionnaireForm, EMPTY_CONTEXT, loadContext, saveContext } from './questionnaire-form';
