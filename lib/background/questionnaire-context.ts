// The questionnaire the user declared for a page (name, recipient, NDA, scope), remembered per page address in
// extension storage. The side panel's form writes it; every trigger reads it, the keyboard shortcut and the
// context menu included, so a fill never runs against a default audience the user did not choose.
import { QuestionnaireContext } from '../messaging';
import { questionnaireContextItem } from './storage-items';

export const EMPTY_CONTEXT: QuestionnaireContext = QuestionnaireContext.parse({});

/** The declared context, or undefined when the user never declared one for this page (or it no longer parses). */
export async function findContext(url: string): Promise<QuestionnaireContext | undefined> {
  return questionnaireContextItem(url).get();
}

export async function loadContext(url: string): Promise<QuestionnaireContext> {
  return (await findContext(url)) ?? EMPTY_CONTEXT;
}

export async function saveContext(url: string, ctx: QuestionnaireContext): Promise<void> {
  await questionnaireContextItem(url).set(ctx);
}
