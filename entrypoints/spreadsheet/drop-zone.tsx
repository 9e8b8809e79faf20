// Drop a workbook or pick one: the file is read in this page only (nothing is uploaded anywhere).
import { useRef, useState } from 'react';

const ACCEPT = '.xlsx,.xlsm,.csv,.tsv,.txt';

export function DropZone({ busy, fileName, onFile }: { busy: boolean; fileName: string; onFile: (f: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      className={`ss-drop${over ? ' is-over' : ''}`}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const f = e.dataTransfer.files[0];
        if (f && !busy) onFile(f);
      }}
    >
      <p>
        {fileName ? (
          <>
            <strong data-testid="file-name">{fileName}</strong> · drop another workbook to replace it
          </>
        ) : (
          'Drop a questionnaire workbook here (.xlsx, .xlsm, .csv, .tsv)'
        )}
      </p>
      <button type="button" className="cw-btn" disabled={busy} onClick={() => input.current?.click()}>
        Choose a file…
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        aria-label="Questionnaire workbook"
        data-testid="workbook-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
          e.target.value = '';
        }}
      />
    </div>
  );
}
