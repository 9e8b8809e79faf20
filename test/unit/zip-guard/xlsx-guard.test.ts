// Item 3 of the hardening issue: XLSX decompression bombs and files that only pretend to be workbooks are
// refused before SheetJS unpacks them, with a message that names the cause and the fix; real workbooks pass.
import * as XLSX from '@e965/xlsx';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseLibraryFile } from '../../../lib/library';
import { errorInfo } from '../../../lib/errors';
import { checkXlsx, XLSX_LIMITS, ZipGuardError, zipGuardMessages } from '../../../lib/zip-guard';
import { bombSheet, questionRows, sheetXml, workbook, zipWithRawPart } from './crafted-xlsx';

const refusal = (bytes: Uint8Array, limits = XLSX_LIMITS) => {
  const res = checkXlsx(bytes, limits);
  if (res.ok) throw new Error(`expected a refusal, got ${JSON.stringify(res.summary)}`);
  return res.error;
};

describe('xlsx guard: real workbooks pass', () => {
  it('counts cells per sheet and names sheets as Excel shows them', () => {
    const res = checkXlsx(workbook(sheetXml(questionRows(3), 'A1:B4')));
    expect(res).toMatchObject({
      ok: true,
      summary: { cells: 8, sheets: [{ name: 'Vendor Q&A', cells: 8, rows: 4, columns: 2 }] },
    });
  });

  it('accepts a workbook written by SheetJS (the format our own export uses)', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['Question', 'Answer', 'Approved at'],
        ['Is MFA enforced?', 'Yes', new Date(2025, 0, 15)],
      ]),
      'Answers',
    );
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const res = checkXlsx(bytes);
    expect(res.ok && res.summary.sheets).toEqual([
      { name: 'Answers', part: 'xl/worksheets/sheet1.xml', cells: 6, rows: 2, columns: 3 },
    ]);
  });
});

describe('xlsx guard: decompression bombs', () => {
  it('refuses a part that declares more than the limit without unpacking it', () => {
    const bomb = bombSheet(170); // 170 MB of cells in well under a megabyte
    expect(bomb.compressed.length).toBeLessThan(1024 * 1024);
    const res = refusal(zipWithRawPart(bomb.compressed, bomb.size));
    expect(res.code).toBe('part-too-large');
    expect(res.message).toMatch(/expands to more than 160 MB .* split the sheet/);
  });

  it('refuses a part that lies about its size, stopping as soon as it passes what it declared', () => {
    const bomb = bombSheet(170);
    const res = refusal(zipWithRawPart(bomb.compressed, 4096));
    expect(res.code).toBe('size-mismatch');
    expect(res.message).toContain('xl/worksheets/sheet1.xml');
  });

  it('refuses many parts that are each small but together expand past the total limit', () => {
    const limits = { ...XLSX_LIMITS, maxTotalBytes: 64 * 1024 };
    const extra = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`xl/media/pad${i}.xml`, strToU8('x'.repeat(10_000))]),
    );
    expect(refusal(workbook(sheetXml(questionRows(2)), extra), limits).code).toBe('total-too-large');
  });

  it('refuses a sheet of millions of empty cells (small on disk, huge once parsed)', () => {
    const res = refusal(workbook(sheetXml(`<row r="1">${'<c/>'.repeat(XLSX_LIMITS.maxCells + 1)}</row>`)));
    expect(res.code).toBe('too-many-cells');
    expect(res.message).toMatch(/more than 3,000,000 filled cells/);
  });

  it('refuses a stray cell that stretches the used range to billions of cells, naming the sheet', () => {
    const rows = `${questionRows(2)}<row r="90000"><c r="XFD90000"><v>1</v></c></row>`;
    const res = refusal(workbook(sheetXml(rows)));
    expect(res.code).toBe('sheet-too-large');
    expect(res.message).toMatch(/^Sheet "Vendor Q&A" spans 1,474,560,000 cells/);
  });

  it('refuses a forged <dimension> that readers would size the sheet from', () => {
    // SheetJS takes the declared range as the sheet's range even when only A1 is filled.
    expect(refusal(workbook(sheetXml(questionRows(1), 'A1:XFD100000'))).code).toBe('sheet-too-large');
  });

  it('cells without references still count, and prefixed (x:c) tags are seen', () => {
    const rows = '<x:row><x:c><x:v>1</x:v></x:c><x:c/></x:row><row><c/></row>';
    const res = checkXlsx(workbook(sheetXml(rows)));
    expect(res.ok && res.summary.sheets[0]).toMatchObject({ cells: 3, rows: 2, columns: 2 });
  });
});

describe('xlsx guard: files that are not workbooks', () => {
  it('random bytes named .xlsx are called what they are', () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
    expect(refusal(random).code).toBe('not-a-zip');
    // The shared error shape: a catalogued code and the cause-and-fix message, as the message protocol sends it.
    expect(refusal(random)).toBeInstanceOf(ZipGuardError);
    expect(errorInfo(refusal(random))).toEqual({ code: 'not-a-zip', message: zipGuardMessages['not-a-zip']({}) });
    const parsed = parseLibraryFile('answers.xlsx', random);
    expect(parsed.fatal).toBe(zipGuardMessages['not-a-zip']({}));
    expect(parsed.fatal).not.toMatch(/Question column/);
  });

  it('a password-protected workbook (OLE container) gets the way out', () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refusal(ole).message).toMatch(/password-protected.*Remove the password/);
  });

  it('a ZIP that is not a spreadsheet (a Word file renamed) is refused', () => {
    const types =
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
    const res = refusal(workbook(sheetXml(''), { '[Content_Types].xml': strToU8(types) }));
    expect(res.code).toBe('not-a-workbook');
    expect(res.message).toMatch(/Word or PowerPoint/);
  });

  it('a workbook cut short in transfer is called damaged', () => {
    const bytes = workbook(sheetXml(questionRows(50)));
    expect(refusal(bytes.subarray(0, Math.floor(bytes.length / 2))).code).toBe('damaged');
  });

  it('corrupt compressed data is called damaged, not a crash', () => {
    const bomb = bombSheet(1);
    const broken = bomb.compressed.slice();
    for (let i = 10; i < broken.length; i += 7) broken[i] = broken[i]! ^ 0x5a;
    const res = refusal(zipWithRawPart(broken, bomb.size));
    expect(['damaged', 'size-mismatch']).toContain(res.code);
  });

  it('an encrypted part is refused by name', () => {
    const bomb = bombSheet(1);
    expect(refusal(zipWithRawPart(bomb.compressed, bomb.size, 1))).toMatchObject({ code: 'encrypted-part' });
  });
});

describe('library import uses the guard', () => {
  it('a bomb named .xlsx is refused with the guard message and nothing accepted', () => {
    const bomb = bombSheet(170);
    const parsed = parseLibraryFile('questionnaire.xlsx', zipWithRawPart(bomb.compressed, 4096));
    expect(parsed.fatal).toMatch(/unpacks to a different size/);
    expect(parsed.accepted.entries).toEqual([]);
  });

  it('a valid crafted workbook still imports', () => {
    const parsed = parseLibraryFile('q.xlsx', workbook(sheetXml(questionRows(3))));
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.accepted.entries.map((e) => e.question)).toEqual([
      'Do you encrypt backups (2)?',
      'Do you encrypt backups (3)?',
      'Do you encrypt backups (4)?',
    ]);
  });
});
