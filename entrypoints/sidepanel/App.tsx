// The side panel: the target tab's questions in page order, each with its best answer and citations.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useEffectEvent, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { Alert, EmptyState, Spinner } from '../../components/ui';
import { useLibrary } from '../../components/use-library';
import { loadSettings, type ExtensionSettings } from '../../lib/background/settings';
import type { QuestionnaireContext } from '../../lib/messaging';
import {
  FillAll,
  planConfident,
  summarize,
  usePreFillChecks,
  QuestionCard,
  EMPTY_CONTEXT,
  loadContext,
  QuestionnaireForm,
  saveContext,
} from '../../components/questions';
import { FrameworkNotes } from './framework-notes';
import { LibrarySearch } from './library-search';
import { ReviewAnswers } from './review-answers';
import { ReviewTab } from './review-tab';
import { useSession } from './use-session';
import { useTargetTab } from './use-target-tab';

export function App() {
  const tabId = useTargetTab();
  const { library, error: libraryError } = useLibrary();
  const [context, setContext] = useState<QuestionnaireContext>(EMPTY_CONTEXT);
  // Re-check answers whenever the library or the settings change (edits in the options page included).
  const seq = useLiveQuery(() => library?.changeSeq(), [library]);
  const flagsFor = usePreFillChecks(library, seq, context);
  const session = useSession(tabId, context, flagsFor);
  const [selected, setSelected] = useState<string>();
  const [notesOpen, setNotesOpen] = useState(false);
  const [view, setView] = useState<'questions' | 'review'>('questions');
  const [settings, setSettings] = useState<ExtensionSettings>();

  // Re-match what is on screen when its inputs change; reads the session of the moment, reacts only to the inputs.
  const rematchIfReady = useEffectEvent(() => {
    if (session.phase === 'ready') void session.rematch();
  });
  useEffect(() => {
    if (!library) return;
    void loadSettings(library.settings).then(setSettings);
    rematchIfReady();
  }, [seq, library]);

  useEffect(() => {
    if (!session.page.url) return;
    // A context still loading when the panel moves to another page must not replace that page's context.
    let live = true;
    void loadContext(session.page.url).then((c) => live && setContext(c));
    return () => {
      live = false;
    };
  }, [session.page.url]);

  const applyContext = (ctx: QuestionnaireContext) => {
    setContext(ctx);
    void saveContext(session.page.url, ctx);
  };
  useEffect(() => rematchIfReady(), [context]);

  const plan = useMemo(() => planConfident(session.rows, flagsFor), [session.rows, flagsFor]);
  const summary = useMemo(() => summarize(session.rows), [session.rows]);
  const threshold = settings?.autofillThreshold ?? 0.8;
  const select = useCallback(
    (fid: string) => {
      setSelected((cur) => (cur === fid ? undefined : fid));
      session.highlight(fid);
    },
    [session],
  );
  const busy = session.phase === 'scanning' || session.phase === 'matching';

  return (
    <div className="sp">
      <header className="sp-header">
        <div className="cw-row">
          <h1>Crosswalk</h1>
          <span className="cw-spacer" />
          <button
            className="cw-btn cw-btn--small"
            onClick={() => void session.scan()}
            disabled={busy || tabId === undefined}
          >
            {session.rows.length ? 'Rescan' : 'Scan'}
          </button>
          <button
            className="cw-btn cw-btn--quiet cw-btn--small"
            onClick={() => void browser.runtime.openOptionsPage()}
            title="Open the library manager"
          >
            Library
          </button>
        </div>
        {session.page.title && (
          <p className="cw-small cw-muted sp-page" title={session.page.url}>
            {session.page.title}
          </p>
        )}
      </header>
      {libraryError && <Alert tone="bad">{libraryError}</Alert>}
      <div className="cw-row" role="tablist" aria-label="Side panel views">
        {(['questions', 'review'] as const).map((v) => (
          <button
            key={v}
            role="tab"
            aria-selected={view === v}
            className={`cw-btn cw-btn--small${view === v ? ' cw-btn--primary' : ' cw-btn--quiet'}`}
            onClick={() => setView(v)}
          >
            {v === 'questions' ? 'Questions' : 'Review'}
          </button>
        ))}
      </div>
      {view === 'review' ? (
        <ReviewTab library={library} pageUrl={session.page.url} context={context} />
      ) : (
        <>
          <QuestionnaireForm value={context} onApply={applyContext} />
          <div
            className="sp-summary"
            data-testid="summary"
            data-detected={summary.detected}
            data-suggested={summary.suggested}
            data-filled={summary.filled}
            data-abstained={summary.abstained}
            aria-live="polite"
          >
            <span>
              <strong>{summary.detected}</strong> questions
            </span>
            <span>
              <strong>{summary.suggested}</strong> suggested
            </span>
            <span>
              <strong>{summary.confident}</strong> confident
            </span>
            <span>
              <strong>{summary.filled}</strong> filled
            </span>
            <span>
              <strong>{summary.abstained}</strong> no answer
            </span>
          </div>
          {session.phase === 'ready' && session.rows.length > 0 && (
            <FillAll
              plan={plan}
              filledCount={summary.filled}
              fill={(p, onProgress) => session.fill(p, onProgress)}
              undoAll={() => session.undo()}
            />
          )}
          {session.phase === 'ready' && session.rows.length > 0 && (
            <ReviewAnswers tabId={tabId} pageUrl={session.page.url} context={context} filled={summary.filled} />
          )}
          {session.error && <Alert tone="bad">{session.error}</Alert>}
          {notesOpen && <FrameworkNotes onClose={() => setNotesOpen(false)} />}
          <LibrarySearch context={context} threshold={threshold} onNotes={() => setNotesOpen(true)} />
          <main>
            {tabId === undefined && (
              <EmptyState title="No tab to work on">
                Open a questionnaire page, then open Crosswalk from the toolbar.
              </EmptyState>
            )}
            {busy && (
              <div className="sp-loading">
                <Spinner label={session.phase === 'scanning' ? 'Reading the page…' : 'Finding answers…'} />
              </div>
            )}
            {session.phase === 'ready' && session.rows.length === 0 && (
              <EmptyState title="No questions found">
                <p>
                  Crosswalk found no answer fields on this page. If the form is still loading, wait and press Rescan.
                </p>
              </EmptyState>
            )}
            {session.rows.length > 0 && (
              <ol className="sp-list" aria-label="Questions on this page">
                {session.rows.map((row, i) => (
                  <QuestionCard
                    key={row.field.fid}
                    row={row}
                    index={i}
                    selected={selected === row.field.fid}
                    threshold={threshold}
                    onSelect={() => select(row.field.fid)}
                    onFill={(item, extra) => void session.fill(extra ? [item, extra] : [item])}
                    onUndo={() => void session.undo(row.comment ? [row.field.fid, row.comment.fid] : [row.field.fid])}
                    onStatus={(s) => session.setStatus(row.field.fid, s)}
                    onNotes={() => setNotesOpen(true)}
                    flagsFor={flagsFor}
                  />
                ))}
              </ol>
            )}
          </main>
        </>
      )}
    </div>
  );
}
