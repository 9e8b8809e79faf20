import { describe, expect, it } from 'vitest';
import {
  fillTarget,
  planConfident as plan,
  summarize,
  toRows,
  policyField,
  type Row,
} from '../../../components/questions/plan';
import type { Decide } from '../../../components/questions/use-policy';
import { decideFill, type PolicyContext } from '../../../lib/policy';
import type { Flag } from '../../../lib/review/schema';
import type { MatchResult, Suggestion } from '../../../lib/match/types';
import type { QuestionField } from '../../../lib/page/types';

const suggestion = (over: Partial<Suggestion> = {}): Suggestion => ({
  entryId: 'ans-1',
  version: 2,
  answer: 'We encrypt data at rest with AES-256.',
  matchedQuestion: 'Is data encrypted at rest?',
  confidence: 0.9,
  verdict: over.autoFill === false ? 'suggest' : 'confident',
  autoFill: true,
  citations: { entryId: 'ans-1', version: 2, owner: 'Sec', evidence: [], controls: [] },
  warnings: [],
  ...over,
});
const result = (suggestions: Suggestion[]): MatchResult => ({
  question: 'q',
  controls: [],
  suggestions,
  reasons: suggestions.length ? [] : [{ code: 'no-match', message: 'none' }],
});
const field = (fid: string, over: Partial<QuestionField> = {}): QuestionField => ({
  fid,
  question: `Question ${fid}`,
  kind: 'textarea',
  value: '',
  ...over,
});
const row = (f: QuestionField, r?: MatchResult, status: Row['status'] = 'open'): Row => ({
  field: f,
  position: 0,
  result: r,
  status,
});
const CONTEXT: PolicyContext = {
  recipient: 'Acme',
  nda: true,
  scope: { services: [], environments: [], regions: [], dataTypes: [] },
};
/** The panel's decide with the reuse findings given per entry (the panel computes them from the library). */
const deciding =
  (flags: (s: Suggestion) => Flag[] = () => []): Decide =>
  (r, s, trigger, value) =>
    decideFill({
      trigger,
      field: policyField(r),
      context: CONTEXT,
      ...(s ? { suggestion: s, flags: flags(s) } : {}),
      ...(value !== undefined ? { value } : {}),
      today: '2026-01-01',
    });
const planConfident = (rows: Row[], d: Decide = deciding()) => plan(rows, d).plan;

describe('Fill all confident plan', () => {
  it('takes only auto-fill suggestions for open, empty, enabled fields', () => {
    const plan = planConfident([
      row(field('0:a'), result([suggestion()])),
      row(field('0:b'), result([suggestion({ autoFill: false, confidence: 0.6 })])), // below threshold: suggest only
      row(field('0:c', { value: 'already answered' }), result([suggestion()])), // never overwrite the user
      row(field('0:d', { disabled: true }), result([suggestion()])),
      row(field('0:e'), result([suggestion()]), 'skipped'),
      row(field('0:f'), result([])), // abstained
    ]);
    expect(plan.map((p) => p.fid)).toEqual(['0:a']);
    expect(plan[0]).toMatchObject({ value: 'We encrypt data at rest with AES-256.', entryId: 'ans-1', version: 2 });
  });

  it('leaves an answer the recipient may not receive to a person, and says what would clear it', () => {
    const rows = [
      row(field('0:a'), result([suggestion()])),
      row(field('0:b'), result([suggestion({ entryId: 'ans-nda' })])),
      row(field('0:c'), result([suggestion({ entryId: 'ans-nda' })])),
    ];
    // ans-nda is NDA-only and no NDA is declared: the panel shows it flagged, "Fill all confident" skips it.
    const nda: Flag = {
      code: 'not-cleared-for-reuse',
      severity: 'high',
      message: 'The answer is shareable under NDA only.',
      fix: 'Set "NDA in place".',
      action: 'set-nda',
    };
    const out = plan(
      rows,
      deciding((s) => (s.entryId === 'ans-nda' ? [nda] : [])),
    );
    expect(out.plan.map((p) => p.fid)).toEqual(['0:a']);
    expect(out.held).toEqual([{ code: 'not-cleared-for-reuse', action: 'set-nda', ids: ['0:b', '0:c'] }]);
  });

  it("puts a choice answer's narrative into the empty comment box and ticks several offered options", () => {
    const radio = field('0:r', { kind: 'radio', options: ['Yes', 'No'], comment: '0:c' });
    const rows = toRows([radio, field('0:c', { question: 'Please explain' })]);
    rows[0]!.result = result([
      suggestion({ option: 'Yes', answer: 'Yes', narrative: 'We enforce MFA for all staff.' }),
    ]);
    expect(planConfident(rows).map((p) => [p.fid, p.value])).toEqual([
      ['0:r', 'Yes'],
      ['0:c', 'We enforce MFA for all staff.'],
    ]);
    const boxes = field('0:k', { kind: 'checkbox', options: ['ISO 27001', 'SOC 2', 'PCI DSS'] });
    expect(
      planConfident([row(boxes, result([suggestion({ option: 'ISO 27001; SOC 2', answer: 'ISO 27001; SOC 2' })]))]).map(
        (p) => p.value,
      ),
    ).toEqual(['ISO 27001; SOC 2']);
  });

  it("writes an upload's answer into its comment box, never into the file input", () => {
    // The page names the comment box by fid and content only (it is not a question of its own).
    const upload = field('0:u', { kind: 'file', question: 'Upload your SOC 2 report.', comment: '0:c' });
    const [r] = toRows([upload]);
    expect(r!.comment).toMatchObject({ fid: '0:c', kind: 'textarea', value: '' });
    expect(fillTarget(r!).fid).toBe('0:c');
    r!.result = result([suggestion({ answer: 'Our SOC 2 Type II report (2025) is attached.' })]);
    expect(plan([r!], deciding()).plan.map((p) => [p.fid, p.value, p.question])).toEqual([
      ['0:c', 'Our SOC 2 Type II report (2025) is attached.', 'Upload your SOC 2 report. (comment)'],
    ]);
    // A comment box that already holds text is the person's: held back like any answered field.
    const [said] = toRows([{ ...upload, commentValue: 'See the trust portal.' }]);
    said!.result = r!.result;
    const out = plan([said!], deciding());
    expect(out.plan).toEqual([]);
    expect(out.held.map((h) => h.code)).toEqual(['field-has-value']);
    // No comment box: nothing is written, and the policy says why.
    const alone = row(field('0:v', { kind: 'file' }), r!.result);
    expect(plan([alone], deciding()).plan).toEqual([]);
    expect(deciding()(alone, alone.result!.suggestions[0], 'fill').reasons.map((x) => [x.code, x.gate])).toEqual([
      ['file-upload', 'block'],
    ]);
  });

  it('fills a choice field only with an option the page offers', () => {
    const radio = field('0:r', { kind: 'radio', options: ['Yes', 'No'] });
    expect(
      planConfident([row(radio, result([suggestion({ option: 'Yes', answer: 'Yes' })]))]).map((p) => p.value),
    ).toEqual(['Yes']);
    expect(planConfident([row(radio, result([suggestion({ option: 'Partially', answer: 'Partially' })]))])).toEqual([]);
    expect(planConfident([row(radio, result([suggestion()]))])).toEqual([]); // free text cannot go into a radio group
  });
});

describe('rows and summary', () => {
  it('folds comment boxes into their question and counts what the demo prints', () => {
    const rows = toRows([
      field('0:q', { kind: 'radio', options: ['Yes', 'No'], comment: '0:c' }),
      field('0:c'),
      field('0:t'),
    ]);
    expect(rows.map((r) => [r.field.fid, r.comment?.fid])).toEqual([
      ['0:q', '0:c'],
      ['0:t', undefined],
    ]);
    const s = summarize([
      row(field('a'), result([suggestion()]), 'filled'),
      row(field('b'), result([suggestion({ autoFill: false })])),
      row(field('c'), result([])),
      row(field('d')),
    ]);
    expect(s).toEqual({ detected: 4, suggested: 2, confident: 1, filled: 1, abstained: 1, flagged: 0 });
  });
});
