// The first-run screen: how the library starts is the user's choice (demo, their own answers, or empty), never
// a seed. Choosing a file here goes straight into the import wizard with that file, so "Start with my answers"
// costs one action.
import { useState } from 'react';
import { Alert, Spinner } from '../../components/ui';
import { type ImportReport, chooseStart, type Library } from '../../lib/library';
import demoLibrary from '../../data/demo-library.json';
import { notifyBackground } from './entry-editor';
import { describeError } from '../../lib/errors';

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export async function readPicked(input: HTMLInputElement): Promise<PickedFile | undefined> {
  const picked = input.files?.[0];
  return picked ? { name: picked.name, bytes: new Uint8Array(await picked.arrayBuffer()) } : undefined;
}

export function FirstRun({
  library,
  onDone,
}: {
  library: Library;
  /** The choice is recorded; `file` is set when the user picked one to import. */
  onDone: (next: { file?: PickedFile; demo?: ImportReport }) => void;
}) {
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const run = async (label: string, fn: () => Promise<void>) => {
    setBusy(label);
    setError(undefined);
    try {
      await fn();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section className="op-first-run" aria-label="Start your library">
      <h2>How do you want to start?</h2>
      <p className="cw-muted">
        Crosswalk answers questionnaires from your library of approved answers, kept on this computer only. Nothing is
        loaded until you choose.
      </p>
      <div className="op-choices">
        <div className="cw-card op-choice">
          <h3>Start with my answers</h3>
          <p className="cw-small cw-muted">
            A spreadsheet of past answers (CSV, TSV, XLSX) or an export from Loopio, Responsive, Conveyor, Vanta, Drata,
            Secureframe or OneTrust, or a Crosswalk JSON file. You check the columns and choose who may receive the
            answers before anything is saved.
          </p>
          <label className="cw-btn cw-btn--primary op-file-btn">
            Choose a file…
            <input
              type="file"
              className="cw-visually-hidden"
              accept=".json,.csv,.tsv,.txt,.xlsx,.xlsm"
              aria-label="Choose a file of your answers"
              onChange={(e) => {
                const input = e.currentTarget;
                void run('Reading the file…', async () => {
                  const file = await readPicked(input);
                  if (!file) return;
                  await chooseStart(library, 'import');
                  onDone({ file });
                });
              }}
            />
          </label>
        </div>
        <div className="cw-card op-choice">
          <h3>Try the demo library</h3>
          <p className="cw-small cw-muted">
            175 answers of a fictional company, Larkspur Analytics, to see how suggestions and citations work. Every
            demo entry is tagged <code>demo</code>; remove them all in one click when you are done.
          </p>
          <button
            className="cw-btn"
            onClick={() =>
              void run('Loading the demo library…', async () => {
                const demo = await chooseStart(library, 'demo', demoLibrary);
                notifyBackground();
                onDone(demo ? { demo } : {});
              })
            }
          >
            Try the demo library
          </button>
        </div>
        <div className="cw-card op-choice">
          <h3>Start empty</h3>
          <p className="cw-small cw-muted">Add answers one by one, or import a file later from the Import tab.</p>
          <button
            className="cw-btn"
            onClick={() =>
              void run('Saving…', async () => {
                await chooseStart(library, 'empty');
                onDone({});
              })
            }
          >
            Start empty
          </button>
        </div>
      </div>
      {busy && <Spinner label={busy} />}
      {error && <Alert tone="bad">{error}</Alert>}
    </section>
  );
}
