// The side panel's Review tab: the same review list as the full review page, for this questionnaire.
// The reviewer's name is shared with the review page (one setting), so decisions carry who made them.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ReviewList } from '../../components/review';
import type { Library } from '../../lib/library';
import type { QuestionnaireContext } from '../../lib/messaging';
import { questionnaireKey } from '../../lib/review';

const REVIEWER_KEY = 'review.reviewer';

export function ReviewTab({
  library,
  pageUrl,
  context,
}: {
  library: Library | undefined;
  pageUrl: string;
  context: QuestionnaireContext;
}) {
  const [reviewer, setReviewer] = useState('');
  useEffect(() => {
    void library?.settings.get<string>(REVIEWER_KEY).then((name) => name && setReviewer(name));
  }, [library]);
  const key = pageUrl ? questionnaireKey(pageUrl, context.name) : undefined;
  const saveReviewer = (name: string) => {
    setReviewer(name);
    void library?.settings.set(REVIEWER_KEY, name);
  };
  return (
    <section className="cw-stack" aria-label="Review answers used on this page">
      <div className="cw-row">
        <label className="cw-label" style={{ flex: 1 }}>
          Reviewer
          <input
            className="cw-input"
            value={reviewer}
            placeholder="Your name, recorded with each decision"
            onChange={(e) => saveReviewer(e.target.value)}
          />
        </label>
      </div>
      <button
        className="cw-btn cw-btn--quiet cw-btn--small"
        onClick={() =>
          void browser.tabs.create({
            url: browser.runtime.getURL(`/review.html${key ? `?q=${encodeURIComponent(key)}` : ''}` as '/review.html'),
          })
        }
      >
        Open the full review page (report, sign-off)
      </button>
      <ReviewList library={library} questionnaireId={key} reviewer={reviewer} />
    </section>
  );
}
