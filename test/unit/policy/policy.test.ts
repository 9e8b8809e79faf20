// The fill policy as a table: questionnaire context x library entry x field x trigger -> fill / confirm /
// blocked, with the findings that decide it. Each row is a situation a user meets; the six letters are the
// verdicts for the six triggers, in the order of TRIGGERS (F = fill, C = confirm first, B = blocked).
import { describe, expect, it } from 'vitest';
import type { AnswerEntryInput, EvidenceItem } from '../../../lib/library/schema';
import type { Suggestion } from '../../../lib/match/types';
import {
  decideFill,
  GATES,
  heldGroups,
  Trigger,
  type FillDecision,
  type PolicyContext,
  type PolicyField,
} from '../../../lib/policy';
import { FlagCode } from '../../../lib/review/schema';
import { entry as makeEntry, evidence } from '../review/builders';

const TODAY = '2025-06-15';
const TRIGGERS = Trigger.options; // fill, edit-fill, fill-all, shortcut, context-menu, sheet

const scope = (regions: string[] = []) => ({ services: [], environments: [], regions, dataTypes: [] });
const CONTEXTS: Record<string, PolicyContext> = {
  blank: { recipient: '', nda: false, scope: scope() },
  'Acme, no NDA': { recipient: 'Acme Corp', nda: false, scope: scope() },
  'Acme, NDA': { recipient: 'Acme Corp', nda: true, scope: scope() },
  'Acme, NDA, EU+US': { recipient: 'Acme Corp', nda: true, scope: scope(['EU', 'US']) },
};

const ANSWER = 'Yes. All customer data at rest is encrypted with AES-256 using keys held in a managed KMS.';
type EntryCase = { entry: Partial<AnswerEntryInput>; evidence?: EvidenceItem[]; s?: Partial<Suggestion> };
const ENTRIES: Record<string, EntryCase> = {
  'public, confident': { entry: {} },
  'nda, confident': { entry: { reuse: { level: 'nda' } } },
  'for Acme only': { entry: { reuse: { level: 'customer', customer: 'acme corp' } } },
  'public, internal evidence': {
    entry: { evidenceIds: ['evd-1'] },
    evidence: [evidence({ title: 'Pen test report', reuse: { level: 'internal' } })],
  },
  'EU only': { entry: { scope: scope(['EU']) } },
  'past review date': {
    entry: { reviewBy: '2025-01-01' },
    s: { autoFill: false, warnings: [{ code: 'stale', message: 'Past its review date (2025-01-01).' }] },
  },
  'below threshold': { entry: {}, s: { autoFill: false, confidence: 0.52 } },
};

const FIELDS: Record<string, PolicyField> = {
  'empty textarea': { kind: 'textarea', value: '' },
  'textarea with another answer': { kind: 'textarea', value: 'We do not store customer data.' },
  'textarea with this answer': { kind: 'textarea', value: `  ${ANSWER}` },
  'read-only textarea': { kind: 'textarea', value: '', disabled: true },
  'Yes/No radio': { kind: 'radio', value: '', options: ['Yes', 'No'] },
  'Agree/Disagree radio': { kind: 'radio', value: '', options: ['Agree', 'Disagree'] },
  'file upload': { kind: 'file', value: '' },
};

function suggestion(over: Partial<Suggestion> = {}): Suggestion {
  return {
    entryId: 'ans-1',
    version: 1,
    answer: ANSWER,
    matchedQuestion: 'Do you encrypt customer data at rest?',
    confidence: 0.91,
    verdict: over.autoFill === false ? 'suggest' : 'confident',
    autoFill: true,
    citations: { entryId: 'ans-1', version: 1, owner: 'Dana', evidence: [], controls: [] },
    warnings: [],
    ...over,
  };
}

function decide(ctx: string, e: string, f: string, trigger: Trigger, value?: string): FillDecision {
  const c = ENTRIES[e]!;
  const field = FIELDS[f]!;
  const choice = field.kind === 'radio';
  return decideFill({
    trigger,
    field,
    context: CONTEXTS[ctx]!,
    suggestion: suggestion({ ...(choice ? { option: 'Yes', answer: 'Yes', narrative: ANSWER } : {}), ...c.s }),
    reuse: { entry: makeEntry(c.entry), evidence: c.evidence ?? [] },
    today: TODAY,
    ...(value !== undefined ? { value } : {}),
  });
}

const LETTER = { fill: 'F', confirm: 'C', blocked: 'B' } as const;
/** "Edit then fill" is tested with a real edit: a sentence added to text answers (a choice stays as picked). */
const EDITED = `${ANSWER} Keys are rotated every year.`;
const verdicts = (ctx: string, e: string, f: string) =>
  TRIGGERS.map(
    (t) =>
      LETTER[decide(ctx, e, f, t, t === 'edit-fill' && FIELDS[f]!.kind === 'textarea' ? EDITED : undefined).verdict],
  ).join(' ');

// context, entry, field -> verdicts for:  fill edit-fill fill-all shortcut context-menu sheet
type TableRow = [context: string, entry: string, field: string, verdicts: string, finding: FlagCode | null];
const TABLE: TableRow[] = [
  // A clean, confident, public answer into an empty field: every trigger fills.
  ['blank', 'public, confident', 'empty textarea', 'F F F F F F', null],
  // NDA-level answers: blocked until "NDA in place" (the person's own edit asks first).
  ['blank', 'nda, confident', 'empty textarea', 'B C B B B B', 'not-cleared-for-reuse'],
  ['Acme, no NDA', 'nda, confident', 'empty textarea', 'B C B B B B', 'not-cleared-for-reuse'],
  ['Acme, NDA', 'nda, confident', 'empty textarea', 'F F F F F F', null],
  // An answer cleared for one customer: blocked while the recipient is blank, fine once it is Acme.
  ['blank', 'for Acme only', 'empty textarea', 'B C B B B B', 'recipient-unknown'],
  ['Acme, no NDA', 'for Acme only', 'empty textarea', 'F F F F F F', null],
  // Internal evidence: the answer goes, with the note not to attach the document.
  ['Acme, NDA', 'public, internal evidence', 'empty textarea', 'F F F F F F', 'evidence-not-shareable'],
  // EU-only claim on an EU + US questionnaire: a person decides.
  ['Acme, NDA, EU+US', 'EU only', 'empty textarea', 'C C B C C B', 'out-of-scope'],
  // Past its review date: the card shows it and fills; bulk leaves it; blind triggers ask.
  ['Acme, NDA', 'past review date', 'empty textarea', 'F F B C C B', 'entry-stale'],
  ['Acme, NDA', 'below threshold', 'empty textarea', 'F F B C C B', 'not-confident'],
  // The field the answer would go into.
  ['Acme, NDA', 'public, confident', 'textarea with another answer', 'C C B C C B', 'field-has-value'],
  ['Acme, NDA', 'public, confident', 'textarea with this answer', 'B C B B B B', 'already-filled'],
  ['Acme, NDA', 'public, confident', 'read-only textarea', 'B B B B B B', 'field-disabled'],
  ['Acme, NDA', 'public, confident', 'Yes/No radio', 'F F F F F F', null],
  ['Acme, NDA', 'public, confident', 'Agree/Disagree radio', 'B B B B B B', 'no-matching-option'],
  // Crosswalk never uploads: the file input itself takes nothing (the panel fills its comment box instead).
  ['Acme, NDA', 'public, confident', 'file upload', 'B B B B B B', 'file-upload'],
];

describe('fill policy table', () => {
  it.each(TABLE)('%s | %s | %s -> %s', (ctx, e, f, expected, finding) => {
    expect(verdicts(ctx, e, f)).toBe(expected);
    const reasons = decide(ctx, e, f, 'fill').reasons.map((r) => r.code);
    if (finding) expect(reasons).toContain(finding);
    else expect(reasons.filter((c) => c !== 'evidence-not-shareable')).toEqual([]);
  });

  it('covers every trigger, and decides every finding for every trigger', () => {
    for (const t of TRIGGERS) {
      const letters = TABLE.map((r) => r[3].split(' ')[TRIGGERS.indexOf(t)]);
      // Each trigger is seen filling and seen refusing somewhere in the table.
      expect(letters, t).toContain('F');
      expect(letters, t).toContain('B');
    }
    for (const code of FlagCode.options)
      for (const t of TRIGGERS) expect(['block', 'confirm', 'note'], `${code}/${t}`).toContain(GATES[code][t]);
  });
});

describe('findings a person can act on', () => {
  it('an NDA answer without "NDA in place" offers the one step that clears it', () => {
    const r = decide('Acme, no NDA', 'nda, confident', 'empty textarea', 'fill-all').reasons[0]!;
    expect(r).toMatchObject({ code: 'not-cleared-for-reuse', gate: 'block', action: 'set-nda' });
    expect(r.message).toMatch(/NDA only/);
  });

  it('words evidence that may not be shared as such, and still fills the answer', () => {
    const d = decide('Acme, NDA', 'public, internal evidence', 'empty textarea', 'fill-all');
    expect(d.verdict).toBe('fill');
    expect(d.reasons).toEqual([
      expect.objectContaining({
        code: 'evidence-not-shareable',
        gate: 'note',
        message:
          'Answer OK to share; do not attach the evidence: "Pen test report" (internal only) may not go to this recipient.',
      }),
    ]);
  });

  it('says the matcher and the rules once, in one vocabulary (a stale warning and the stale rule are one finding)', () => {
    const codes = decide('Acme, NDA', 'past review date', 'empty textarea', 'shortcut').reasons.map((r) => r.code);
    expect(codes.filter((c) => c === 'entry-stale')).toHaveLength(1);
    expect(codes).not.toContain('stale');
  });

  it("says 'not confident' once when the matcher's gate says it too, in the panel's threshold", () => {
    // The page dialog once listed "Confidence 68% is below the 70% needed..." and "Confidence 0.68 is below the
    // auto-fill threshold 0.70..." one under the other.
    const gate = {
      code: 'below-threshold' as const,
      message: 'Confidence 0.68 is below the auto-fill threshold 0.70.',
    };
    const d = decideFill({
      trigger: 'shortcut',
      field: FIELDS['empty textarea']!,
      context: CONTEXTS['Acme, NDA']!,
      suggestion: suggestion({ autoFill: false, confidence: 0.68, warnings: [gate] }),
      threshold: 0.7,
      today: TODAY,
    });
    const notConfident = d.reasons.filter((r) => r.code === 'not-confident');
    expect(notConfident.map((r) => r.message)).toEqual([
      'Confidence 68% is below the 70% needed to fill without a look.',
    ]);
    expect(d.verdict).toBe('confirm');
  });

  it("keeps the gate's own reason for a weak match, once", () => {
    const why = 'This box asks for anything the other answers left out: only you know what to add.';
    const d = decideFill({
      trigger: 'fill',
      field: FIELDS['empty textarea']!,
      context: CONTEXTS['Acme, NDA']!,
      suggestion: suggestion({ autoFill: false, verdict: 'weak', warnings: [{ code: 'weak-match', message: why }] }),
      today: TODAY,
    });
    expect(d.reasons.filter((r) => r.code === 'weak-match').map((r) => r.message)).toEqual([why]);
  });

  it('treats "Edit then fill" that changed nothing as a plain Fill', () => {
    expect(decide('blank', 'nda, confident', 'empty textarea', 'edit-fill', ANSWER).verdict).toBe('blocked');
    expect(decide('blank', 'nda, confident', 'empty textarea', 'edit-fill', 'We encrypt data at rest.').verdict).toBe(
      'confirm',
    );
  });

  it('an edited choice must still be one of the options on offer', () => {
    expect(decide('Acme, NDA', 'public, confident', 'Yes/No radio', 'edit-fill', 'No').verdict).toBe('fill');
    expect(decide('Acme, NDA', 'public, confident', 'Yes/No radio', 'edit-fill', 'Maybe').verdict).toBe('blocked');
  });

  it('a spreadsheet cell is a field like any other (no DOM needed)', () => {
    const cell: PolicyField = { kind: 'text', value: '' };
    const d = decideFill({
      trigger: 'sheet',
      field: cell,
      context: CONTEXTS['Acme, NDA']!,
      suggestion: suggestion(),
      flags: [],
      today: TODAY,
    });
    expect(d).toMatchObject({ verdict: 'fill', value: ANSWER, reasons: [] });
  });
});

describe('what holds back confident answers', () => {
  it('groups rows by the one finding holding them, largest first, with its one-step fix', () => {
    const rows = ['a', 'b', 'c'].map((id) => ({
      id,
      decision: decide('Acme, no NDA', 'nda, confident', 'empty textarea', 'fill-all'),
    }));
    rows.push({
      id: 'd',
      decision: decide('Acme, NDA', 'public, confident', 'textarea with another answer', 'fill-all'),
    });
    rows.push({ id: 'e', decision: decide('Acme, NDA', 'public, confident', 'empty textarea', 'fill-all') });
    expect(heldGroups(rows)).toEqual([
      { code: 'not-cleared-for-reuse', action: 'set-nda', ids: ['a', 'b', 'c'] },
      { code: 'field-has-value', action: 'confirm-overwrite', ids: ['d'] },
    ]);
  });
});
