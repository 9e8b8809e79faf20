// Inputs for the matching benchmark: labelled control-mapping sets from ../shared/data, the demo
// library, the paraphrase set, and a synthetic library grown from demo content for speed runs.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AnswerEntry, EvidenceItem } from '../../../lib/library/schema';
import type { QuestionInput } from '../../../lib/match/types';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** The research data beside the project root. */
const SHARED = `${root}../shared/data`;

export interface LabelledQuestion {
  id: string;
  input: QuestionInput;
  labels: { iso: string[]; soc2: string[] };
}

export function vsaq(): LabelledQuestion[] {
  const path = `${SHARED}/vsaq-dev-labeled.json`;
  if (!existsSync(path)) return [];
  const rows = JSON.parse(readFileSync(path, 'utf8')) as Array<{
    id: string;
    text: string;
    section: string;
    choices?: string[];
    iso27001_2022: { primary: string[]; acceptable: string[] };
    soc2: { primary: string[]; acceptable: string[] };
  }>;
  return rows.map((r) => ({
    id: r.id,
    input: { question: r.text, section: r.section, ...(r.choices ? { options: r.choices } : {}) },
    labels: {
      iso: [...r.iso27001_2022.primary, ...r.iso27001_2022.acceptable],
      soc2: [...r.soc2.primary, ...r.soc2.acceptable],
    },
  }));
}

/** Adobe CCF: statements as questions, the domain as section heading, mapped ids as labels. */
export function adobeCcf(): LabelledQuestion[] {
  const path = `${SHARED}/adobe-ccf-v5.json`;
  if (!existsSync(path)) return [];
  const rows = JSON.parse(readFileSync(path, 'utf8')) as Array<{
    id: string;
    domain: string;
    statement: string;
    iso27001_2022: string[];
    soc2: string[];
  }>;
  return rows.map((r) => ({
    id: r.id,
    input: { question: r.statement, section: r.domain },
    labels: { iso: r.iso27001_2022, soc2: r.soc2 },
  }));
}

export function demoLibrary(): { entries: AnswerEntry[]; evidence: EvidenceItem[] } {
  const raw = JSON.parse(readFileSync(`${root}data/demo-library.json`, 'utf8')) as {
    entries: unknown[];
    evidence: unknown[];
  };
  return {
    entries: raw.entries.map((e) => AnswerEntry.parse(e)),
    evidence: raw.evidence.map((e) => EvidenceItem.parse(e)),
  };
}

export interface Paraphrase {
  id: string;
  question: string;
  expected: string | string[] | null;
}

export function paraphrases(): Paraphrase[] {
  return (
    JSON.parse(readFileSync(`${root}test/bench/data/answer-paraphrases.json`, 'utf8')) as { questions: Paraphrase[] }
  ).questions;
}

export const isExpected = (p: Paraphrase, id: string | undefined): boolean =>
  id !== undefined && (Array.isArray(p.expected) ? p.expected.includes(id) : p.expected === id);

const PRODUCTS = [
  'Atlas',
  'Borealis',
  'Cobalt',
  'Delta Sync',
  'Ember',
  'Fjord',
  'Granite',
  'Harbor',
  'Iris',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Meridian',
  'Nimbus',
  'Onyx',
  'Pioneer',
  'Quartz',
  'Radius',
  'Summit',
  'Tundra',
];
const REGIONS = ['EU', 'US', 'UK', 'APAC', 'Canada', 'Australia', 'Japan', 'Brazil', 'India', 'Singapore'];

/**
 * A library of `size` entries grown from the demo library: each copy names a product and region in the
 * question and answer, the way a large vendor's library repeats questions per product line.
 */
export function syntheticLibrary(size: number, base: readonly AnswerEntry[]): AnswerEntry[] {
  const out: AnswerEntry[] = [];
  const live = base.filter((e) => e.status !== 'retired');
  for (let i = 0; out.length < size; i++) {
    const e = live[i % live.length]!;
    const copy = Math.floor(i / live.length);
    const product = PRODUCTS[copy % PRODUCTS.length]!;
    const region = REGIONS[Math.floor(copy / PRODUCTS.length) % REGIONS.length]!;
    out.push({
      ...e,
      id: `${e.id}-syn-${copy}`,
      question: copy === 0 ? e.question : `${product} (${region}): ${e.question}`,
      alternatives: e.alternatives.map((a) => (copy === 0 ? a : `${a} (${product})`)),
      answer: copy === 0 ? e.answer : `For ${product} in ${region}: ${e.answer}`,
    });
  }
  return out;
}

/** 300 questionnaire questions: the paraphrase set, then VSAQ questions, cycled. */
export function pageOfQuestions(): QuestionInput[] {
  const pool: QuestionInput[] = [
    ...paraphrases().map((p) => ({ question: p.question })),
    ...vsaq().map((v) => v.input),
  ];
  return Array.from({ length: 300 }, (_, i) => pool[i % pool.length]!);
}
