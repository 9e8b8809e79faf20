// Every review error message in one place: cause and fix, so the review page, side panel and CLI agree.
import { CrosswalkError } from '../errors';

export type ReviewErrorCode = 'not-found' | 'not-edited' | 'no-entry' | 'no-owner' | 'invalid-record' | 'no-reviewer';

export class ReviewError extends CrosswalkError<ReviewErrorCode> {
  override name = 'ReviewError';
}

export const reviewMessages = {
  recordNotFound: (id: string) =>
    `No fill record "${id}" in the review ledger. Reload the review page: the record list may be out of date.`,
  notEdited: (question: string) =>
    `"${question}" was not edited on the page after filling, so there is nothing to save. Read the page again (Check for edits) after changing the answer.`,
  noEntry: (id: string) =>
    `The library has no entry "${id}" any more, so the edit cannot become a new version of it. Save it as a new entry instead.`,
  noOwner: () => "A new library entry needs an owner. Enter the owner's name and save again.",
  noReviewer: () => 'Enter your name as reviewer first: every decision and sign-off records who made it.',
  invalidRecord: (detail: string) =>
    `The fill record is invalid (${detail}). This is a bug in the caller: pass a record shaped like FillRecord.`,
};
