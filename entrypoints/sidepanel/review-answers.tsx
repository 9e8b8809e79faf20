// "Review answers": read back what the page holds now for every field Crosswalk filled in this questionnaire,
// record edits made on the page since (the ledger diffs them), then open the full review page on it.
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { Alert } from '../../components/ui';
import { getLibrary } from '../../components/use-library';
import { request } from '../../lib/background';
import { ledgerOf } from '../../lib/library';
import type { QuestionnaireContext } from '../../lib/messaging';
import { questionnaireKey } from '../../lib/review';
import { errorCode, errorMessage } from '../../lib/errors';

export interface ReadBackSummary {
  questionnaireId: string;
  checked: number;
  edited: number;
}

/** Read the filled fields back from the tab into the ledger; returns how many were checked and edited. */
export async function readBackFills(
  tabId: number,
  pageUrl: string,
  context: QuestionnaireContext,
): Promise<ReadBackSummary> {
  const questionnaireId = questionnaireKey(pageUrl, context.name);
  const ledger = ledgerOf(await getLibrary());
  const fids = [
    ...new Set((await ledger.list({ questionnaireId })).filter((r) => r.action === 'fill').map((r) => r.fid)),
  ];
  if (fids.length) {
    const { values } = await request({ type: 'bg/read', tabId, fids });
    await ledger.applyReadBack(questionnaireId, values);
  }
  const after = await ledger.list({ questionnaireId });
  const editedFids = new Set(after.filter((r) => r.edit?.editedAfterFill).map((r) => r.fid));
  return { questionnaireId, checked: fids.length, edited: editedFids.size };
}

export function reviewPageUrl(questionnaireId: string): string {
  return `${browser.runtime.getURL('/review.html')}?q=${encodeURIComponent(questionnaireId)}`;
}

export function ReviewAnswers({
  tabId,
  pageUrl,
  context,
  filled,
}: {
  tabId: number | undefined;
  pageUrl: string;
  context: QuestionnaireContext;
  filled: number;
}) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'ok' | 'warn' | 'bad'; text: string }>();
  const run = async () => {
    if (tabId === undefined || !pageUrl) return;
    setBusy(true);
    setResult(undefined);
    try {
      const s = await readBackFills(tabId, pageUrl, context);
      setResult(
        s.checked
          ? {
              tone: s.edited ? 'warn' : 'ok',
              text: `Checked ${s.checked} filled answer${s.checked === 1 ? '' : 's'}: ${s.edited} edited on the page since filling.`,
            }
          : {
              tone: 'warn',
              text: 'Nothing filled in this questionnaire yet: the review page lists answers once Crosswalk fills them.',
            },
      );
      await browser.tabs.create({ url: reviewPageUrl(s.questionnaireId) });
    } catch (err) {
      setResult({
        tone: 'bad',
        text: `Could not read the answers back (${errorMessage(err)}). Keep the questionnaire tab open, then try again. (error code: ${errorCode(err)})`,
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="sp-review" aria-label="Review">
      <button
        className="cw-btn"
        disabled={busy || tabId === undefined || !pageUrl}
        onClick={() => void run()}
        title={
          filled
            ? 'Check the filled answers for edits, then open the review page'
            : 'Open the review page for this questionnaire'
        }
      >
        {busy ? 'Reading answers…' : 'Review answers'}
      </button>
      {result && (
        <Alert tone={result.tone}>
          <span data-testid="review-readback">{result.text}</span>
        </Alert>
      )}
    </section>
  );
}
