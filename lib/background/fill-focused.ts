// The fill-focused command: find the scanned field that has focus, match its question, and fill it only
// when the top suggestion is confident enough to auto-fill (a wrong answer is worse than none).
import type { MatchResult } from '../match/types';
import type { QuestionField } from '../page/types';
import { badge } from './browser-ui';
import { framedFid } from './frames';
import type { Services } from './handlers';
import { sendToFrame } from './page-bridge';
import { fillTab, scanTab } from './page-ops';
import { fillValue } from './settings';

export type FocusedOutcome = { filled: true; field: QuestionField } | { filled: false; reason: string };

/** Decide from the match alone (pure): fill the top suggestion only when it may be auto-filled. */
export function decideFocusedFill(
  result: MatchResult | undefined,
): { ok: true; index: 0 } | { ok: false; reason: string } {
  const top = result?.suggestions[0];
  if (!top) return { ok: false, reason: result?.reasons[0]?.message ?? 'No library answer matches this question.' };
  if (!top.autoFill)
    return { ok: false, reason: 'The best answer is below the auto-fill threshold: review it in the side panel.' };
  return { ok: true, index: 0 };
}

export async function fillFocused(tabId: number, services: Services): Promise<FocusedOutcome> {
  const scan = await scanTab(tabId);
  let focused: string | null = null;
  for (const frame of scan.frames) {
    const res = await sendToFrame(tabId, frame.frameId, { type: 'page/focused' }).catch(() => null);
    if (res?.fid) {
      focused = framedFid(frame.frameId, res.fid);
      break;
    }
  }
  const field = scan.fields.find((f) => f.fid === focused);
  if (!field) return report(tabId, { filled: false, reason: 'Put the cursor in a questionnaire answer field first.' });
  const settings = await services.settings();
  const index = await services.index();
  const [result] = await index.match(
    [
      {
        question: field.question,
        section: field.section,
        helper: field.helper,
        kind: field.kind,
        options: field.options,
      },
    ],
    { threshold: settings.autofillThreshold, footer: settings.citationFooter },
  );
  const decision = decideFocusedFill(result);
  if (!decision.ok) return report(tabId, { filled: false, reason: decision.reason });
  const top = result!.suggestions[0]!;
  const [fill] = await fillTab(tabId, [
    { fid: field.fid, value: fillValue(top), entryId: top.entryId, version: top.version },
  ]);
  if (!fill?.ok) return report(tabId, { filled: false, reason: fill?.error ?? 'The page did not accept the value.' });
  return report(tabId, { filled: true, field });
}

async function report(tabId: number, outcome: FocusedOutcome): Promise<FocusedOutcome> {
  await badge(
    tabId,
    outcome.filled ? '✓' : '!',
    outcome.filled ? 'Crosswalk filled the focused field' : `Crosswalk: ${outcome.reason}`,
  );
  return outcome;
}
