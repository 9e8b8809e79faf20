// The full-page review: pick a questionnaire, review each answer, sign off, export the report (CSV, or the
// printable HTML page whose Print gives a PDF). ?q=<questionnaire id> preselects a questionnaire.
import { useEffect, useState } from 'react';
import { ledgerOf, type Library } from '../../lib/library';
import { buildReviewReport, type ReportFormat } from '../../lib/review';
import { useLibrary } from '../use-library';
import { Alert, Spinner } from '../ui';
import { ReviewList } from './review-list';
import { loadReview, type ReviewData } from './use-review-data';
import './review.css';
import { describeError } from '../../lib/errors';

const REVIEWER_KEY = 'review.reviewer';

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileSafe(s: string): string {
  return (
    s
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'questionnaire'
  );
}

export async function buildReportFor(
  library: Library,
  questionnaireId: string | undefined,
  format: ReportFormat,
): Promise<{ name: string; text: string }> {
  const data = await loadReview(library, questionnaireId);
  const flags = new Map(data.items.map((i) => [i.record.id, i.flags]));
  const q = data.items[0]?.record.questionnaire;
  const text = buildReviewReport(
    // Every fill, earlier fills of a field included: the report is the audit trail.
    data.items.flatMap((i) => [...i.history, i.record]),
    {
      format,
      title: `Review: ${q?.name || q?.pageTitle || 'questionnaire'}`,
      signOffs: data.signOffs,
      flagsFor: (r) => flags.get(r.id) ?? [],
    },
  );
  return { name: `crosswalk-review-${fileSafe(q?.name || q?.pageTitle || 'questionnaire')}.${format}`, text };
}

export function ReviewPage({ initialQuestionnaire }: { initialQuestionnaire?: string }) {
  const { library, error } = useLibrary();
  const [qid, setQid] = useState(initialQuestionnaire);
  const [reviewer, setReviewer] = useState('');
  const [summary, setSummary] = useState<ReviewData>();
  const [message, setMessage] = useState<{ tone: 'bad' | 'ok'; text: string }>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!library) return;
    void library.settings.get<string>(REVIEWER_KEY).then((name) => name && setReviewer(name));
  }, [library]);
  useEffect(() => {
    if (!library) return;
    void loadReview(library, qid).then(setSummary, (err: unknown) => setMessage({ tone: 'bad', text: String(err) }));
  }, [library, qid, version]);

  if (error) return <Alert tone="bad">{error}</Alert>;
  if (!library) return <Spinner label="Opening the library…" />;

  const current = qid ?? summary?.questionnaires[0]?.questionnaire.id;
  const q = summary?.questionnaires.find((s) => s.questionnaire.id === current);
  const lastSignOff = summary?.signOffs[summary.signOffs.length - 1];
  const exportAs = async (format: ReportFormat) => {
    const { name, text } = await buildReportFor(library, current, format);
    download(name, text, format === 'csv' ? 'text/csv;charset=utf-8' : 'text/html;charset=utf-8');
  };
  const signOff = async () => {
    try {
      const so = await ledgerOf(library).signOff(current ?? '', reviewer);
      setMessage({ tone: 'ok', text: `Signed off by ${so.reviewer} at ${so.at}.` });
      setVersion((v) => v + 1);
    } catch (err) {
      setMessage({ tone: 'bad', text: describeError(err) });
    }
  };

  return (
    <main className="cw-review-page">
      <header>
        <h1>Review answers</h1>
        <span className="cw-spacer" />
        <label className="cw-label">
          Questionnaire
          <select className="cw-select" value={current ?? ''} onChange={(e) => setQid(e.target.value)}>
            {summary?.questionnaires.map((s) => (
              <option key={s.questionnaire.id} value={s.questionnaire.id}>
                {s.questionnaire.name || s.questionnaire.pageTitle || s.questionnaire.url} ({s.records} answers,{' '}
                {s.pending} to review)
              </option>
            ))}
          </select>
        </label>
        <label className="cw-label">
          Reviewer
          <input
            className="cw-input"
            value={reviewer}
            placeholder="Your name"
            onChange={(e) => setReviewer(e.target.value)}
            onBlur={() => void library.settings.set(REVIEWER_KEY, reviewer.trim())}
          />
        </label>
      </header>
      {q && (
        <p className="cw-muted cw-small">
          {q.questionnaire.url} · recipient {q.questionnaire.recipient || 'not declared'}
          {q.questionnaire.nda ? ' (NDA in place)' : ''} · {q.edited} edited on the page ·{' '}
          {lastSignOff ? `signed off by ${lastSignOff.reviewer} at ${lastSignOff.at}` : 'not signed off'}
        </p>
      )}
      <div className="cw-row">
        <button className="cw-btn" disabled={!current} onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
        <button className="cw-btn" disabled={!current} onClick={() => void exportAs('html')}>
          Export printable report (HTML → Print to PDF)
        </button>
        <span className="cw-spacer" />
        <button
          className="cw-btn cw-btn--primary"
          disabled={!current || !reviewer.trim()}
          onClick={() => void signOff()}
          title={reviewer.trim() ? undefined : 'Enter your name first'}
        >
          Sign off questionnaire
        </button>
      </div>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <ReviewList
        key={current}
        library={library}
        questionnaireId={current}
        reviewer={reviewer}
        onChange={() => setVersion((v) => v + 1)}
      />
    </main>
  );
}
