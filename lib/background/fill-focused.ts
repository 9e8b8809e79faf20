// The keyboard shortcut (Alt+Shift+F) and the context menu's "Fill this field from the library": find the
// field that has focus, match its question against the questionnaire the user declared for the page (asked
// for once, in the page, when there is none), and do what the fill policy says for that trigger: fill, ask in
// the page first (showing the answer and why), or say why not. Every fill goes into the review ledger.
import { ledgerOf, type Library } from '../library';
import type { QuestionnaireContext } from '../messaging';
import type { MatchResult } from '../match';
import type { QuestionField } from '../page';
import { decideFill, holding, type FillDecision } from '../policy';
import { fillChangedPage, recordedFlags, toFillRecord } from '../review';
import { badge } from './browser-ui';
import { framedFid } from './frames';
import type { Services } from './handlers';
import { askInPage, type DialogSpec } from './page-dialog';
import { sendToFrame } from './page-bridge';
import { fillTab, scanTab } from './page-ops';
import { findContext, saveContext } from './questionnaire-context';

export type BlindTrigger = 'shortcut' | 'context-menu';

export type FocusedOutcome =
  | { filled: true; field: QuestionField; decision: FillDecision }
  | { filled: false; reason: string; decision?: FillDecision };

const split = (s: string) =>
  s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Ask once for the questionnaire's facts; saved for the page, so the panel and the next press reuse them. */
async function askContext(tabId: number, frameId: number, url: string): Promise<QuestionnaireContext | undefined> {
  const spec: DialogSpec = {
    kind: 'context',
    title: 'Crosswalk: who receives this questionnaire?',
    intro:
      'Answers are checked against the recipient, the NDA and the scope before anything is filled. Asked once for this page; change it later in the side panel.',
    fields: { name: '', recipient: '', nda: false, services: '', environments: '', regions: '', dataTypes: '' },
  };
  const res = await askInPage(tabId, frameId, spec);
  if (!res.ok || !res.fields) return undefined;
  const f = res.fields;
  const ctx: QuestionnaireContext = {
    name: f.name,
    recipient: f.recipient,
    nda: f.nda,
    scope: {
      services: split(f.services),
      environments: split(f.environments),
      regions: split(f.regions),
      dataTypes: split(f.dataTypes),
    },
  };
  await saveContext(url, ctx);
  return ctx;
}

async function focusedField(tabId: number): Promise<{ field?: QuestionField; url: string; title: string }> {
  const scan = await scanTab(tabId);
  for (const frame of scan.frames) {
    const res = await sendToFrame(tabId, frame.frameId, { type: 'page/focused' }).catch(() => null);
    if (res?.fid) {
      const fid = framedFid(frame.frameId, res.fid);
      return { field: scan.fields.find((f) => f.fid === fid), url: scan.url, title: scan.title };
    }
  }
  return { url: scan.url, title: scan.title };
}

async function reuseData(library: Library, result: MatchResult | undefined) {
  const top = result?.suggestions[0];
  const entry = top ? await library.entries.get(top.entryId) : undefined;
  if (!entry) return undefined;
  const evidence = (await Promise.all(entry.evidenceIds.map((id) => library.evidence.get(id)))).filter(
    (e): e is NonNullable<typeof e> => e !== undefined,
  );
  return { entry, evidence };
}

export async function fillFocused(
  tabId: number,
  services: Services & { library(): Promise<Library> },
  trigger: BlindTrigger = 'shortcut',
): Promise<FocusedOutcome> {
  const { field, url, title } = await focusedField(tabId);
  if (!field) return report(tabId, { filled: false, reason: 'Put the cursor in a questionnaire answer field first.' });
  const frameId = field.frameId ?? 0;
  const context = (await findContext(url)) ?? (await askContext(tabId, frameId, url));
  if (!context) return report(tabId, { filled: false, reason: 'No questionnaire declared: nothing was filled.' });
  const [settings, index, library] = await Promise.all([services.settings(), services.index(), services.library()]);
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
    { threshold: settings.autofillThreshold, footer: settings.citationFooter, context },
  );
  const top = result?.suggestions[0];
  const reuse = await reuseData(library, result);
  const decision = decideFill({
    trigger,
    field: { kind: field.kind, value: field.value, options: field.options, disabled: field.disabled },
    context,
    ...(top ? { suggestion: top } : {}),
    ...(reuse ? { reuse } : {}),
    question: { text: field.question, controls: result?.controls ?? [] },
    threshold: settings.autofillThreshold,
  });
  const label = field.number ? `${field.number} ${field.question}` : field.question;
  if (decision.verdict === 'blocked') {
    const why = top
      ? holding(decision).map((r) => `${r.message} Fix: ${r.fix}`)
      : [result?.reasons[0]?.message ?? 'No library answer matches this question.'];
    await askInPage(tabId, frameId, { kind: 'notice', title: `Crosswalk did not fill “${label}”`, lines: why });
    return report(tabId, { filled: false, reason: why[0]!, decision });
  }
  if (decision.verdict === 'confirm') {
    const res = await askInPage(tabId, frameId, {
      kind: 'confirm',
      title: 'Crosswalk: fill this answer?',
      question: label,
      answer: decision.value,
      reasons: holding(decision).map((r) => r.message),
      ok: decision.reasons.some((r) => r.code === 'field-has-value') ? 'Replace the answer' : 'Fill',
    });
    if (!res.ok) return report(tabId, { filled: false, reason: 'Not confirmed: nothing was filled.', decision });
  }
  const [fill] = await fillTab(tabId, [
    { fid: field.fid, value: decision.value, entryId: top?.entryId, version: top?.version },
  ]);
  if (!fill?.ok) return report(tabId, { filled: false, reason: fill?.error ?? 'The page did not accept the value.' });
  // A write of what the field already held changed nothing: not a fill to review.
  if (fillChangedPage(fill)) {
    try {
      await ledgerOf(library).record([
        toFillRecord({
          ctx: { page: { url, title }, declared: context },
          field,
          suggestion: top,
          value: fill.value,
          action: 'fill',
          trigger,
          questionControls: result?.controls,
          flags: recordedFlags(decision.reasons),
          previous: fill.previous,
        }),
      ]);
    } catch (err) {
      console.error('[crosswalk] could not record the fill for review:', err);
    }
  }
  return report(tabId, { filled: true, field, decision });
}

async function report(tabId: number, outcome: FocusedOutcome): Promise<FocusedOutcome> {
  await badge(
    tabId,
    outcome.filled ? '✓' : '!',
    outcome.filled ? 'Crosswalk filled the focused field' : `Crosswalk: ${outcome.reason}`,
  );
  return outcome;
}
