// Import wizard, one screen: pick a file, check the columns, answer what the file leaves open (status, who may
// receive the answers, owner, review date, how it writes dates), see what will happen (new, changed with a word
// diff, unchanged, held back, rejected), then commit in one transaction with progress. All-or-nothing by default.
// Parsing and planning give the event loop back as they go, so a 20,000-row file never stalls the side panel.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, ProgressBar, Spinner } from '../../components/ui';
import {
  type ImportReport,
  type ImportPlan,
  type ImportDefaults,
  type DateOrder,
  type ColumnMapping,
  refusal,
  planImport,
  parseLibraryFileAsync,
  applyImport,
  type Library,
} from '../../lib/library';
import { notifyBackground } from './entry-editor';
import { readPicked, type PickedFile } from './first-run';
import { HeldList } from './held-list';
import { ColumnsStep } from './import-columns';
import { DefaultsStep, emptyDefaults, openQuestions, toDefaults, type DefaultsForm } from './import-defaults';
import { Preview } from './import-preview';
import { describeError } from '../../lib/errors';

type Phase =
  { kind: 'edit' } | { kind: 'writing'; done: number; total: number } | { kind: 'done'; report: ImportReport };

/** Whatever the form already settles, for the preview (incomplete choices are left out until made). */
function partialDefaults(form: DefaultsForm, open: ReturnType<typeof openQuestions>): ImportDefaults {
  const full = toDefaults(form, open);
  if (full.ok) return full.defaults;
  const out: ImportDefaults = {};
  for (const q of ['status', 'reuse', 'owner', 'review'] as const) {
    const one = toDefaults(form, { status: false, reuse: false, owner: false, review: false, [q]: open[q] });
    if (one.ok) Object.assign(out, one.defaults);
  }
  return out;
}

export function ImportWizard({
  library,
  initialFile,
  onShowBatch,
}: {
  library: Library;
  initialFile?: PickedFile;
  onShowBatch?: (batchId: string) => void;
}) {
  const [file, setFile] = useState<PickedFile | undefined>(initialFile);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [dateOrder, setDateOrder] = useState<DateOrder>();
  const [form, setForm] = useState<DefaultsForm>(emptyDefaults);
  const [retireMissing, setRetireMissing] = useState(false);
  const [plan, setPlan] = useState<ImportPlan>();
  const [busy, setBusy] = useState<string>();
  const [phase, setPhase] = useState<Phase>({ kind: 'edit' });
  const [error, setError] = useState<string>();
  const request = useRef(0);

  const open = useMemo(() => openQuestions(plan?.parsed.fields ?? []), [plan]);
  const chosen = useMemo(() => toDefaults(form, open), [form, open]);
  const previewDefaults = useMemo(() => partialDefaults(form, open), [form, open]);
  const defaultsKey = JSON.stringify(previewDefaults);

  // Re-read and re-plan when the file, the columns, the date order or the defaults change (typing is debounced).
  useEffect(() => {
    if (!file || phase.kind !== 'edit') return;
    const id = ++request.current;
    const timer = setTimeout(
      () => {
        setBusy(plan ? 'Updating the preview…' : 'Reading the file…');
        void (async () => {
          try {
            const parsed = await parseLibraryFileAsync(file.name, file.bytes, {
              mapping,
              defaults: JSON.parse(defaultsKey) as ImportDefaults,
              ...(dateOrder ? { dateOrder } : {}),
            });
            if (id !== request.current) return;
            const next = await planImport(library, parsed, { defaults: previewDefaults });
            if (id !== request.current) return;
            setPlan(next);
            setError(undefined);
          } catch (err) {
            if (id === request.current) setError(describeError(err));
          } finally {
            if (id === request.current) setBusy(undefined);
          }
        })();
      },
      plan ? 250 : 0,
    );
    return () => clearTimeout(timer);
    // previewDefaults is represented by defaultsKey; plan only decides the wording and the debounce.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file, mapping, dateOrder, defaultsKey, library, phase.kind]);

  const pick = async (input: HTMLInputElement) => {
    const f = await readPicked(input);
    if (!f) return;
    setPlan(undefined);
    setMapping({});
    setDateOrder(undefined);
    setRetireMissing(false);
    setPhase({ kind: 'edit' });
    setFile(f);
  };

  const commit = async (mode: 'all-or-nothing' | 'valid-rows') => {
    if (!plan || !chosen.ok) return;
    const total = plan.added.length + plan.updated.length + plan.evidence.added.length + plan.evidence.updated.length;
    setPhase({ kind: 'writing', done: 0, total });
    try {
      const report = await applyImport(library, plan, {
        mode,
        retireMissing,
        defaults: chosen.defaults,
        onProgress: (done, all) => setPhase({ kind: 'writing', done, total: all }),
      });
      notifyBackground();
      setPhase({ kind: 'done', report });
    } catch (err) {
      setError(describeError(err));
      setPhase({ kind: 'edit' });
      request.current++;
      setPlan(undefined); // re-plan against the library as it is now
      setFile(file ? { ...file } : undefined);
    }
  };

  const parsed = plan?.parsed;
  const writes = plan
    ? plan.added.length +
      plan.updated.length +
      plan.evidence.added.length +
      plan.evidence.updated.length +
      (retireMissing ? plan.missing.length : 0)
    : 0;
  const blocked = parsed ? refusal(parsed) : undefined;
  const stepIndex = phase.kind === 'done' ? 3 : phase.kind === 'writing' ? 2 : plan ? 1 : 0;

  return (
    <section className="cw-card op-panel" aria-label="Import">
      <h2>Import answers</h2>
      <p className="cw-small cw-muted">
        A spreadsheet of past answers (CSV, TSV, XLSX; exports of Loopio, Responsive, Conveyor, Vanta, Drata,
        Secureframe, OneTrust or your own sheet), or a Crosswalk library JSON file.
      </p>
      <ol className="op-steps" aria-label="Import steps">
        {['Choose file', 'Check and choose', 'Write', 'Report'].map((label, i) => (
          <li key={label} aria-current={stepIndex === i ? 'step' : undefined}>
            {label}
          </li>
        ))}
      </ol>
      <label className="cw-label">
        File
        <input
          className="cw-input"
          type="file"
          accept=".json,.csv,.tsv,.txt,.xlsx,.xlsm"
          aria-label="Library file"
          onChange={(e) => void pick(e.currentTarget)}
        />
      </label>
      {file && phase.kind === 'edit' && <p className="cw-small">File: {file.name}</p>}
      {error && <Alert tone="bad">{error}</Alert>}
      {busy && <Spinner label={busy} />}
      {plan && parsed && phase.kind === 'edit' && (
        <div className="cw-stack" data-testid="import-review">
          {parsed.fatal && <Alert tone="bad">{parsed.fatal}</Alert>}
          {parsed.mapping && parsed.mapping.headers.length > 0 && (
            <ColumnsStep resolved={parsed.mapping} mapping={mapping} onMapping={setMapping} />
          )}
          {(parsed.dates.ask || dateOrder) && (
            <section className="cw-stack op-section" aria-label="Dates">
              <h3>Dates like {parsed.dates.examples[0] ?? '03/04/2026'}</h3>
              <p className="cw-small cw-muted">
                The file writes dates with slashes, and none of them says whether the month or the day comes first.
              </p>
              {(
                [
                  ['mdy', 'Month first (US): 03/04/2026 is 4 March 2026'],
                  ['dmy', 'Day first (European): 03/04/2026 is 3 April 2026'],
                ] as const
              ).map(([value, label]) => (
                <label className="op-radio" key={value}>
                  <input
                    type="radio"
                    name="date-order"
                    checked={dateOrder === value}
                    onChange={() => setDateOrder(value)}
                  />
                  {label}
                </label>
              ))}
            </section>
          )}
          {!parsed.fatal && parsed.format !== 'json' && <DefaultsStep form={form} open={open} onChange={setForm} />}
          {!parsed.fatal && <Preview plan={plan} retireMissing={retireMissing} onRetireMissing={setRetireMissing} />}
          <div className="cw-row">
            <button
              className="cw-btn cw-btn--primary"
              disabled={!!busy || !chosen.ok || !!blocked || writes === 0}
              onClick={() => void commit('all-or-nothing')}
            >
              {writes === 0 && !blocked && plan.held.length === 0
                ? 'Nothing to import: the library already has every row'
                : `Import ${writes} ${writes === 1 ? 'answer' : 'answers'}`}
            </button>
            {parsed.rejected.length > 0 && !parsed.fatal && writes > 0 && (
              <button className="cw-btn" disabled={!!busy || !chosen.ok} onClick={() => void commit('valid-rows')}>
                Import only the {writes} valid records
              </button>
            )}
          </div>
        </div>
      )}
      {phase.kind === 'writing' && <ProgressBar value={phase.done} max={phase.total} label="Importing" />}
      {phase.kind === 'done' && (
        <div className="cw-stack" data-testid="import-report">
          <Alert tone={phase.report.committed ? 'ok' : 'bad'}>
            <span data-testid="import-result">{phase.report.summary}</span>
          </Alert>
          {phase.report.committed && (
            <>
              <HeldList library={library} batchId={phase.report.batchId} />
              <div className="cw-row">
                {onShowBatch && phase.report.accepted.length > 0 && (
                  <button className="cw-btn" onClick={() => onShowBatch(phase.report.batchId)}>
                    Show the {phase.report.accepted.length} imported entries
                  </button>
                )}
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
