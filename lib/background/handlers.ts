// One handler per background request. Page work goes to page-ops (per frame); matching to the index service.
import type { QuestionnaireContext } from '../messaging';
import type { ExtensionSettings } from './settings';
import type { IndexService } from './index-service';
import { fillTab, highlightTab, readTab, scanTab, undoTab } from './page-ops';
import { scanInPagesFor } from './scan-pages';
import { packMatches } from './match-wire';
import { watchTab } from './page-watch';
import type { Handlers } from './router';

export interface Services {
  index(): Promise<IndexService<unknown>>;
  settings(): Promise<ExtensionSettings>;
}

export function makeHandlers(services: Services): Handlers {
  const options = async (context?: QuestionnaireContext) => {
    const settings = await services.settings();
    return { threshold: settings.autofillThreshold, footer: settings.citationFooter, ...(context ? { context } : {}) };
  };
  return {
    'bg/scan': (req) => scanInPagesFor(req.tabId, req.cursor, scanTab),
    'bg/match': async (req) => {
      const index = await services.index();
      const opts = await options(req.context);
      const { results, generation } = await index.matchAt(
        req.questions,
        req.questionnaire ? { ...opts, questionnaire: req.questionnaire } : opts,
      );
      return packMatches(results, generation, new Set(req.known));
    },
    'bg/fill': async (req) => ({ results: await fillTab(req.tabId, req.plan) }),
    'bg/undo': async (req) => ({ results: await undoTab(req.tabId, req.fids) }),
    'bg/highlight': async (req) => ({ ok: await highlightTab(req.tabId, req.fid) }),
    'bg/read': async (req) => ({ values: await readTab(req.tabId, req.fids) }),
    'bg/search': async (req) => {
      const index = await services.index();
      return { suggestions: await index.search(req.query, req.limit, await options(req.context)) };
    },
    'bg/status': async () => (await services.index()).getStatus(),
    'bg/sync': async () => (await services.index()).sync(),
    'bg/watch': async (req) => ({ frames: await watchTab(req.tabId) }),
  };
}
