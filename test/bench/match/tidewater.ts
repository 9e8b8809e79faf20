// The Tidewater retrieval dev set (../shared/data/retrieval-dev/, see its README): a 160-entry library
// exported by a team as it comes (an ID column, numeric short answers, no status or reuse columns) and 181
// real questions (Google VSAQ, NIST SP 800-171, UK G-Cloud 13) labelled with the entries that answer them.
//
// Until the library importer reads such a file as a user would (the library-import issue), the benchmark
// maps it itself with explicit defaults: every entry approved and cleared for recipients under NDA, the
// team's own ids kept, "Last reviewed" as the approval date, the category as a tag. A numeric short answer
// ("612") is not a Yes/No/N/A stance, so it is left out of `shortAnswer`; the answer text states the number.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { z } from 'zod';
import type { ControlRef } from '../../../lib/controls/framework';
import { AnswerEntry, ShortAnswer } from '../../../lib/library/schema';
import type { FieldKind } from '../../../lib/page/types';
import type { QuestionInput } from '../../../lib/match/types';
import { sharedFile } from './shared-data';

export const TIDEWATER_SOURCES = ['google-vsaq', 'nist-sp800-171r2', 'g-cloud-13'] as const;
export type TidewaterSource = (typeof TIDEWATER_SOURCES)[number];
export const SOURCE_LABEL: Record<TidewaterSource, string> = {
  'google-vsaq': 'VSAQ',
  'nist-sp800-171r2': 'NIST',
  'g-cloud-13': 'G-Cloud',
};

const QuestionRow = z.object({
  id: z.string(),
  source: z.enum(TIDEWATER_SOURCES),
  question: z.string().min(1),
  kind: z.enum(['answerable', 'unanswerable']),
  answers: z.array(z.string()),
  partial: z.array(z.string()),
  type: z.string().optional(),
  choices: z.array(z.string()).optional(),
});

/** One labelled question as the engine sees it on a page, with the entries that answer it. */
export interface LabelledRetrievalQuestion {
  id: string;
  set: string;
  /** A source within the set (Tidewater: VSAQ / NIST / G-Cloud), for leave-one-source-out figures. */
  source: string;
  input: QuestionInput;
  /** Entry ids that answer it; empty when the library has no answer. */
  answers: string[];
  partial: string[];
}

/** The field a source's input type is rendered as on a page. NIST statements have none: a text box. */
const KIND_OF_TYPE: Record<string, FieldKind> = {
  radiogroup: 'radio',
  checkgroup: 'checkbox',
  line: 'text',
  box: 'textarea',
  boolean: 'radio',
  radios: 'radio',
  checkboxes: 'checkbox',
  textbox_large: 'textarea',
  text: 'text',
  list: 'textarea',
};

export interface TidewaterSet {
  entries: AnswerEntry[];
  questions: LabelledRetrievalQuestion[];
}

const CREATED = '2026-01-01T00:00:00.000Z';

function controlRefs(cell: string): ControlRef[] {
  return cell
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((id) => ({ framework: /^A\.|^\d/.test(id) ? 'iso27001:2022' : 'soc2:2017', id }));
}

/** Reads the Tidewater set, or returns undefined when ../shared/data/retrieval-dev is not there. */
export function tidewater(): TidewaterSet | undefined {
  const csvPath = sharedFile('retrieval-dev/tidewater-library.csv');
  const questionsPath = sharedFile('retrieval-dev/tidewater-questions.json');
  if (!csvPath || !questionsPath) return undefined;
  const parsed = Papa.parse<Record<string, string>>(readFileSync(csvPath, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0) throw new Error(`tidewater-library.csv: ${parsed.errors[0]!.message}`);
  const entries = parsed.data.map((row) => {
    const short = ShortAnswer.safeParse((row['Short answer'] ?? '').trim());
    const category = (row.Category ?? '').trim();
    return AnswerEntry.parse({
      id: row.ID,
      question: row.Question,
      answer: row.Answer,
      ...(short.success ? { shortAnswer: short.data } : {}),
      owner: row.Owner || 'Security team',
      controls: controlRefs(row.Controls ?? ''),
      status: 'approved',
      reuse: { level: 'nda' },
      ...(row['Last reviewed'] ? { approvedAt: row['Last reviewed'] } : {}),
      tags: category ? [category] : [],
      source: `import:tidewater-library.csv#${row.ID}`,
      createdAt: CREATED,
      updatedAt: CREATED,
      version: 1,
    });
  });
  const rows = z.array(QuestionRow).parse(JSON.parse(readFileSync(questionsPath, 'utf8')));
  const questions = rows.map((r): LabelledRetrievalQuestion => {
    const kind = r.type ? KIND_OF_TYPE[r.type] : 'textarea';
    // G-Cloud "boolean" questions are rendered as a Yes / No pair.
    const options = r.choices ?? (r.type === 'boolean' ? ['Yes', 'No'] : undefined);
    return {
      id: r.id,
      set: 'tidewater',
      source: SOURCE_LABEL[r.source],
      input: { id: r.id, question: r.question, ...(kind ? { kind } : {}), ...(options ? { options } : {}) },
      answers: r.kind === 'answerable' ? r.answers : [],
      partial: r.partial,
    };
  });
  return { entries, questions };
}
