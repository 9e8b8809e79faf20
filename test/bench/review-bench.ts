// Review workflow speed: pre-fill checks, duplicate detection, health and report over a large library.
import { AnswerEntry } from '../../lib/library/schema';
import { computeHealth } from '../../lib/review/health';
import { checkBeforeFill } from '../../lib/review/checks';
import { buildReviewReport } from '../../lib/review/report';
import { FillRecord } from '../../lib/review/schema';
import { similarPairs } from '../../lib/review/similar-pairs';

export async function run(): Promise<void> {
  const T = '2025-01-01T00:00:00.000Z';
  const words =
    'access backup encryption vendor incident logging password network firewall audit training policy risk asset change key rotation retention privacy data customer'.split(
      ' ',
    );
  const pick = (i: number, k: number) => words[(i * 7 + k * 13) % words.length];
  const entries = Array.from({ length: 10000 }, (_, i) =>
    AnswerEntry.parse({
      id: `e${i}`,
      question: `Do you ${pick(i, 1)} ${pick(i, 2)} ${pick(i, 3)} for ${pick(i, 4)} item ${i % 3000}?`,
      answer: `Yes ${pick(i, 5)}`,
      shortAnswer: i % 2 ? 'Yes' : 'No',
      owner: 'o',
      status: 'approved',
      reuse: { level: 'public' },
      controls: [{ framework: 'iso27001:2022', id: `A.8.${(i % 34) + 1}` }],
      reviewBy: i % 5 ? '2030-01-01' : '2020-01-01',
      createdAt: T,
      updatedAt: T,
      version: 1,
    }),
  );
  const records = Array.from({ length: 5000 }, (_, i) =>
    FillRecord.parse({
      id: `r${i}`,
      questionnaire: { id: `q${i % 50}` },
      fid: `f${i}`,
      question: 'q',
      fieldKind: 'text',
      entryId: `e${i % 10000}`,
      entryVersion: 1,
      value: '=x',
      action: 'fill',
      at: T,
    }),
  );
  const med = (f: () => void, n = 5) => {
    const t: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      f();
      t.push(performance.now() - s);
    }
    t.sort((a, b) => a - b);
    return t[Math.floor(n / 2)]!.toFixed(1);
  };
  console.log(
    'checkBeforeFill with 10k-entry conflict scan ms',
    med(() =>
      checkBeforeFill({
        entry: entries[0]!,
        evidence: [],
        questionnaire: { recipient: 'a', scope: { services: [], environments: [], regions: [], dataTypes: [] } },
        question: { text: 'Do you encrypt?' },
        libraryEntries: entries,
        today: '2025-06-15',
      }),
    ),
  );
  console.log(
    'similarPairs ms',
    med(() => similarPairs(entries), 1),
    similarPairs(entries).length,
  );
  console.log(
    'computeHealth 10k entries / 5k records ms',
    med(() => computeHealth({ entries, evidence: [], records, today: '2025-06-15' }), 3),
  );
  console.log(
    'buildReviewReport csv 5k records ms',
    med(() => buildReviewReport(records, { format: 'csv' })),
  );
  console.log(
    'buildReviewReport html 5k records ms',
    med(() => buildReviewReport(records, { format: 'html' })),
  );
}
