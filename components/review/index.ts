// Public API of components/review: the review page, the ledger list the side panel embeds, and notifications.
export { LibraryNotifications } from './notifications';
export { ReviewPage } from './review-page';
export { ReviewList } from './review-list';
