// Bad files get a clear error (cause and fix) and nothing is written: not a workbook, encrypted, old formats,
// zip bombs, 1,048,576-row sheets, damaged zips.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../../lib/cli/fill-command';
import { detectBook, openBook, SheetError, textAt, writeBook, type SheetErrorCode } from '../../../lib/sheet';
import { buildXlsx } from '../../fixtures/sheets/xlsx-writer';

function refusal(name: string, bytes: Uint8Array): SheetError {
  try {
    openBook(name, bytes);
  } catch (e) {
    if (e instanceof SheetError) return e;
    throw e;
  }
  throw new Error(`${name} was accepted`);
}

function expectRefused(name: string, bytes: Uint8Array, code: SheetErrorCode, message: RegExp): void {
  const e = refusal(name, bytes);
  expect(e.code).toBe(code);
  expect(e.message).toMatch(message);
}

const small = () => buildXlsx({ sheets: [{ name: 'S', rows: [['Question', 'Answer'], ['Do you encrypt data?']] }] });

/** Replace one part of a valid workbook, keeping everything else. */
function withPart(part: string, data: Uint8Array, level: 0 | 6 = 6): Uint8Array {
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 | 6 }]> = { ...unzipSync(small()) };
  files[part] = [data, { level }];
  return zipSync(files);
}

describe('bad questionnaire files', () => {
  it('random bytes named .xlsx: not a workbook, with what to do', () => {
    const junk = Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919) & 0xff);
    expectRefused('q.xlsx', junk, 'not-a-zip', /not an Excel workbook.*Export the questionnaire again/);
  });

  it('a PDF named .csv is refused, not read as text', () => {
    const pdf = new Uint8Array([...strToU8('%PDF-1.7\n'), 0, 1, 2, 3, ...Array.from({ length: 500 }, () => 0)]);
    expectRefused('q.csv', pdf, 'not-a-text-file', /not a text file/);
  });

  it('a password-protected workbook (OLE container with EncryptedPackage) says how to remove the password', () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = 'EncryptedPackage';
    for (let i = 0; i < name.length; i++) ole[1024 + i * 2] = name.charCodeAt(i);
    expectRefused('q.xlsx', ole, 'encrypted-or-legacy', /password-protected.*Remove the password/);
    const xls = new Uint8Array(2048);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expectRefused('q.xls', xls, 'encrypted-or-legacy', /old-style \.xls.*save it as \.xlsx/);
  });

  it('OpenDocument and binary workbooks are named, with the format to save as', () => {
    const ods = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
      'content.xml': strToU8('<x/>'),
    });
    expectRefused('q.ods', ods, 'not-a-workbook', /not an Excel workbook.*export it as CSV/);
  });

  it('a zip bomb (a part declaring gigabytes) is refused from the zip directory, before anything is inflated', () => {
    const bytes = small();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.lastIndexOf('PK\u0001\u0002', text.lastIndexOf('xl/worksheets/sheet1.xml'));
    view.setUint32(at + 24, 3_000_000_000, true);
    expectRefused('q.xlsx', bytes, 'part-too-large', /expands to more than.*exhaust memory/);
  });

  it('a part whose zip directory lies about its size is refused as damaged', () => {
    const bytes = small();
    // Find sheet1.xml's central directory record and halve its declared uncompressed size.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.lastIndexOf('PK\u0001\u0002', text.lastIndexOf('xl/worksheets/sheet1.xml'));
    view.setUint32(at + 24, Math.floor(view.getUint32(at + 24, true) / 2), true);
    expectRefused('q.xlsx', bytes, 'size-mismatch', /different size than its directory declares/);
  });

  const sheetOf = (rows: number, row: (r: number) => string) => {
    const parts: string[] = [];
    for (let r = 1; r <= rows; r++) parts.push(row(r));
    return strToU8(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${parts.join('')}</sheetData></worksheet>`,
    );
  };

  it(
    'a question sheet with rows down to row 1,048,576 is refused while reading, with the fix',
    { timeout: 120_000 },
    () => {
      const header = `<row r="1"><c r="A1" t="inlineStr"><is><t>Question</t></is></c><c r="B1" t="inlineStr"><is><t>Answer</t></is></c></row>`;
      const question = (r: number) =>
        `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Do you encrypt backups number ${r}?</t></is></c></row>`;
      const xml = sheetOf(1_048_576, (r) => (r === 1 ? header : r <= 4 ? question(r) : `<row r="${r}"/>`));
      expectRefused(
        'q.xlsx',
        withPart('xl/worksheets/sheet1.xml', xml),
        'too-many-rows',
        /200,000-row limit.*1,048,576.*Delete the empty rows/,
      );
    },
  );

  it(
    'a huge sheet that holds no questions is probed, not read whole, and does not stop the others',
    { timeout: 120_000 },
    () => {
      const files: Record<string, Uint8Array> = { ...unzipSync(small()) };
      const workbook = new TextDecoder().decode(files['xl/workbook.xml']);
      files['xl/workbook.xml'] = strToU8(
        workbook
          .replace('</x:sheets>', '')
          .replace('</sheets>', '<sheet name="Data" sheetId="9" r:id="rIdData"/></sheets>'),
      );
      const rels = new TextDecoder().decode(files['xl/_rels/workbook.xml.rels']);
      files['xl/_rels/workbook.xml.rels'] = strToU8(
        rels.replace(
          '</Relationships>',
          '<Relationship Id="rIdData" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/></Relationships>',
        ),
      );
      files['xl/worksheets/data.xml'] = sheetOf(150_000, (r) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
      const types = new TextDecoder().decode(files['[Content_Types].xml']);
      files['[Content_Types].xml'] = strToU8(
        types.replace(
          '</Types>',
          '<Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        ),
      );
      const book = openBook('q.xlsx', zipSync(files));
      const data = book.sheets.find((s) => s.name === 'Data')!;
      expect(data.partial).toBe(true);
      expect(data.rows.length).toBeLessThanOrEqual(400);
      const layouts = detectBook(book.sheets);
      expect(layouts.find((l) => l.sheet === 'S')!.questions.length).toBe(1);
      expect(layouts.find((l) => l.sheet === 'Data')!.questions).toEqual([]);
      // Writing into a probed sheet reads it whole first: the cell lands in row 100,000, the rows around it kept.
      const out = writeBook(book, [{ sheet: 'Data', r: 99_999, c: 1, value: 'checked' }]);
      const again = openBook('q.xlsx', out);
      const whole = again.format === 'xlsx' ? again.loadSheet(data.index) : undefined;
      expect(whole && textAt(whole, 99_999, 1)).toBe('checked');
      expect(whole && textAt(whole, 99_999, 0)).toBe('100000');
      expect(whole && textAt(whole, 149_999, 0)).toBe('150000');
    },
  );

  it('a CSV with more cells than any questionnaire is refused', { timeout: 60_000 }, () => {
    expectRefused('q.csv', strToU8('a,'.repeat(2_000_001)), 'too-many-cells', /non-empty cells/);
  });

  it('a cut-off zip is refused as damaged', () => {
    const bytes = small();
    expectRefused('q.xlsx', bytes.subarray(0, bytes.length - 30), 'damaged', /damaged.*save it again/);
  });

  it('the CLI writes nothing for a bad file and exits 1 with the message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosswalk-fill-'));
    const input = join(dir, 'q.xlsx');
    const out = join(dir, 'answered.xlsx');
    writeFileSync(
      input,
      Uint8Array.from({ length: 3000 }, (_, i) => i & 0xff),
    );
    const err: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await run([input, '--out', out])).toBe(1);
    expect(err.join('\n')).toMatch(/not an Excel workbook|not start like one/);
    expect(existsSync(out)).toBe(false);
  });

  it('a macro-enabled workbook keeps its macros, so the answered copy must keep the .xlsm name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosswalk-fill-'));
    const input = join(dir, 'q.xlsm');
    writeFileSync(
      input,
      buildXlsx({ macro: true, sheets: [{ name: 'S', rows: [['Question', 'Answer'], ['Do you encrypt data?']] }] }),
    );
    const err: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await run([input, '--out', join(dir, 'a.xlsx')])).toBe(1);
    expect(err.join('\n')).toMatch(/macro-enabled.*must also end in \.xlsm/);
    expect(existsSync(join(dir, 'a.xlsx'))).toBe(false);
  });
});
