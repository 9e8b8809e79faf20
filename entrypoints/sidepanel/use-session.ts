// The panel's working state for one tab: scan the page, match its questions, and track what happened to
// each field (filled, skipped, flagged). Every page action goes through the background.
import { useCallback, useEffect, useRef, useState } from 'react';
import { request } from '../../lib/background/client';
import type { QuestionnaireContext } from '../../lib/messaging';
import type { FillResult } from '../../lib/page/types';
import { toQuestionInput, toRows, type PlannedFill, type Row } from '../../components/questions';
import { recordFills } from './record-fills';

export type Phase = 'idle' | 'scanning' | 'matching' | 'ready' | 'error';

export interface Session {
  phase: Phase;
  error?: string;
  page: { url: string; title: string };
  rows: Row[];
  scan(): Promise<void>;
  rematch(): Promise<void>;
  fill(items: PlannedFill[], onProgress?: (done: number) => void): Promise<FillResult[]>;
  undo(fids?: string[]): Promise<void>;
  setStatus(fid: string, status: Row['status']): void;
  highlight(fid: string | null): void;
}

const BATCH = 5;

export function useSession(tabId: number | undefined, context: QuestionnaireContext): Session {
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<string>();
  const [page, setPage] = useState({ url: '', title: '' });
  const [rows, setRows] = useState<Row[]>([]);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const contextRef = useRef(context);
  contextRef.current = context;
  const pageRef = useRef(page);
  pageRef.current = page;

  const match = useCallback(async (current: Row[]) => {
    const inputs = current.flatMap((r) => {
      const q = toQuestionInput(r.field);
      return q ? [q] : [];
    });
    const { results } = await request({ type: 'bg/match', questions: inputs, context: contextRef.current });
    const byId = new Map(results.map((r) => [r.id, r]));
    setRows((prev) => prev.map((r) => ({ ...r, result: byId.get(r.field.fid) ?? r.result })));
  }, []);

  const scan = useCallback(async () => {
    if (tabId === undefined) return;
    setError(undefined);
    setPhase('scanning');
    try {
      const res = await request({ type: 'bg/scan', tabId });
      setPage({ url: res.url, title: res.title });
      const next = toRows(res.fields);
      setRows(next);
      setPhase('matching');
      await match(next);
      setPhase('ready');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setPhase('error');
    }
  }, [tabId, match]);

  const rematch = useCallback(async () => {
    if (!rowsRef.current.length) return;
    try {
      await match(rowsRef.current);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [match]);

  const fill = useCallback(
    async (items: PlannedFill[], onProgress?: (done: number) => void) => {
      if (tabId === undefined) return [];
      const all: FillResult[] = [];
      // Small batches so the progress bar moves and a page that stops answering fails only its batch.
      for (let i = 0; i < items.length; i += BATCH) {
        const batch = items.slice(i, i + BATCH);
        // Only what the page needs crosses to the background; the findings stay here for the ledger.
        const plan = batch.map(({ fid, value, entryId, version }) => ({ fid, value, entryId, version }));
        const { results } = await request({ type: 'bg/fill', tabId, plan });
        all.push(...results);
        void recordFills(rowsRef.current, batch, results, pageRef.current, contextRef.current);
        const planned = new Map(batch.map((b) => [b.fid, b]));
        setRows((prev) =>
          prev.map((r) => {
            const res = results.find((x) => x.fid === r.field.fid);
            const commentRes = r.comment && results.find((x) => x.fid === r.comment!.fid);
            if (commentRes?.ok) r = { ...r, comment: { ...r.comment!, value: commentRes.value } };
            if (!res) return r;
            if (!res.ok) return { ...r, error: res.error ?? 'The page did not accept the value.' };
            const p = planned.get(r.field.fid);
            return {
              ...r,
              status: 'filled',
              error: undefined,
              field: { ...r.field, value: res.value },
              filled: { value: res.value, previous: res.previous, entryId: p?.entryId, version: p?.version },
            };
          }),
        );
        onProgress?.(Math.min(items.length, i + batch.length));
      }
      return all;
    },
    [tabId],
  );

  const undo = useCallback(
    async (fids?: string[]) => {
      if (tabId === undefined) return;
      const { results } = await request({ type: 'bg/undo', tabId, ...(fids ? { fids } : {}) });
      setRows((prev) =>
        prev.map((r) => {
          const res = results.find((x) => x.fid === r.field.fid);
          const commentRes = r.comment && results.find((x) => x.fid === r.comment!.fid);
          if (commentRes?.ok) r = { ...r, comment: { ...r.comment!, value: commentRes.value } };
          return res?.ok ? { ...r, status: 'open', filled: undefined, field: { ...r.field, value: res.value } } : r;
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

  useEffect(() => {
    void scan();
  }, [scan]);

  return { phase, error, page, rows, scan, rematch, fill, undo, setStatus, highlight };
}
