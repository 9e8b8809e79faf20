// "Answer a spreadsheet": drop a questionnaire workbook (XLSX, XLSM, CSV, TSV), check the sheets and columns
// found, review suggestions in the side panel's cards, and download the answered copy. The file is read in this
// page only; matching goes through the background like page questions.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useEffectEvent, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
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
  type Decide,
  type Row,
} from '../../components/questions';
import { Alert, EmptyState, Spinner } from '../../components/ui';
import { useLibrary } from '../../components/use-library';
import { loadSettings, type ExtensionSettings } from '../../lib/background';
import { DEFAULT_AUTOFILL_THRESHOLD } from '../../lib/match';
import type { QuestionnaireContext } from '../../lib/messaging';
import { questionnaireKey, type FlagAction } from '../../lib/review';
import { DropZone } from './drop-zone';
import { SheetSetup } from './sheet-setup';
import { useWorkbook } from './use-workbook';
import { describeError } from '../../lib/errors';

/** Where the questionnaire's declared facts are remembered: per workbook file name. */
const contextKey = (fileName: string) => `workbook:///${encodeURIComponent(fileName)}`;

const COMPACT_ABOVE = 100;

export function App() {
  const { library, error: libraryError } = useLibrary();
  const [context, setContext] = useState<QuestionnaireContext>(EMPTY_CONTEXT);
  const [contextOpen, setContextOpen] = useState(false);
  const seq = useLiveQuery(() => library?.changeSeq(), [library]);
  const [settings, setSettings] = useState<ExtensionSettings>();
  const threshold = settings?.autofillThreshold ?? DEFAULT_AUTOFILL_THRESHOLD;
  const policy = usePolicy(library, seq, context, threshold);
  const [overwrite, setOverwrite] = useState(false);
  const book = useWorkbook(context);
  const [selected, setSelected] = useState<string>();
  const [only, setOnly] = useState<{ fids: Set<string>; label: string }>();
  const [downloaded, setDownloaded] = useState<string>();
  const [downloadError, setDownloadError] = useState<string>();

  // "Replace answers already in the workbook": the policy then sees those cells as empty.
  const decide: Decide = useCallback(
    (row, s, trigger, value) =>
      policy(
        overwrite && row.status !== 'filled' && row.field.value ? { ...row, field: { ...row.field, value: '' } } : row,
        s,
        trigger,
        value,
      ),
    [policy, overwrite],
  );

  const rematchIfReady = useEffectEvent(() => {
    if (book.phase === 'ready') void book.rematch();
  });
  useEffect(() => {
    if (!library) return;
    void loadSettings(library.settings).then(setSettings);
    rematchIfReady();
  }, [seq, library]);
  useEffect(() => rematchIfReady(), [context]);

  useEffect(() => {
    if (!book.fileName) return;
    let live = true;
    void loadContext(contextKey(book.fileName)).then((c) => live && setContext(c));
    return () => {
      live = false;
    };
  }, [book.fileName]);

  const applyContext = useCallback(
    (ctx: QuestionnaireContext) => {
      setContext(ctx);
      if (book.fileName) void saveContext(contextKey(book.fileName), ctx);
    },
    [book.fileName],
  );
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

  const rows = book.rows;
  const { plan, held } = useMemo(() => planConfident(rows, decide), [rows, decide]);
  const summary = useMemo(() => summarize(rows), [rows]);
  const visible = useMemo(() => (only ? rows.filter((r) => only.fids.has(r.field.fid)) : rows), [rows, only]);
  const density = rows.length > COMPACT_ABOVE ? 'compact' : 'comfortable';
  const busy = book.phase === 'reading' || book.phase === 'matching';

  const select = useCallback((fid: string) => setSelected((cur) => (cur === fid ? undefined : fid)), []);
  const fillItems = useCallback((items: Parameters<typeof book.fill>[0]) => void book.fill(items), [book]);
  const undoRow = useCallback(
    (row: Row) => void book.undo(row.comment ? [row.field.fid, row.comment.fid] : [row.field.fid]),
    [book],
  );
  const [notesOpen, setNotesOpen] = useState(false);
  const openNotes = useCallback(() => setNotesOpen(true), []);

  const download = () => {
    setDownloadError(undefined);
    try {
      const { name, bytes, cells } = book.answered();
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setDownloaded(`${name}: ${cells} cell${cells === 1 ? '' : 's'} written, every other cell as it was.`);
    } catch (err) {
      setDownloadError(describeError(err));
    }
  };

  const reviewUrl = `${browser.runtime.getURL('/review.html')}?q=${encodeURIComponent(
    questionnaireKey(book.fileName, context.name || book.fileName),
  )}`;

  return (
    <div className="ss">
      <header className="ss-header cw-row">
        <h1>Answer a spreadsheet</h1>
        <span className="cw-spacer" />
        <button className="cw-btn cw-btn--quiet cw-btn--small" onClick={() => void browser.runtime.openOptionsPage()}>
          Library
        </button>
      </header>
      {libraryError && <Alert tone="bad">{libraryError}</Alert>}
      <DropZone busy={busy} fileName={book.fileName} onFile={(f) => void book.open(f)} />
      {book.error && (
        <Alert tone="bad">
          <span data-testid="workbook-error">{book.error}</span>
        </Alert>
      )}
      {book.warning && <Alert tone="warn">{book.warning}</Alert>}
      {book.phase === 'reading' && <Spinner label="Reading the workbook…" />}
      {book.layouts.length > 0 && (
        <SheetSetup
          layouts={book.layouts}
          overrides={book.overrides}
          headerCells={book.headerCells}
          onCorrect={book.correct}
        />
      )}
      {book.layouts.length > 0 && (
        <section className="ss-answers" aria-label="Questions">
          <h2>Questions</h2>
          <QuestionnaireForm value={context} onApply={applyContext} open={contextOpen} onToggle={setContextOpen} />
          <div
            className="sp-summary"
            data-testid="summary"
            data-phase={book.phase}
            data-detected={summary.detected}
            data-suggested={summary.suggested}
            data-confident={summary.confident}
            data-filled={summary.filled}
            data-abstained={summary.abstained}
            aria-live="polite"
          >
            <span>
              <strong>{book.layouts.filter((l) => l.questions.length).length}</strong> sheets
            </span>
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
          <label className="cw-small ss-overwrite">
            <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} /> Replace
            answers already in the workbook
          </label>
          {book.phase === 'ready' && rows.length > 0 && (
            <FillAll
              plan={plan}
              held={held}
              onAction={onAction}
              onShow={(fids, label) => setOnly({ fids: new Set(fids), label })}
              filledCount={summary.filled}
              fill={(p, onProgress) => book.fill(p, onProgress)}
              undoAll={() => book.undo()}
              place="workbook"
            />
          )}
          {rows.length > 0 && (
            <div className="cw-row ss-download">
              <button className="cw-btn cw-btn--primary" onClick={download} disabled={busy}>
                Download answered workbook
              </button>
              <a className="cw-small" href={reviewUrl} target="_blank" rel="noreferrer">
                Review the answers
              </a>
            </div>
          )}
          {downloaded && (
            <Alert tone="ok">
              <span data-testid="downloaded">{downloaded}</span>
            </Alert>
          )}
          {downloadError && <Alert tone="bad">{downloadError}</Alert>}
          {only && (
            <p className="cw-small">
              Showing {visible.length}: {only.label}{' '}
              <button className="cw-btn cw-btn--quiet cw-btn--small" onClick={() => setOnly(undefined)}>
                Show all questions
              </button>
            </p>
          )}
          {notesOpen && <FrameworkNotes onClose={() => setNotesOpen(false)} />}
          {busy && book.phase === 'matching' && <Spinner label="Finding answers…" />}
          {book.phase !== 'reading' && rows.length === 0 && (
            <EmptyState title="No questions found">
              <p>
                No sheet has a question column. Use Correct on the sheet that holds the questions to pick its header row
                and columns.
              </p>
            </EmptyState>
          )}
          <ol className="ss-questions">
            {visible.map((row, i) => (
              <QuestionCard
                key={row.field.fid}
                row={row}
                listIndex={i}
                selected={selected === row.field.fid}
                density={density}
                threshold={threshold}
                decide={decide}
                onSelect={select}
                onFill={fillItems}
                onUndo={undoRow}
                onStatus={book.setStatus}
                onNotes={openNotes}
                onAction={onAction}
                place="workbook"
              />
            ))}
          </ol>
        </section>
      )}
      {book.phase === 'empty' && (
        <EmptyState title="No workbook yet">
          <p>
            Drop a questionnaire here: CAIQ, SIG, HECVAT or your customer&apos;s own template (.xlsx, .xlsm, .csv,
            .tsv). It is read on this computer only; nothing is uploaded.
          </p>
        </EmptyState>
      )}
    </div>
  );
}
