// The spreadsheet page's working state: open a workbook (lib/sheet, in this page: the file never leaves it),
// detect its questions with the person's corrections, match them through the background like page questions,
// apply fills to rows, and write the answered copy on download.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { matchInPages } from '../../lib/background';
import type { QuestionnaireContext } from '../../lib/messaging';
import type { FillResult } from '../../lib/page';
import {
  detectBook,
  openBook,
  rowTexts,
  toQuestionInput,
  writeBook,
  type Book,
  type Overrides,
  type SheetLayout,
  type SheetOverride,
} from '../../lib/sheet';
import type { PlannedFill, Row } from '../../components/questions';
import { recordWorkbookFills } from './record-fills';
import { answeredName, applyFills, toWorkbookRows, undoFills, workbookWrites, type WorkbookRows } from './rows';
import { describeError } from '../../lib/errors';

export type Phase = 'empty' | 'reading' | 'matching' | 'ready' | 'error';

export interface Workbook {
  phase: Phase;
  error?: string;
  /** A problem that did not stop the work (the review ledger could not be written). */
  warning?: string;
  fileName: string;
  layouts: SheetLayout[];
  overrides: Overrides;
  rows: Row[];
  open: (file: File) => Promise<void>;
  /** Apply a person's correction for one sheet (undefined: back to what detection found). */
  correct: (sheet: string, override: SheetOverride | undefined) => void;
  /** The visible cells of a row of a sheet (1-based row, as Excel shows it), to name columns by hand. */
  headerCells: (sheet: string, row: number) => { col: number; text: string }[];
  rematch: () => Promise<void>;
  fill: (items: PlannedFill[], onProgress?: (done: number) => void) => Promise<FillResult[]>;
  undo: (fids?: string[]) => Promise<void>;
  setStatus: (fid: string, status: Row['status']) => void;
  /** The answered copy: only the filled cells differ from the file that was opened. */
  answered: () => { name: string; bytes: Uint8Array; cells: number };
}

const errorText = (err: unknown): string => describeError(err);

export function useWorkbook(context: QuestionnaireContext): Workbook {
  const [phase, setPhase] = useState<Phase>('empty');
  const [error, setError] = useState<string>();
  const [warning, setWarning] = useState<string>();
  const [fileName, setFileName] = useState('');
  const [layouts, setLayouts] = useState<SheetLayout[]>([]);
  const [overrides, setOverrides] = useState<Overrides>({});
  const [state, setState] = useState<WorkbookRows>({ rows: [], questions: new Map() });
  // The book is large and never rendered: it lives in a ref. Each open() starts a new generation, so the
  // answers for a workbook that was replaced meanwhile are dropped.
  const book = useRef<Book | undefined>(undefined);
  const generation = useRef(0);
  const stateRef = useRef(state);
  const contextRef = useRef(context);
  const fileRef = useRef(fileName);
  useLayoutEffect(() => {
    stateRef.current = state;
    contextRef.current = context;
    fileRef.current = fileName;
  });

  const match = useCallback(async (rows: readonly Row[], gen: number, all = false) => {
    const { questions } = stateRef.current;
    const inputs = rows.flatMap((r) => {
      const q = questions.get(r.field.fid);
      return q && (all || !r.result) ? [toQuestionInput(q)] : [];
    });
    await matchInPages(inputs, contextRef.current, {
      onPage: (results) => {
        if (gen !== generation.current) return;
        const byId = new Map(results.map((r) => [r.id, r]));
        setState((prev) => ({
          ...prev,
          rows: prev.rows.map((r) => ({ ...r, result: byId.get(r.field.fid) ?? r.result })),
        }));
      },
    });
  }, []);

  const detect = useCallback(
    async (next: Overrides, gen: number) => {
      const b = book.current;
      if (!b) return;
      // A sheet the person corrects is read whole first (large sheets are only probed when opened).
      if (b.format === 'xlsx')
        for (const name of Object.keys(next)) {
          const g = b.sheets.find((s) => s.name === name);
          if (g?.partial) b.loadSheet(g.index);
        }
      const found = detectBook(b.sheets, next);
      const rows = toWorkbookRows(found, stateRef.current.rows);
      setLayouts(found);
      setState(rows);
      stateRef.current = rows;
      setPhase('matching');
      try {
        await match(rows.rows, gen);
        if (gen === generation.current) setPhase('ready');
      } catch (err) {
        if (gen !== generation.current) return;
        setError(errorText(err));
        setPhase('error');
      }
    },
    [match],
  );

  const open = useCallback(
    async (file: File) => {
      const gen = ++generation.current;
      setPhase('reading');
      setError(undefined);
      setWarning(undefined);
      setFileName(file.name);
      setLayouts([]);
      setOverrides({});
      const empty = { rows: [], questions: new Map() };
      setState(empty);
      stateRef.current = empty;
      book.current = undefined;
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        if (gen !== generation.current) return;
        book.current = openBook(file.name, bytes);
      } catch (err) {
        if (gen !== generation.current) return;
        setError(errorText(err));
        setPhase('error');
        return;
      }
      await detect({}, gen);
    },
    [detect],
  );

  const correct = useCallback(
    (sheet: string, override: SheetOverride | undefined) => {
      const next = { ...overrides };
      if (override) next[sheet] = override;
      else delete next[sheet];
      setOverrides(next);
      void detect(next, generation.current);
    },
    [overrides, detect],
  );

  const headerCells = useCallback((sheet: string, row: number) => {
    const b = book.current;
    let grid = b?.sheets.find((s) => s.name === sheet);
    if (b?.format === 'xlsx' && grid?.partial) grid = b.loadSheet(grid.index);
    return grid && row >= 1 ? rowTexts(grid, row - 1) : [];
  }, []);

  const rematch = useCallback(async () => {
    if (!stateRef.current.rows.length) return;
    try {
      await match(stateRef.current.rows, generation.current, true);
    } catch (err) {
      setError(errorText(err));
    }
  }, [match]);

  const fill = useCallback(async (items: PlannedFill[], onProgress?: (done: number) => void) => {
    const { rows, results } = applyFills(stateRef.current.rows, items);
    const next = { ...stateRef.current, rows };
    setState(next);
    stateRef.current = next;
    onProgress?.(items.length);
    try {
      await recordWorkbookFills(rows, items, results, fileRef.current, contextRef.current);
    } catch (err) {
      // The answers are in the workbook copy; the ledger failing must not undo them, but it must be visible.
      setWarning(`The fills are kept, but the review ledger could not record them: ${errorText(err)}`);
    }
    return results;
  }, []);

  const undo = useCallback(async (fids?: string[]) => {
    const cur = stateRef.current;
    const next = { ...cur, rows: undoFills(cur.rows, cur.questions, fids) };
    setState(next);
    stateRef.current = next;
    return Promise.resolve();
  }, []);

  const setStatus = useCallback((fid: string, status: Row['status']) => {
    setState((prev) => ({ ...prev, rows: prev.rows.map((r) => (r.field.fid === fid ? { ...r, status } : r)) }));
  }, []);

  const answered = useCallback(() => {
    const b = book.current;
    if (!b) throw new Error('Open a workbook first.');
    const writes = workbookWrites(stateRef.current.rows, stateRef.current.questions);
    return { name: answeredName(fileRef.current), bytes: writeBook(b, writes), cells: writes.length };
  }, []);

  return {
    phase,
    error,
    warning,
    fileName,
    layouts,
    overrides,
    rows: state.rows,
    open,
    correct,
    headerCells,
    rematch,
    fill,
    undo,
    setStatus,
    answered,
  };
}
