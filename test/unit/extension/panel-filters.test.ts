// The long-questionnaire panel's list: what each filter shows and counts, sections in page order, jump to a
// question number, and next/previous unanswered (wrapping, skipping what the filter hides).
import { describe, expect, it } from 'vitest';
import { policyField, type Row } from '../../../components/questions/plan';
import type { Decide } from '../../../components/questions/use-policy';
import {
  applyFilter,
  filterCounts,
  findByNumber,
  NO_FILTER,
  rowFacts,
  sectionsOf,
  step,
  type ListFilter,
} from '../../../entrypoints/sidepanel/filters';
import type { MatchResult, Suggestion } from '../../../lib/match/types';
import type { QuestionField } from '../../../lib/page/types';
import { decideFill, type PolicyContext } from '../../../lib/policy';

const suggestion = (over: Partial<Suggestion> = {}): Suggestion => ({
  entryId: 'ans-1',
  version: 1,
  answer: 'Yes. Reviewed every year by the CISO.',
  matchedQuestion: 'Is the policy reviewed?',
  confidence: 0.9,
  verdict: over.autoFill === false ? 'suggest' : 'confident',
  autoFill: true,
  citations: { entryId: 'ans-1', version: 1, owner: 'Sec', evidence: [], controls: [] },
  warnings: [],
  ...over,
});
const result = (suggestions: Suggestion[]): MatchResult => ({ question: 'q', controls: [], suggestions, reasons: [] });
const CONTEXT: PolicyContext = {
  recipient: 'Acme',
  nda: true,
  scope: { services: [], environments: [], regions: [], dataTypes: [] },
};
const decide: Decide = (r, s, trigger, value) =>
  decideFill({
    trigger,
    field: policyField(r),
    context: CONTEXT,
    ...(s ? { suggestion: s } : {}),
    ...(value !== undefined ? { value } : {}),
    today: '2026-01-01',
  });

function row(n: string, section: string, over: Partial<Row> = {}, field: Partial<QuestionField> = {}): Row {
  return {
    field: { fid: `0:${n}`, question: `Question ${n}`, kind: 'textarea', value: '', number: n, section, ...field },
    position: 0,
    status: 'open',
    ...over,
  };
}

// A small questionnaire with one row of every kind a filter tells apart.
const ROWS: Row[] = [
  row('1.1', 'Governance', { result: result([suggestion()]) }), // confident, empty: Fill all takes it
  row('1.2', 'Governance', { result: result([suggestion({ autoFill: false, confidence: 0.6 })]) }), // needs review
  row('1.3', 'Governance', { result: result([]) }), // no answer
  row('2.1', 'Access', { result: result([suggestion()]), status: 'filled' }, { value: 'Yes' }), // filled
  row('2.2', 'Access', { result: result([suggestion()]), status: 'flagged' }), // marked for an expert
  row('2.3', 'Access', { result: result([suggestion()]) }, { value: 'Our own answer' }), // already answered
];
const FACTS = ROWS.map((r) => rowFacts(r, decide));
const numbers = (idx: number[]) => idx.map((i) => ROWS[i]!.field.number);

describe('panel filters', () => {
  it('each filter shows the rows it names, in page order', () => {
    const show = (kind: ListFilter['kind']) => numbers(applyFilter(ROWS, FACTS, { ...NO_FILTER, kind }));
    expect(show('all')).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3']);
    expect(show('needs-review')).toEqual(['1.2']);
    expect(show('unanswered')).toEqual(['1.1', '1.2', '1.3', '2.2']);
    expect(show('filled')).toEqual(['2.1', '2.3']);
    expect(show('flagged')).toEqual(['2.2']);
  });

  it('counts every filter within the chosen section', () => {
    expect(filterCounts(ROWS, FACTS, NO_FILTER)).toEqual({
      all: 6,
      'needs-review': 1,
      unanswered: 4,
      filled: 2,
      flagged: 1,
    });
    const access: ListFilter = { kind: 'unanswered', section: 'Access' };
    expect(filterCounts(ROWS, FACTS, access)).toEqual({
      all: 3,
      'needs-review': 0,
      unanswered: 1,
      filled: 2,
      flagged: 1,
    });
    expect(numbers(applyFilter(ROWS, FACTS, access))).toEqual(['2.2']);
  });

  it('shows only a named set of rows (e.g. "the ones held for NDA") when asked', () => {
    const only: ListFilter = { ...NO_FILTER, only: { fids: new Set(['0:1.3', '0:2.1']), label: 'held' } };
    expect(numbers(applyFilter(ROWS, FACTS, only))).toEqual(['1.3', '2.1']);
    expect(filterCounts(ROWS, FACTS, only).all).toBe(2);
  });

  it('lists sections in page order with their question counts', () => {
    expect(sectionsOf(ROWS)).toEqual([
      { name: 'Governance', count: 3 },
      { name: 'Access', count: 3 },
    ]);
  });

  it('jumps to a printed question number, ignoring case and spaces; to a position only when nothing is numbered', () => {
    expect(findByNumber(ROWS, ' 2.2 ')).toBe(4);
    expect(findByNumber(ROWS, '9.9')).toBe(-1);
    expect(findByNumber(ROWS, '3')).toBe(-1); // numbered page: "3" is not a position
    const plain = ROWS.map((r) => ({ ...r, field: { ...r.field, number: undefined } }));
    expect(findByNumber(plain, '3')).toBe(2);
    expect(findByNumber(plain, '7')).toBe(-1);
    const ids = [row('IAM-02', 'Access')];
    expect(findByNumber(ids, 'iam-02')).toBe(0);
  });

  it('moves to the next and previous unanswered row, wrapping, within what the filter shows', () => {
    const all = applyFilter(ROWS, FACTS, NO_FILTER);
    const unanswered = (i: number) => FACTS[i]!.unanswered;
    expect(step(all, 1, 1, unanswered)).toBe(2); // 1.2 -> 1.3
    expect(step(all, 2, 1, unanswered)).toBe(4); // 1.3 -> 2.2, past the filled 2.1
    expect(step(all, 4, 1, unanswered)).toBe(0); // wraps to 1.1
    expect(step(all, 0, -1, unanswered)).toBe(4); // backwards wraps to 2.2
    expect(step(all, -1, 1, unanswered)).toBe(0); // nothing selected: the first
    const access = applyFilter(ROWS, FACTS, { kind: 'all', section: 'Access' });
    expect(step(access, 4, 1, unanswered)).toBe(4); // the only unanswered row in view is itself
    expect(step([], 0, 1, unanswered)).toBe(-1);
  });
});
