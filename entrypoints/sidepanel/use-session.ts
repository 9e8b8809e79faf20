// The panel's working state for one tab: scan the page, match its questions, and track what happened to
// each field (filled, skipped, flagged). Every page action goes through the background.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { browser, type Browser } from 'wxt/browser';
import { loadContext, matchInPages, PAGE_WATCH_PORT, request, scanInPages } from '../../lib/background';
import type { MatchResult } from '../../lib/match';
import { PageChanged, type QuestionnaireContext, type ScanResponse } from '../../lib/messaging';
import type { FillResult } from '../../lib/page';
import { fillTarget, toQuestionInput, toRows, type PlannedFill, type Row } from '../../components/questions';
import { recordFills } from './record-fills';
import { mergeRescan } from './rescan-rows';
import { describeError } from '../../lib/errors';

export type Phase = 'idle' | 'scanning' | 'matching' | 'ready' | 'error';

export interface Session {
  phase: Phase;
  error?: string;
  page: { url: string; title: string };
  /** Per-frame results of the last scan (frames that failed, were cut short, or belong to another site). */
  frames: ScanResponse['frames'];
  rows: Row[];
  scan(): Promise<void>;
  rematch(): Promise<void>;
  fill(items: PlannedFill[], onProgress?: (done: number) => void): Promise<FillResult[]>;
  undo(fids?: string[]): Promise<void>;
  setStatus(fid: string, status: Row['status']): void;
  highlight(fid: string | null): void;
}

/**
 * Fills per round trip to the page: the first few come back at once so the progress bar moves, then the rest of
 * the plan goes in one request (each frame applies its part in page order), since each round trip (panel,
 * background, page and back, then a ledger transaction and a render) costs more than the writes in it. Only a
 * very long plan is split again, so its progress still moves and a page that stops answering fails one part.
 */
const FIRST_BATCH = 5;
const BATCH = 200;
/** Longest a page of match results waits to join the others in one render. */
const FLUSH_MS = 150;

const EMPTY_PAGE = { url: '', title: '' };
/** After the page's note, wait this long before rescanning (and again while the panel is busy). */
const RESCAN_AFTER_MS = 250;
/** A note whose changes all fell inside the panel's own last scan (plus this much) came from that scan's scrolling. */
const OWN_SCAN_SLACK_MS = 300;

export function useSession(tabId: number | undefined, context: QuestionnaireContext): Session {
  const [phase, setPhase] = useState<Phase>(tabId === undefined ? 'idle' : 'scanning');
  const [error, setError] = useState<string>();
  const [page, setPage] = useState(EMPTY_PAGE);
  const [rows, setRows] = useState<Row[]>([]);
  const [frames, setFrames] = useState<ScanResponse['frames']>([]);
  // Another tab: drop this tab's rows while rendering, so not one frame shows them under the new tab.
  const [rowsTab, setRowsTab] = useState(tabId);
  if (rowsTab !== tabId) {
    setRowsTab(tabId);
    setRows([]);
    setPage(EMPTY_PAGE);
    setFrames([]);
    setError(undefined);
    setPhase(tabId === undefined ? 'idle' : 'scanning');
  }
  // The latest values for callbacks that outlive a render (fill batches, rematch); written after each commit.
  const rowsRef = useRef(rows);
  const contextRef = useRef(context);
  const pageRef = useRef(page);
  useLayoutEffect(() => {
    rowsRef.current = rows;
    contextRef.current = context;
    pageRef.current = page;
  });
  // The scan in flight: a new scan, a tab switch or closing the panel aborts it, and an aborted scan or
  // match never writes rows, so a slow answer for one tab cannot land in another tab's list.
  const inFlight = useRef<AbortController | undefined>(undefined);
  // Scans, matches and fills under way: a rescan the page prompts waits for them, so it never scrolls a virtual
  // list under a fill or replaces rows a scan is about to write.
  const busy = useRef(0);
  // When the panel's latest scan ran (epoch ms): the page-watch notes its own scrolling caused are ignored.
  const lastScan = useRef({ start: 0, end: 0 });

  const match = useCallback(
    async (current: Row[], signal?: AbortSignal, context?: QuestionnaireContext, url?: string) => {
      const questionnaire = url ?? pageRef.current.url;
      const inputs = current.flatMap((r) => {
        const q = toQuestionInput(r.field);
        return q ? [q] : [];
      });
      // In bounded pages (a 5,000-question reply once exceeded the 64 MiB message limit); rows fill in as pages land.
      // Pages land every few tens of milliseconds: results wait up to FLUSH_MS and go into the list together, and
      // only the rows they answer get new objects, so a 5,000-question page renders ~20 times instead of 50 and the
      // memoised cards of other rows do not re-render at all.
      const pending = new Map<string, MatchResult>();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const flush = () => {
        timer = undefined;
        if (!pending.size || signal?.aborted) return;
        const batch = new Map(pending);
        pending.clear();
        setRows((prev) =>
          prev.map((r) => {
            const result = batch.get(r.field.fid);
            return result ? { ...r, result } : r;
          }),
        );
      };
      try {
        await matchInPages(inputs, context ?? contextRef.current, {
          onPage: (results) => {
            for (const r of results) if (r.id !== undefined) pending.set(r.id, r);
            timer ??= setTimeout(flush, FLUSH_MS);
          },
          ...(signal ? { signal } : {}),
          // The page address the declaration is stored under: a second panel or a rescan asks again for free.
          ...(questionnaire ? { questionnaire } : {}),
        });
      } finally {
        clearTimeout(timer);
        flush();
      }
    },
    [],
  );

  /** Read and match the page; the caller has already shown the scanning phase. */
  const runScan = useCallback(
    async (signal: AbortSignal) => {
      if (tabId === undefined) return;
      busy.current++;
      try {
        const start = Date.now();
        const res = await scanInPages(tabId, signal);
        lastScan.current = { start, end: Date.now() };
        // Match with this page's declared questionnaire (recipient, NDA, scope decide what may be suggested), read
        // here: the panel's own copy arrives a render later, and until then it is the previous tab's or none.
        const declared = await loadContext(res.url);
        if (signal.aborted) return;
        setPage({ url: res.url, title: res.title });
        setFrames(res.frames);
        const next = toRows(res.fields);
        setRows(next);
        setPhase('matching');
        await match(next, signal, declared, res.url);
        setPhase('ready');
        // Rescan by itself when the page swaps its questions (a wizard's step). Best effort: without the watcher
        // (a frame it may not enter) the Rescan button still works, so a refusal is not the person's problem.
        request({ type: 'bg/watch', tabId }).catch(() => undefined);
      } catch (err) {
        if (signal.aborted) return; // superseded: whoever aborted owns the panel's state now
        setError(describeError(err));
        setPhase('error');
      } finally {
        busy.current--;
      }
    },
    [tabId, match],
  );

  /** The page changed its fields: rescan quietly and match only what is new. False when busy (try later). */
  const refresh = useCallback(async (): Promise<boolean> => {
    if (tabId === undefined) return true;
    if (busy.current > 0) return false;
    const signal = inFlight.current?.signal;
    busy.current++;
    try {
      const start = Date.now();
      const res = await scanInPages(tabId, signal);
      lastScan.current = { start, end: Date.now() };
      if (signal?.aborted) return true;
      const merged = mergeRescan(rowsRef.current, res.fields);
      if (!merged) return true;
      setFrames(res.frames);
      setRows(merged.rows);
      if (merged.fresh.length) await match(merged.fresh, signal, contextRef.current, res.url);
    } catch (err) {
      if (!signal?.aborted) setError(describeError(err));
    } finally {
      busy.current--;
    }
    return true;
  }, [tabId, match]);

  const restart = useCallback((): AbortSignal => {
    inFlight.current?.abort();
    const ctrl = new AbortController();
    inFlight.current = ctrl;
    return ctrl.signal;
  }, []);

  const scan = useCallback(async () => {
    if (tabId === undefined) return;
    const signal = restart();
    setError(undefined);
    setPhase('scanning');
    await runScan(signal);
  }, [tabId, restart, runScan]);

  const rematch = useCallback(async () => {
    if (!rowsRef.current.length) return;
    const signal = inFlight.current?.signal;
    try {
      await match(rowsRef.current, signal);
    } catch (err) {
      if (!signal?.aborted) setError(describeError(err));
    }
  }, [match]);

  const fillPlan = useCallback(async (tabId: number, items: PlannedFill[], onProgress?: (done: number) => void) => {
    const all: FillResult[] = [];
    for (let i = 0; i < items.length;) {
      const batch = items.slice(i, i + (i === 0 ? FIRST_BATCH : BATCH));
      i += batch.length;
      // Only what the page needs crosses to the background; the findings stay here for the ledger.
      const plan = batch.map(({ fid, value, entryId, version }) => ({ fid, value, entryId, version }));
      const { results } = await request({ type: 'bg/fill', tabId, plan });
      all.push(...results);
      void recordFills(rowsRef.current, batch, results, pageRef.current, contextRef.current);
      const planned = new Map(batch.map((b) => [b.fid, b]));
      const byFid = new Map(results.map((x) => [x.fid, x]));
      setRows((prev) =>
        prev.map((r) => {
          // An upload's answer went into its comment box (fillTarget): that result fills the row.
          const at = fillTarget(r).fid;
          const res = byFid.get(at);
          const commentRes = r.comment && byFid.get(r.comment.fid);
          if (commentRes?.ok) r = { ...r, comment: { ...r.comment!, value: commentRes.value } };
          if (!res) return r;
          if (!res.ok) return { ...r, error: res.error ?? 'The page did not accept the value.' };
          const p = planned.get(at);
          return {
            ...r,
            status: 'filled',
            error: undefined,
            field: at === r.field.fid ? { ...r.field, value: res.value } : r.field,
            filled: { value: res.value, previous: res.previous, entryId: p?.entryId, version: p?.version },
          };
        }),
      );
      onProgress?.(i);
    }
    return all;
  }, []);

  const fill = useCallback(
    async (items: PlannedFill[], onProgress?: (done: number) => void) => {
      if (tabId === undefined) return [];
      busy.current++;
      try {
        return await fillPlan(tabId, items, onProgress);
      } finally {
        busy.current--;
      }
    },
    [tabId, fillPlan],
  );

  const undo = useCallback(
    async (fids?: string[]) => {
      if (tabId === undefined) return;
      const { results } = await request({ type: 'bg/undo', tabId, ...(fids ? { fids } : {}) });
      // Looked up by fid: "Undo all" of a long questionnaire is n results over n rows, not n x n.
      const byFid = new Map(results.map((x) => [x.fid, x]));
      setRows((prev) =>
        prev.map((r) => {
          const at = fillTarget(r).fid;
          const res = byFid.get(at);
          const commentRes = r.comment && byFid.get(r.comment.fid);
          if (commentRes?.ok) r = { ...r, comment: { ...r.comment!, value: commentRes.value } };
          if (!res?.ok) return r;
          return {
            ...r,
            status: 'open',
            filled: undefined,
            field: at === r.field.fid ? { ...r.field, value: res.value } : r.field,
          };
        }),
      );
    },
    [tabId],
  );

  const setStatus = useCallback((fid: string, status: Row['status']) => {
    setRows((prev) => prev.map((r) => (r.field.fid === fid ? { ...r, status } : r)));
  }, []);

  const highlight = useCallback(
    (fid: string | null) => {
      if (tabId !== undefined) request({ type: 'bg/highlight', tabId, fid }).catch(() => undefined);
    },
    [tabId],
  );

  // The page's own changes (a wizard's next step): the watcher runScan starts in each frame connects a port here
  // and notes when form controls came or went; the panel then rescans by itself. Every listener and port ends
  // with this effect (another tab, or the panel closing), and a closed port stops the watcher in the page.
  useEffect(() => {
    if (tabId === undefined) return;
    const done = new AbortController();
    const ports = new Set<Browser.runtime.Port>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (done.signal.aborted) return;
        void refresh().then((ran) => ran || later());
      }, RESCAN_AFTER_MS);
    };
    const onNote = (raw: unknown) => {
      const note = PageChanged.safeParse(raw);
      if (!note.success) return; // not a page-watch note: nothing to do
      const own = lastScan.current;
      if (note.data.first >= own.start && note.data.last <= own.end + OWN_SCAN_SLACK_MS) return;
      later();
    };
    const onConnect = (port: Browser.runtime.Port) => {
      if (port.name !== PAGE_WATCH_PORT || port.sender?.tab?.id !== tabId) return;
      ports.add(port);
      port.onMessage.addListener(onNote);
      port.onDisconnect.addListener(() => ports.delete(port));
    };
    browser.runtime.onConnect.addListener(onConnect);
    done.signal.addEventListener('abort', () => {
      browser.runtime.onConnect.removeListener(onConnect);
      clearTimeout(timer);
      for (const port of ports) port.disconnect();
    });
    return () => done.abort();
  }, [tabId, refresh]);

  // Scan when the target tab changes (the phase already shows scanning: set initially or by the tab reset above).
  useEffect(() => {
    const signal = restart();
    // runScan sets state only after its request answers (and never once aborted); the rule cannot see past the await.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- an async fetch started by an effect, as React documents
    void runScan(signal);
    return () => inFlight.current?.abort();
  }, [restart, runScan]);

  return { phase, error, page, frames, rows, scan, rematch, fill, undo, setStatus, highlight };
}
