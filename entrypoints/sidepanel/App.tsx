// The side panel: the target tab's questions in page order, each with its best answer, the fill policy's
// findings and citations; filters, jump and keyboard navigation for long questionnaires.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { Alert, EmptyState, Spinner } from '../../components/ui';
import { useLibrary } from '../../components/use-library';
import { loadSettings, type ExtensionSettings } from '../../lib/background';
import { DEFAULT_AUTOFILL_THRESHOLD } from '../../lib/match';
import type { QuestionnaireContext } from '../../lib/messaging';
import type { FlagAction } from '../../lib/review';
import {
  applyFilter,
  filterCounts,
  findByNumber,
  NO_FILTER,
  rowFacts,
  sectionsOf,
  step,
  type ListFilter,
} from './filters';
import {
  EMPTY_CONTEXT,
  FillAll,
  FrameworkNotes,
  loadContext,
  planConfident,
  QuestionCard,
  QuestionnaireForm,
  saveContext,
  summarize,
  usePolicy,
  type Density,
  type Row,
} from '../../components/questions';
import { FrameErrors } from './frame-errors';
import { LibrarySearch } from './library-search';
import { ListToolbar } from './list-toolbar';
import { QuestionList, type QuestionListHandle } from './question-list';
import { ReviewAnswers } from './review-answers';
import { ReviewTab } from './review-tab';
import { useSession } from './use-session';
import { useTargetTab } from './use-target-tab';

const DENSITY_KEY = 'crosswalk.panel.density';
/** Long questionnaires open in compact cards (one line of question, one of answer). */
const COMPACT_ABOVE = 100;

function initialDensity(): Density | undefined {
  const saved = globalThis.localStorage?.getItem(DENSITY_KEY);
  return saved === 'compact' || saved === 'comfortable' ? saved : undefined;
}

/** Typing in a box must not move between cards. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function App() {
  const tabId = useTargetTab();
  const { library, error: libraryError } = useLibrary();
  const [context, setContext] = useState<QuestionnaireContext>(EMPTY_CONTEXT);
  // Re-check answers whenever the library or the settings change (edits in the options page included).
  const seq = useLiveQuery(() => library?.changeSeq(), [library]);
  const [settings, setSettings] = useState<ExtensionSettings>();
  const threshold = settings?.autofillThreshold ?? DEFAULT_AUTOFILL_THRESHOLD;
  const decide = usePolicy(library, seq, context, threshold);
  const session = useSession(tabId, context);
  const [selected, setSelected] = useState<string>();
  const [notesOpen, setNotesOpen] = useState(false);
  const [contextOpen, setContextOpen] = useState(false);
  const [view, setView] = useState<'questions' | 'review'>('questions');
  const [filter, setFilter] = useState<ListFilter>(NO_FILTER);
  const [chosenDensity, setChosenDensity] = useState<Density | undefined>(initialDensity);
  const list = useRef<QuestionListHandle>(null);

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

  const applyContext = useCallback(
    (ctx: QuestionnaireContext) => {
      setContext(ctx);
      void saveContext(session.page.url, ctx);
    },
    [session.page.url],
  );
  useEffect(() => rematchIfReady(), [context]);

  const onAction = useCallback(
    (action: FlagAction) => {
      if (action === 'set-nda') applyContext({ ...context, nda: true });
      if (action === 'declare-recipient') {
        setContextOpen(true);
        setTimeout(() => document.getElementById('sp-recipient')?.focus(), 0);
      }
    },
    [applyContext, context],
  );

  const rows = session.rows;
  const { plan, held } = useMemo(() => planConfident(rows, decide), [rows, decide]);
  const summary = useMemo(() => summarize(rows), [rows]);
  const facts = useMemo(() => rows.map((r) => rowFacts(r, decide)), [rows, decide]);
  const visible = useMemo(() => applyFilter(rows, facts, filter), [rows, facts, filter]);
  const counts = useMemo(() => filterCounts(rows, facts, filter), [rows, facts, filter]);
  const sections = useMemo(() => sectionsOf(rows), [rows]);
  const density: Density = chosenDensity ?? (rows.length > COMPACT_ABOVE ? 'compact' : 'comfortable');

  const select = useCallback(
    (fid: string) => {
      setSelected((cur) => (cur === fid ? undefined : fid));
      session.highlight(fid);
    },
    [session],
  );
  /** Select a row (an index into rows), bring it into view and put the keyboard on it. */
  const goTo = useCallback(
    (i: number) => {
      const row = rows[i];
      if (!row) return;
      let at = visible.indexOf(i);
      if (at < 0) {
        // Jumping to a row the filter hides: show everything rather than fail.
        setFilter(NO_FILTER);
        at = i;
      }
      setSelected(row.field.fid);
      session.highlight(row.field.fid);
      list.current?.scrollTo(at);
      setTimeout(() => {
        const head = document.querySelector<HTMLElement>(
          `[data-fid="${CSS.escape(row.field.fid)}"] .sp-question__head`,
        );
        head?.focus({ preventScroll: false });
      }, 50);
    },
    [rows, visible, session],
  );
  const current = selected ? rows.findIndex((r) => r.field.fid === selected) : -1;
  const stepUnanswered = useCallback(
    (dir: 1 | -1) => {
      const next = step(visible, current, dir, (i) => facts[i]!.unanswered && rows[i]!.status !== 'skipped');
      if (next >= 0) goTo(next);
    },
    [visible, current, facts, rows, goTo],
  );
  const stepAny = useCallback(
    (dir: 1 | -1) => {
      const next = step(visible, current, dir, () => true);
      if (next >= 0) goTo(next);
    },
    [visible, current, goTo],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (view !== 'questions' || typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const moves: Record<string, () => void> = {
        n: () => stepUnanswered(1),
        p: () => stepUnanswered(-1),
        j: () => stepAny(1),
        k: () => stepAny(-1),
      };
      const move = moves[e.key];
      if (move) {
        e.preventDefault();
        move();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [view, stepUnanswered, stepAny]);

  const fillItems = useCallback((items: Parameters<typeof session.fill>[0]) => void session.fill(items), [session]);
  const undoRow = useCallback(
    (row: Row) => void session.undo(row.comment ? [row.field.fid, row.comment.fid] : [row.field.fid]),
    [session],
  );
  const setStatus = useCallback((fid: string, status: Row['status']) => session.setStatus(fid, status), [session]);
  const openNotes = useCallback(() => setNotesOpen(true), []);
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
            {rows.length ? 'Rescan' : 'Scan'}
          </button>
          <button
            className="cw-btn cw-btn--quiet cw-btn--small"
            onClick={() => void browser.runtime.openOptionsPage()}
            title="Open the library manager"
          >
            Library
          </button>
          <button
            className="cw-btn cw-btn--quiet cw-btn--small"
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/spreadsheet.html') })}
            title="Answer a questionnaire that came as a workbook (XLSX, CSV)"
          >
            Spreadsheet
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
          <QuestionnaireForm value={context} onApply={applyContext} open={contextOpen} onToggle={setContextOpen} />
          <div
            className="sp-summary"
            data-testid="summary"
            data-phase={session.phase}
            data-detected={summary.detected}
            data-suggested={summary.suggested}
            data-confident={summary.confident}
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
          {session.phase === 'ready' && rows.length > 0 && (
            <FillAll
              plan={plan}
              held={held}
              onAction={onAction}
              onShow={(fids, label) => setFilter({ kind: 'all', section: '', only: { fids: new Set(fids), label } })}
              filledCount={summary.filled}
              fill={(p, onProgress) => session.fill(p, onProgress)}
              undoAll={() => session.undo()}
            />
          )}
          {session.phase === 'ready' && rows.length > 0 && (
            <ReviewAnswers tabId={tabId} pageUrl={session.page.url} context={context} filled={summary.filled} />
          )}
          {session.error && <Alert tone="bad">{session.error}</Alert>}
          <FrameErrors frames={session.frames} onRescan={() => void session.scan()} />
          {notesOpen && <FrameworkNotes onClose={() => setNotesOpen(false)} />}
          <LibrarySearch context={context} threshold={threshold} onNotes={openNotes} />
          {rows.length > 0 && (
            <ListToolbar
              filter={filter}
              counts={counts}
              sections={sections}
              density={density}
              onFilter={setFilter}
              onDensity={(d) => {
                setChosenDensity(d);
                globalThis.localStorage?.setItem(DENSITY_KEY, d);
              }}
              onJump={(n) => {
                const i = findByNumber(rows, n);
                if (i >= 0) goTo(i);
                return i >= 0;
              }}
              onStep={stepUnanswered}
            />
          )}
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
            {session.phase === 'ready' && rows.length === 0 && (
              <EmptyState title="No questions found">
                <p>
                  Crosswalk found no answer fields on this page. If the form is still loading, wait and press Rescan.
                </p>
              </EmptyState>
            )}
            {rows.length > 0 && visible.length === 0 && (
              <EmptyState title="No question matches this filter">
                <button className="cw-btn cw-btn--small" onClick={() => setFilter(NO_FILTER)}>
                  Show all questions
                </button>
              </EmptyState>
            )}
            {visible.length > 0 && (
              <QuestionList
                key={density}
                count={visible.length}
                estimate={density === 'compact' ? 76 : 240}
                handle={list}
                renderCard={(at, style, measure) => {
                  const row = rows[visible[at]!]!;
                  return (
                    <QuestionCard
                      key={row.field.fid}
                      row={row}
                      listIndex={at}
                      style={style}
                      measure={measure}
                      selected={selected === row.field.fid}
                      density={density}
                      threshold={threshold}
                      decide={decide}
                      onSelect={select}
                      onFill={fillItems}
                      onUndo={undoRow}
                      onStatus={setStatus}
                      onNotes={openNotes}
                      onAction={onAction}
                    />
                  );
                }}
              />
            )}
          </main>
        </>
      )}
    </div>
  );
}
