// The spreadsheet page's row logic: detected questions become the side panel's rows, fills and undo change rows,
// and the answered copy gets exactly the cells the person filled.
import { describe, expect, it } from 'vitest';
import {
  answeredName,
  applyFills,
  toWorkbookRows,
  undoFills,
  workbookWrites,
} from '../../../entrypoints/spreadsheet/rows';
import { a1, detectBook, openBook, textAt, writeBook } from '../../../lib/sheet';
import { compareParts } from '../../fixtures/sheets/compare-parts';
import { bank } from '../../fixtures/sheets/layouts';

function opened() {
  const layout = bank();
  const book = openBook(layout.fileName, layout.bytes);
  const state = toWorkbookRows(detectBook(book.sheets));
  return { layout, book, ...state };
}

describe('spreadsheet page rows', () => {
  it('one row per detected question, in sheet and row order, numbered by the questionnaire', () => {
    const { rows, questions } = opened();
    expect(rows.length).toBe(questions.size);
    expect(rows[0]!.field.number).toBe('IS-1');
    expect(rows[0]!.field.fid).toBe(`Information Security!C9`);
    expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i));
    // The Yes/No/N/A list on the answer cell is the field's options; the comment cell rides with the question.
    expect(rows[0]!.field.options).toEqual(['Yes', 'No', 'N/A']);
    expect(rows[0]!.comment?.fid).toBe('Information Security!C9#comment');
    // A formula answer cell is shown but cannot be filled.
    expect(rows.find((r) => r.field.number === 'IS-7')!.field.disabled).toBe(true);
  });

  it('fills change rows, the answered copy gets exactly those cells, and undo puts the workbook value back', () => {
    const { layout, book, rows, questions } = opened();
    const first = rows[0]!;
    const { rows: filled, results } = applyFills(rows, [
      {
        fid: first.field.fid,
        value: 'Yes',
        entryId: 'e1',
        version: 2,
        question: first.field.question,
        confidence: 0.9,
      },
      {
        fid: first.comment!.fid,
        value: 'MFA for every administrator.',
        entryId: 'e1',
        version: 2,
        question: 'c',
        confidence: 0.9,
      },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(filled[0]!.status).toBe('filled');
    expect(filled[0]!.filled).toMatchObject({ value: 'Yes', previous: '', entryId: 'e1', version: 2 });

    const writes = workbookWrites(filled, questions);
    expect(writes.map((w) => `${w.sheet}!${a1(w.r, w.c)}=${w.value}`)).toEqual([
      'Information Security!D9=Yes',
      'Information Security!E9=MFA for every administrator.',
    ]);
    const out = writeBook(book, writes);
    const diff = compareParts(layout.bytes, out);
    expect(diff.otherChanges).toEqual([]);
    expect([...diff.cells.values()].flatMap((m) => [...m.keys()])).toEqual(['D9', 'E9']);
    const again = openBook(layout.fileName, out).sheets.find((s) => s.name === 'Information Security')!;
    expect(textAt(again, 8, 3)).toBe('Yes');

    const undone = undoFills(filled, questions, [first.field.fid]);
    expect(undone[0]!.status).toBe('open');
    expect(undone[0]!.comment!.value).toBe('');
    expect(workbookWrites(undone, questions)).toEqual([]);
  });

  it('refuses a value the cell cannot take, and says why', () => {
    const { rows } = opened();
    const formula = rows.find((r) => r.field.number === 'IS-7')!;
    const choice = rows[1]!;
    const { rows: after, results } = applyFills(rows, [
      { fid: choice.field.fid, value: 'Mostly', entryId: 'e', version: 1, question: '', confidence: 1 },
      { fid: formula.field.fid, value: 'Yes', entryId: 'e', version: 1, question: '', confidence: 1 },
    ]);
    expect(results[0]).toMatchObject({ ok: false, error: expect.stringMatching(/accepts only "Yes", "No", "N\/A"/) });
    expect(results[1]).toMatchObject({ ok: false, error: expect.stringMatching(/formula/) });
    expect(after.every((r) => r.status === 'open')).toBe(true);
  });

  it('a correction that finds the same question again keeps what the person did with it', () => {
    const { book, rows } = opened();
    const { rows: filled } = applyFills(rows, [
      { fid: rows[0]!.field.fid, value: 'No', entryId: 'e', version: 1, question: '', confidence: 1 },
    ]);
    const again = toWorkbookRows(detectBook(book.sheets, { Summary: { skip: true } }), filled);
    expect(again.rows[0]!.status).toBe('filled');
    expect(again.rows[0]!.field.value).toBe('No');
  });

  it('the answered copy keeps the format in its name', () => {
    expect(answeredName('caiq.xlsx')).toBe('caiq (answered).xlsx');
    expect(answeredName('bank.v2.xlsm')).toBe('bank.v2 (answered).xlsm');
    expect(answeredName('questions')).toBe('questions (answered)');
  });
});
