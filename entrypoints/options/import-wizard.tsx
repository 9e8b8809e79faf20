// Import wizard: pick a file, check the column mapping, see every rejected row, then commit with progress.
// All-or-nothing by default: one bad row means nothing is written until it is fixed (or the user opts in).
import { useState } from 'react';
import { Alert, Badge, ProgressBar } from '../../components/ui';
import {
  COLUMN_KINDS,
  importParsed,
  parseLibraryFile,
  type ColumnKind,
  type ColumnMapping,
  type ImportReport,
  type ParsedLibraryFile,
} from '../../lib/library';
import type { Library } from '../../lib/library/repository';
import { notifyBackground } from './entry-editor';
import { IssueTable } from './issue-table';
import { describeError } from '../../lib/errors';

type Step =
  | { kind: 'pick' }
  | { kind: 'review'; parsed: ParsedLibraryFile }
  | { kind: 'writing'; done: number; total: number }
  | { kind: 'done'; report: ImportReport };

export function ImportWizard({ library }: { library: Library }) {
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array }>();
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [error, setError] = useState<string>();

  const parse = (f: { name: string; bytes: Uint8Array }, m: ColumnMapping) => {
    try {
      const parsed = parseLibraryFile(f.name, f.bytes, { mapping: m });
      setStep({ kind: 'review', parsed });
      setError(undefined);
    } catch (err) {
      setError(describeError(err));
    }
  };
  const pick = async (input: HTMLInputElement) => {
    const picked = input.files?.[0];
    if (!picked) return;
    const f = { name: picked.name, bytes: new Uint8Array(await picked.arrayBuffer()) };
    setFile(f);
    setMapping({});
    parse(f, {});
  };
  const commit = async (parsed: ParsedLibraryFile, mode: 'all-or-nothing' | 'valid-rows') => {
    const total = parsed.accepted.entries.length + parsed.accepted.evidence.length;
    setStep({ kind: 'writing', done: 0, total });
    try {
      const report = await importParsed(library, parsed, {
        mode,
        onProgress: (done, all) => setStep({ kind: 'writing', done, total: all }),
      });
      notifyBackground();
      setStep({ kind: 'done', report });
    } catch (err) {
      setError(describeError(err));
      setStep({ kind: 'review', parsed });
    }
  };

  return (
    <section className="cw-card op-panel" aria-label="Import">
      <h2>Import answers</h2>
      <p className="cw-small cw-muted">
        Crosswalk library JSON, or a questionnaire spreadsheet (CSV, TSV, XLSX) with question and answer columns.
      </p>
      <ol className="op-steps" aria-label="Import steps">
        {['Choose file', 'Check columns and rows', 'Write', 'Report'].map((label, i) => (
          <li
            key={label}
            aria-current={['pick', 'review', 'writing', 'done'].indexOf(step.kind) === i ? 'step' : undefined}
          >
            {label}
          </li>
        ))}
      </ol>
      <label className="cw-label">
        File
        <input
          className="cw-input"
          type="file"
          accept=".json,.csv,.tsv,.xlsx"
          aria-label="Library file"
          onChange={(e) => void pick(e.currentTarget)}
        />
      </label>
      {error && <Alert tone="bad">{error}</Alert>}
      {step.kind === 'review' && file && (
        <Review
          parsed={step.parsed}
          mapping={mapping}
          onMapping={(m) => {
            setMapping(m);
            parse(file, m);
          }}
          onCommit={(mode) => void commit(step.parsed, mode)}
        />
      )}
      {step.kind === 'writing' && <ProgressBar value={step.done} max={step.total} label="Importing" />}
      {step.kind === 'done' && (
        <Alert tone={step.report.committed ? 'ok' : 'bad'}>
          <span data-testid="import-result">{step.report.summary}</span>
        </Alert>
      )}
    </section>
  );
}

function Review({
  parsed,
  mapping,
  onMapping,
  onCommit,
}: {
  parsed: ParsedLibraryFile;
  mapping: ColumnMapping;
  onMapping: (m: ColumnMapping) => void;
  onCommit: (mode: 'all-or-nothing' | 'valid-rows') => void;
}) {
  const headers = parsed.mapping?.headers ?? [];
  const accepted = parsed.accepted.entries.length + parsed.accepted.evidence.length;
  const columnOf = (k: ColumnKind) => mapping[k] ?? parsed.mapping?.columns[k];
  return (
    <div className="cw-stack" data-testid="import-review">
      {headers.length > 0 && (
        <details open>
          <summary>Column mapping</summary>
          <div className="op-mapping">
            {COLUMN_KINDS.map((k) => (
              <label className="cw-label" key={k}>
                {k}
                <select
                  className="cw-select"
                  value={String(columnOf(k) ?? '')}
                  onChange={(e) =>
                    onMapping({ ...mapping, [k]: e.target.value === '' ? undefined : Number(e.target.value) })
                  }
                >
                  <option value="">(not in file)</option>
                  {headers.map((h, i) => (
                    <option key={i} value={i}>
                      {h || `column ${i + 1}`}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        </details>
      )}
      <p>
        <Badge tone="ok">{accepted} ready</Badge>{' '}
        <Badge tone={parsed.rejected.length ? 'bad' : 'neutral'}>{parsed.rejected.length} rejected</Badge>{' '}
        <Badge tone={parsed.warnings.length ? 'warn' : 'neutral'}>{parsed.warnings.length} warnings</Badge>{' '}
        <span className="cw-small cw-muted">
          of {parsed.rowsRead} rows in {parsed.fileName}
        </span>
      </p>
      {parsed.fatal && <Alert tone="bad">{parsed.fatal}</Alert>}
      <IssueTable title="Rejected rows" issues={parsed.rejected} />
      <IssueTable title="Warnings" issues={parsed.warnings} />
      <div className="cw-row">
        <button
          className="cw-btn cw-btn--primary"
          disabled={!accepted || parsed.rejected.length > 0}
          onClick={() => onCommit('all-or-nothing')}
        >
          Import {accepted} record{accepted === 1 ? '' : 's'}
        </button>
        {parsed.rejected.length > 0 && accepted > 0 && (
          <button className="cw-btn" onClick={() => onCommit('valid-rows')}>
            Import only the {accepted} valid records
          </button>
        )}
      </div>
    </div>
  );
}
