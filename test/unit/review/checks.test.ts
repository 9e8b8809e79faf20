// The entry points the extension calls: checks before a fill, flags in review, and page-edit drafts.
import { describe, expect, it } from 'vitest';
import { checkBeforeFill, reviewFlags } from '../../../lib/review/checks';
import { checkEdit } from '../../../lib/review/edit-check';
import { toFillRecord } from '../../../lib/review/from-fill';
import { pageEditDraft } from '../../../lib/review/page-edit';
import { FillRecord } from '../../../lib/review/schema';
import { entry, evidence, record } from './builders';

const scope = { services: [], environments: [], regions: [], dataTypes: [] };

describe('checkBeforeFill', () => {
  it('checks only the evidence the entry cites, picked from the whole library', () => {
    const lib = [
      evidence({ id: 'evd-cited', validUntil: '2025-01-01', title: 'Old policy' }),
      evidence({ id: 'evd-other', validUntil: '2020-01-01', title: 'Unrelated' }),
    ];
    const flags = checkBeforeFill({
      entry: entry({ evidenceIds: ['evd-cited', 'evd-missing'] }),
      evidence: lib,
      questionnaire: { recipient: 'Acme', scope },
      today: '2025-06-15',
    });
    expect(flags.map((f) => f.code)).toEqual(['evidence-expired']);
    expect(flags[0]!.message).toContain('Old policy');
    expect(flags[0]!.message).not.toContain('Unrelated');
  });

  it('returns nothing for a clean reuse', () => {
    expect(
      checkBeforeFill({
        entry: entry(),
        evidence: [],
        questionnaire: { recipient: 'Acme', scope },
        today: '2025-06-15',
        libraryEntries: [entry()],
      }),
    ).toEqual([]);
  });
});

describe('reviewFlags', () => {
  it('re-checks against the entry as it is now and adds the record findings', () => {
    const rec = record({ edit: checkEdit('Yes', 'No') });
    const flags = reviewFlags(rec, entry({ reviewBy: '2025-01-01' }), { entries: [], evidence: [] }, '2025-06-15');
    expect(flags.map((f) => f.code)).toEqual(['entry-stale', 'edited-after-fill']);
  });
  it('keeps the fill-time flags when the entry is gone, and flags answers with no source', () => {
    const rec = record({
      entryId: undefined,
      entryVersion: undefined,
      flags: [{ code: 'out-of-scope', severity: 'high', message: 'm', fix: 'f' }],
    });
    expect(reviewFlags(rec, undefined, { entries: [], evidence: [] }).map((f) => f.code)).toEqual([
      'no-source',
      'out-of-scope',
    ]);
  });
});

describe('pageEditDraft', () => {
  const edited = (over: Parameters<typeof record>[0] = {}) =>
    record({ edit: checkEdit('Yes', 'Partial, EU only'), ...over });

  it('new version: keeps the entry, replaces the answer, becomes a draft from "page edit"', () => {
    const d = pageEditDraft(edited(), 'new-version', entry({ version: 3 }));
    expect(d).toMatchObject({
      id: 'ans-1',
      answer: 'Partial, EU only',
      shortAnswer: 'Yes',
      status: 'draft',
      source: 'page edit',
      owner: 'Dana (Security)',
    });
    expect('version' in d).toBe(false);
  });

  it('a choice field edit updates the short answer, not the prose', () => {
    const d = pageEditDraft(record({ fieldKind: 'radio', edit: checkEdit('Yes', 'No') }), 'new-version', entry());
    expect(d).toMatchObject({ shortAnswer: 'No', answer: entry().answer });
  });

  it('new entry: page wording, source controls and evidence, internal-only without a source entry', () => {
    const d = pageEditDraft(
      edited({ question: 'Is EU data encrypted?' }),
      'new-entry',
      entry({ controls: [{ framework: 'iso27001:2022', id: 'A.8.24' }], reuse: { level: 'nda' } }),
    );
    expect(d).toMatchObject({
      question: 'Is EU data encrypted?',
      reuse: { level: 'nda' },
      controls: [{ framework: 'iso27001:2022', id: 'A.8.24' }],
      status: 'draft',
    });
    expect('id' in d).toBe(false);
    const orphan = pageEditDraft(edited({ entryId: undefined }), 'new-entry', undefined, 'Kim');
    expect(orphan).toMatchObject({ owner: 'Kim', reuse: { level: 'internal' } });
  });

  it.each([
    ['nothing was edited', () => pageEditDraft(record(), 'new-version', entry()), /not edited/],
    ['the source entry is gone', () => pageEditDraft(edited(), 'new-version', undefined), /Save it as a new entry/],
    [
      'a new entry has no owner',
      () => pageEditDraft(edited({ entryId: undefined }), 'new-entry', undefined),
      /needs an owner/,
    ],
  ])('refuses when %s, saying what to do', (_n, run, msg) => expect(run).toThrow(msg));
});

describe('toFillRecord', () => {
  it('copies the provenance of the suggestion into a valid ledger record', () => {
    const r = toFillRecord({
      ctx: {
        page: { url: 'https://portal.example/forms/42?tab=2', title: 'Vendor form' },
        declared: { name: 'Acme 2025', recipient: 'Acme', scope },
      },
      field: { fid: 'f9', question: 'Encrypted at rest?', kind: 'radio', number: '2.4' },
      position: 11,
      suggestion: {
        entryId: 'ans-1',
        version: 4,
        answer: 'Yes',
        option: 'Yes',
        matchedQuestion: 'Do you encrypt data at rest?',
        confidence: 0.93,
        verdict: 'confident',
        autoFill: true,
        warnings: [],
        citations: {
          entryId: 'ans-1',
          version: 4,
          owner: 'Dana',
          evidence: [],
          controls: [{ framework: 'iso27001:2022', id: 'A.8.24', title: 'Use of cryptography' }],
        },
      },
      value: 'Yes',
      action: 'fill',
      questionControls: [{ framework: 'iso27001:2022', id: 'A.8.24' }],
    });
    const rec = FillRecord.parse({ ...r, id: 'x', at: '2025-06-15T10:00:00.000Z' });
    expect(rec).toMatchObject({
      questionnaire: {
        id: 'https://portal.example/forms/42|acme 2025',
        origin: 'https://portal.example',
        name: 'Acme 2025',
        recipient: 'Acme',
        nda: false,
      },
      entryId: 'ans-1',
      entryVersion: 4,
      owner: 'Dana',
      confidence: 0.93,
      fieldKind: 'radio',
      decision: { status: 'pending' },
    });
    expect(rec.controls[0]!.id).toBe('A.8.24');
  });
});
