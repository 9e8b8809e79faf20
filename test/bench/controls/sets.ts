// Labelled control-mapping sets for the classifier benchmark, read from the research data beside the
// repository (`../shared/data/`, see its READMEs): VSAQ questions, Adobe CCF statements, NIST SP 800-171
// requirements, and the Tidewater library (entries name their controls) for the library vote.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Framework } from '../../../lib/controls/framework';
import { AnswerEntry } from '../../../lib/library/schema';
import type { QuestionInput } from '../../../lib/match/types';
import { sharedPath } from '../../shared-data';

/** Labels per framework; a framework the set does not label is absent. */
export type Labels = Partial<Record<Framework, string[]>>;

export interface LabelledQuestion {
  id: string;
  /** Groups for cross-validation (questionnaire, domain or family). */
  group: string;
  input: QuestionInput;
  labels: Labels;
  /** What the set's README says about this row's labels (e.g. NIST's "shared-cell"), for the bench's
   *  breakdown by label convention; never used to rank. */
  tags?: string[];
}

export interface LabelledSet {
  name: string;
  /** Sets made from the same questions share a source; leave-one-set-out holds them out together. */
  source: string;
  /** Frameworks the set labels, in report order. */
  frameworks: Framework[];
  questions: LabelledQuestion[];
  /** Minimum hit@3 per framework (the NIST labels are indirect, so their bar is lower); 0: no target. */
  targetHit3: number;
  /** Minimum hit@1 per framework, when the set has one. */
  targetHit1?: number;
}

/** A dev set from the research data beside the project root (`../shared/data/...`); throws with the fix
 *  when it is missing. */
const readJson = (file: string): unknown => JSON.parse(readFileSync(sharedPath(`data/${file}`), 'utf8'));

interface VsaqRow {
  id: string;
  questionnaire: string;
  section: string;
  text: string;
  choices?: string[] | null;
  iso27001_2022: { primary: string[]; acceptable: string[] };
  soc2: { primary: string[]; acceptable: string[] };
}

/** Google VSAQ questions with a practitioner's primary and acceptable labels (both count as a hit). */
export function vsaqSet(): LabelledSet {
  const rows = readJson('vsaq-dev-labeled.json') as VsaqRow[];
  return {
    name: 'VSAQ',
    source: 'VSAQ',
    frameworks: ['iso27001:2022', 'soc2:2017'],
    targetHit3: 0.92,
    targetHit1: 0.75,
    questions: rows.map((r) => ({
      id: r.id,
      group: r.questionnaire,
      input: { question: r.text, section: r.section, ...(r.choices ? { options: r.choices } : {}) },
      labels: {
        'iso27001:2022': [...r.iso27001_2022.primary, ...r.iso27001_2022.acceptable],
        'soc2:2017': [...r.soc2.primary, ...r.soc2.acceptable],
      },
    })),
  };
}

interface CcfRow {
  id: string;
  domain: string;
  statement: string;
  iso27001_2022: string[];
  soc2: string[];
}

/** Adobe CCF: statements as questions, the domain as section heading, Adobe's mapped ids as labels. */
export function adobeSet(): LabelledSet {
  const rows = readJson('adobe-ccf-v5.json') as CcfRow[];
  return {
    name: 'Adobe CCF',
    source: 'Adobe CCF',
    frameworks: ['iso27001:2022', 'soc2:2017'],
    targetHit3: 0.92,
    targetHit1: 0.75,
    questions: rows.map((r) => ({
      id: r.id,
      group: r.domain,
      input: { question: r.statement, section: r.domain },
      labels: { 'iso27001:2022': r.iso27001_2022, 'soc2:2017': r.soc2 },
    })),
  };
}

interface NistRow {
  id: string;
  family: string;
  text: string;
  iso27001_2013: string[];
  iso27001_2022: string[];
  shared_cell_with: string[];
  iso27001_2013_not_fully_satisfying: string[];
}

/** NIST SP 800-171 r2 requirements with NIST's Appendix D ISO ids. Rows without a mapping are left out
 *  (the README: an empty list means "no official mapping", not "no relevant control"). */
export function nistSet(): LabelledSet {
  const rows = readJson('nist-800-171/nist-800-171-iso.json') as NistRow[];
  return {
    name: 'NIST 800-171',
    source: 'NIST 800-171',
    frameworks: ['iso27001:2022', 'iso27001:2013'],
    targetHit3: 0.85,
    targetHit1: 0.75,
    questions: rows
      .filter((r) => r.iso27001_2022.length > 0)
      .map((r) => ({
        id: r.id,
        group: r.family,
        input: { question: r.text, section: r.family },
        labels: { 'iso27001:2022': r.iso27001_2022, 'iso27001:2013': r.iso27001_2013 },
        tags: [
          r.shared_cell_with.length > 0 ? 'shared-cell' : 'own-cell',
          ...(r.iso27001_2013.every((id) => r.iso27001_2013_not_fully_satisfying.includes(id))
            ? ['all-asterisked']
            : []),
        ],
      })),
  };
}

const LIBRARY_DATE = '2026-01-01T00:00:00.000Z';

/** The Tidewater library (160 approved entries; `Controls` holds ISO 2022 and SOC 2 ids) as AnswerEntry. */
export function tidewaterLibrary(): AnswerEntry[] {
  const path = sharedPath('data/retrieval-dev/tidewater-library.csv');
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data.map((row) =>
    AnswerEntry.parse({
      id: row.ID,
      question: row.Question,
      answer: row.Answer,
      owner: row.Owner || 'unknown',
      status: 'approved',
      approvedAt: row['Last reviewed'],
      reuse: { level: 'nda' },
      tags: row.Category ? [row.Category] : [],
      controls: (row.Controls ?? '')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((id) => ({ framework: id.startsWith('A.') ? 'iso27001:2022' : 'soc2:2017', id })),
      createdAt: LIBRARY_DATE,
      updatedAt: LIBRARY_DATE,
      version: 1,
    }),
  );
}

/** The Tidewater library's own entries as labelled questions (entry title, category as section): a fourth
 *  writing style (topic titles, short questions) for fitting; no target is set on it. */
export function tidewaterSet(): LabelledSet {
  return {
    name: 'Tidewater entries',
    source: 'Tidewater entries',
    frameworks: ['iso27001:2022', 'soc2:2017'],
    targetHit3: 0,
    questions: tidewaterLibrary()
      .filter((e) => e.controls.length > 0)
      .map((e) => ({
        id: e.id,
        group: e.tags[0] ?? '',
        input: { question: e.question, ...(e.tags[0] ? { section: e.tags[0] } : {}) },
        labels: {
          'iso27001:2022': e.controls.filter((c) => c.framework === 'iso27001:2022').map((c) => c.id),
          'soc2:2017': e.controls.filter((c) => c.framework === 'soc2:2017').map((c) => c.id),
        },
      })),
  };
}

/**
 * A set's statements inside the policy boilerplate of CSA CAIQ-style questionnaires ("Are policies and
 * procedures established, documented, approved, communicated, applied, evaluated, and maintained to ...?"):
 * the topic and the labels stay, only the wording grows. Measures robustness to long process-laden
 * questions; no target is set on it.
 */
export function inBoilerplate(set: LabelledSet): LabelledSet {
  return {
    ...set,
    name: `${set.name} in policy boilerplate`,
    targetHit3: 0,
    questions: set.questions.map((q) => {
      const statement = q.input.question.trim().replace(/[.?]$/, '');
      const lowered = statement.charAt(0).toLowerCase() + statement.slice(1);
      return {
        ...q,
        input: {
          ...q.input,
          question: `Are policies and procedures established, documented, approved, communicated, applied, evaluated, and maintained to ${lowered}?`,
        },
      };
    }),
  };
}
