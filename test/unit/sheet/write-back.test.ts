// Write-back changes nothing but the answer cells: unzip the original and the answered copy, compare every part.
import * as XLSX from '@e965/xlsx';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { a1, detectBook, openBook, writeBook, writesForAnswer, type CellWrite } from '../../../lib/sheet';
import { compareParts } from '../../fixtures/sheets/compare-parts';
import { DEV_LAYOUTS, type Layout } from '../../fixtures/sheets/layouts';
import { buildXlsx, STYLE } from '../../fixtures/sheets/xlsx-writer';

/** Answer every writable question: choices with their first option, text with a sentence; comments too. */
function answerAll(l: Pick<Layout, 'fileName' | 'bytes'>): { out: Uint8Array; writes: CellWrite[] } {
  const book = openBook(l.fileName, l.bytes);
  const questions = detectBook(book.sheets).flatMap((s) => s.questions);
  const writes = questions
    .filter((q) => !q.blocked && !q.existing)
    .flatMap((q) =>
      writesForAnswer(
        q,
        q.kind === 'choice' ? q.options![0]! : `Answer to ${q.id ?? q.row}: we do <this> & "that".`,
        q.commentCell && !q.commentBlocked && !q.existingComment
          ? 'Explained in the security policy, section 4.'
          : undefined,
      ),
    );
  return { out: writeBook(book, writes), writes };
}

describe('in-place write-back', () => {
  for (const make of DEV_LAYOUTS) {
    const layout = make();
    it(`${layout.name}: only the filled cells differ, part by part`, () => {
      const { out, writes } = answerAll(layout);
      expect(writes.length).toBeGreaterThan(20);
      const diff = compareParts(layout.bytes, out);
      expect(diff.added).toEqual([]);
      expect(diff.removed).toEqual([]);
      expect(diff.otherChanges).toEqual([]);
      const book = openBook(layout.fileName, layout.bytes);
      const partOf = new Map(book.sheets.map((s) => [s.name, s.part]));
      const written = new Set(writes.map((w) => `${partOf.get(w.sheet)}!${a1(w.r, w.c)}`));
      const changed = [...diff.cells].flatMap(([part, cells]) => [...cells.keys()].map((ref) => `${part}!${ref}`));
      expect(new Set(changed)).toEqual(written);
      // Formula cells and cells already answered are never touched.
      for (const never of layout.neverWrite) {
        const [sheet, ref] = never.split('!');
        expect(changed).not.toContain(`${partOf.get(sheet!)}!${ref}`);
      }
    });

    it(`${layout.name}: the answered copy reads back with the answers (ours and SheetJS)`, () => {
      const { out, writes } = answerAll(layout);
      const again = openBook(layout.fileName, out);
      const wb = XLSX.read(out, { type: 'array' });
      for (const w of writes.slice(0, 40)) {
        const grid = again.sheets.find((s) => s.name === w.sheet)!;
        expect(grid.rows[w.r]!.cells[w.c]!.text).toBe(w.value);
        expect((wb.Sheets[w.sheet]![a1(w.r, w.c)] as XLSX.CellObject | undefined)?.v).toBe(w.value);
      }
      // Detection on the answered copy finds the same questions, now answered.
      const before = detectBook(openBook(layout.fileName, layout.bytes).sheets).flatMap((s) => s.questions);
      const after = detectBook(again.sheets).flatMap((s) => s.questions);
      expect(after.map((q) => `${q.sheet}!${q.row}`)).toEqual(before.map((q) => `${q.sheet}!${q.row}`));
      expect(after.filter((q) => q.existing).length).toBeGreaterThan(before.filter((q) => q.existing).length);
    });
  }

  it('keeps images, comments, macros and untouched parts byte for byte, including their compressed form', () => {
    const bytes = buildXlsx({
      macro: true,
      sheets: [
        {
          name: 'Questions',
          rows: [['Question', 'Answer'], ['Do you encrypt backups?'], ['Do you run a bug bounty?']],
          image: true,
          comment: { ref: 'A1', text: 'Internal note' },
        },
      ],
    });
    const book = openBook('q.xlsm', bytes);
    expect(book.format === 'xlsx' && book.macroEnabled).toBe(true);
    const out = writeBook(book, [{ sheet: 'Questions', r: 1, c: 1, value: 'Yes' }]);
    const a = unzipSync(bytes);
    const b = unzipSync(out);
    for (const part of ['xl/vbaProject.bin', 'xl/media/image1.png', 'xl/comments1.xml', 'xl/drawings/drawing1.xml'])
      expect(b[part]).toEqual(a[part]);
    expect(compareParts(bytes, out).changed).toEqual(['xl/worksheets/sheet1.xml']);
  });

  it('adds a missing cell in an existing row, a missing row, and fills a self-closing row, in cell order', () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: 'S',
          rows: [['Question', 'Answer', 'Comment'], ['Q one?', undefined, 'note'], ['Q two?'], [], ['Q four?']],
          hiddenRows: [3],
        },
      ],
    });
    const book = openBook('s.xlsx', bytes);
    const out = writeBook(book, [
      { sheet: 'S', r: 1, c: 1, value: 'between' }, // B2: missing cell between A2 and C2
      { sheet: 'S', r: 2, c: 2, value: 'end' }, // C3: after the last cell
      { sheet: 'S', r: 3, c: 1, value: 'hidden row' }, // row 4 is <row r="4" hidden="1"/>
      { sheet: 'S', r: 6, c: 1, value: 'new row' }, // row 7 does not exist
    ]);
    const xml = new TextDecoder().decode(unzipSync(out)['xl/worksheets/sheet1.xml']);
    expect(xml).toMatch(/<c r="A2"[^>]*>.*<\/c><c r="B2" t="inlineStr">.*between.*<\/c><c r="C2"/);
    expect(xml).toMatch(
      /<row r="4" hidden="1"><c r="B4" t="inlineStr"><is><t xml:space="preserve">hidden row<\/t><\/is><\/c><\/row>/,
    );
    expect(xml).toMatch(/<\/row><row r="7"><c r="B7" t="inlineStr">.*new row.*<\/row><\/sheetData>/);
    const again = openBook('s.xlsx', out).sheets[0];
    expect(again.rows[1]!.cells[2]!.text).toBe('note');
    expect(again.rows[2]!.cells[2]!.text).toBe('end');
    expect((XLSX.read(out, { type: 'array' }).Sheets.S!.B7 as XLSX.CellObject).v).toBe('new row');
  });

  it('reads and writes workbooks with x: prefixes and without r attributes', () => {
    const spec = {
      prefix: true,
      omitRefs: true,
      inlineStrings: true,
      sheets: [
        {
          name: 'Vendor',
          rows: [
            ['#', 'Question', 'Response', 'Notes'],
            [1, 'Do you have a CISO?', '', ''],
            [2, 'Do you encrypt laptops?', '', ''],
          ],
          columnCellStyles: [{ col: 2, from: 1, to: 2, style: STYLE.unlocked }],
        },
      ],
    };
    const bytes = buildXlsx(spec);
    const book = openBook('v.xlsx', bytes);
    const [sheet] = detectBook(book.sheets);
    expect(sheet!.questions.map((q) => a1(q.answerCell.r, q.answerCell.c))).toEqual(['C2', 'C3']);
    const out = writeBook(book, [{ sheet: 'Vendor', r: 1, c: 2, value: 'Yes' }]);
    const xml = new TextDecoder().decode(unzipSync(out)['xl/worksheets/sheet1.xml']);
    expect(xml).toContain('<x:c r="C2" s="3" t="inlineStr"><x:is><x:t xml:space="preserve">Yes</x:t></x:is></x:c>');
    expect(openBook('v.xlsx', out).sheets[0].rows[2]!.cells[1]!.text).toBe('Do you encrypt laptops?');
  });

  it('escapes XML, drops characters XML cannot hold, and keeps a literal _x0041_ as typed', () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', rows: [['Question', 'Answer'], ['Q?']] }] });
    const book = openBook('s.xlsx', bytes);
    const value = 'A < B & "C" \u0001 _x0041_';
    const again = openBook('s.xlsx', writeBook(book, [{ sheet: 'S', r: 1, c: 1, value }]));
    expect(again.sheets[0].rows[1]!.cells[1]!.text).toBe('A < B & "C"  _x0041_');
  });
});
