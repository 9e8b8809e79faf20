// Detection on workbooks in the layouts of the CAIQ (v3.1, v4), SIG Lite, HECVAT and a bank template: every
// question found, with the right answer cell, and nothing else taken for a question.
import { describe, expect, it } from 'vitest';
import { a1, detectBook, openBook, type SheetLayout } from '../../../lib/sheet';
import { scoreDetection } from '../../fixtures/sheets/evaluate';
import { bank, caiqV3, caiqV4, DEV_LAYOUTS, hecvat, sigLite } from '../../fixtures/sheets/layouts';

function detect(l: { fileName: string; bytes: Uint8Array }): SheetLayout[] {
  return detectBook(openBook(l.fileName, l.bytes).sheets);
}

describe('detection on the reference layouts', () => {
  for (const make of DEV_LAYOUTS) {
    const layout = make();
    it(`${layout.name}: every question found, right answer cell, no extra rows`, () => {
      const s = scoreDetection(layout);
      expect(s.misses).toEqual([]);
      expect(s.wrongCells).toEqual([]);
      expect(s.extras).toEqual([]);
      expect(s.found).toBe(layout.expected.length);
    });
  }

  it('CAIQ v4: header in row 2 under a title, Yes/No/NA read from a hidden sheet (x14 list), ids kept', () => {
    const [intro, main, lists] = detect(caiqV4());
    expect(intro!.status).toBe('no-questions');
    expect(lists!.status).toBe('hidden');
    expect(main!.headerRow).toBe(1);
    const q = main!.questions[0]!;
    expect(q.id).toBe('A&A-01.1');
    expect(q.kind).toBe('choice');
    expect(q.options).toEqual(['Yes', 'No', 'NA']);
    expect(main!.columns.find((c) => c.header.startsWith('CSP Implementation'))?.role).toBe('comment');
    expect(main!.columns.find((c) => c.header === 'SSRM Control Ownership')?.role).toBe('ignore');
    expect(a1(q.commentCell!.r, q.commentCell!.c)).toBe('E3');
  });

  it('CAIQ v3.1: a two-row header with Yes | No | Not Applicable mark columns under a merged cell', () => {
    const [sheet] = detect(caiqV3());
    const q = sheet!.questions[0]!;
    expect(q.kind).toBe('choice');
    expect(q.markCells?.map((m) => m.option)).toEqual(['Yes', 'No', 'Not Applicable']);
    expect(q.options).toEqual(['Yes', 'No', 'Not Applicable']);
    expect(q.section).toBe('Application & Interface Security');
    expect(sheet!.columns.find((c) => c.header.endsWith('Notes'))?.role).toBe('comment');
  });

  it('SIG Lite: sub-questions know their parent; hidden scoring columns, dashboard and glossary give no questions', () => {
    const layouts = detect(sigLite());
    expect(layouts.find((l) => l.sheet === 'Glossary')!.questions).toEqual([]);
    expect(layouts.find((l) => l.sheet === 'Dashboard')!.questions).toEqual([]);
    const a = layouts.find((l) => l.sheet.startsWith('A.'))!;
    const child = a.questions.find((q) => q.id === 'A.3.1')!;
    const parent = a.questions.find((q) => q.id === 'A.3')!;
    expect(child.parent).toBe(parent.question);
    expect(a.columns.some((c) => c.header === 'Scoring')).toBe(false); // hidden column
    expect(child.options).toEqual(['Yes', 'No', 'N/A']);
  });

  it('HECVAT: merged section rows become sections; a protected sheet with unlocked answer cells can be filled', () => {
    const full = detect(hecvat()).find((l) => l.sheet === 'HECVAT Full')!;
    expect(full.protected).toBe(true);
    expect(full.questions.every((q) => !q.blocked)).toBe(true);
    expect(full.questions[0]!.section).toBe('Documentation');
    expect(full.questions.at(-1)!.section).toBe('Policies, Processes, and Procedures');
    expect(full.notes.join(' ')).toMatch(/protected.*unlocked/);
    const choice = full.questions.find((q) => q.kind === 'choice')!;
    expect(choice.options).toEqual(['Yes', 'No']); // defined name -> hidden sheet
  });

  it('bank template: instructions and vendor details above the header are not questions; formulas and answers are kept', () => {
    const sheet = detect(bank()).find((l) => l.sheet === 'Information Security')!;
    expect(sheet.headerRow).toBe(7);
    expect(sheet.questions[0]!.section).toBeTruthy();
    const formulas = sheet.questions.filter((q) => q.blocked === 'formula');
    expect(formulas.map((q) => a1(q.answerCell.r, q.answerCell.c))).toEqual(['D15', 'D22']);
    expect(sheet.questions.filter((q) => q.existing === 'Yes').length).toBeGreaterThan(0);
    expect(sheet.columns.find((c) => c.header === 'Bank Assessor Comments')?.role).toBe('ignore');
    expect(sheet.columns.find((c) => c.header.startsWith('Vendor Comments'))?.role).toBe('comment');
  });

  it('a person can correct the columns: roles and header row override detection', () => {
    const l = bank();
    const book = openBook(l.fileName, l.bytes);
    const [sheet] = detectBook(book.sheets, {
      'Information Security': { headerRow: 8, roles: { 2: 'question', 4: 'answer' } },
    });
    expect(sheet!.questions.length).toBe(40);
    expect(a1(sheet!.questions[0]!.answerCell.r, sheet!.questions[0]!.answerCell.c)).toBe('E9');
    const skipped = detectBook(book.sheets, { 'Data Privacy': { skip: true } })[1]!;
    expect(skipped.status).toBe('skipped');
    expect(skipped.questions).toEqual([]);
  });
});
