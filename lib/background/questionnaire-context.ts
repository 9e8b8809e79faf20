// The questionnaire the user declared for a page (name, recipient, NDA, scope), remembered per page address in
// extension storage. The side panel's form writes it; every trigger reads it, the keyboard shortcut and the
// context menu included, so a fill never runs against a default audience the user did not choose.
import { browser } from 'wxt/browser';
import { QuestionnaireContext } from '../messaging';

export const EMPTY_CONTEXT: QuestionnaireContext = QuestionnaireContext.parse({});

export function contextKey(url: string): string {
  try {
    const u = new URL(url);
    return `crosswalk.questionnaire:${u.origin}${u.pathname}`;
  } catch {
    return 'crosswalk.questionnaire:unknown';
  }
}

/** The declared context, or undefined when the user never declared one for this page. */
export async function findContext(url: string): Promise<QuestionnaireContext | undefined> {
  const key = contextKey(url);
  const got = await browser.storage.local.get(key);
  if (got[key] === undefined) return undefined;
  const parsed = QuestionnaireContext.safeParse(got[key]);
  return parsed.success ? parsed.data : undefined;
}

export async function loadContext(url: string): Promise<QuestionnaireContext> {
  return (await findContext(url)) ?? EMPTY_CONTEXT;
}

export async function saveContext(url: string, ctx: QuestionnaireContext): Promise<void> {
  await browser.storage.local.set({ [contextKey(url)]: QuestionnaireContext.parse(ctx) });
}
