// Bad files get a clear error (cause and fix) and nothing is written: not a workbook, encrypted, old formats,
// zip bombs, 1,048,576-row sheets, damaged zips.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../../lib/cli/fill-command';
import { openBook, SheetError, type SheetErrorCode } from '../../../lib/sheet';
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
    expectRefused('q.xlsx', junk, 'not-a-workbook', /not an Excel workbook.*save it as \.xlsx/);
  });

  it('a PDF named .csv is refused, not read as text', () => {
    const pdf = new Uint8Array([...strToU8('%PDF-1.7\n'), 0, 1, 2, 3, ...Array.from({ length: 500 }, () => 0)]);
    expectRefused('q.csv', pdf, 'not-a-workbook', /not an Excel workbook/);
  });

  it('a password-protected workbook (OLE container with EncryptedPackage) says how to remove the password', () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = 'EncryptedPackage';
    for (let i = 0; i < name.length; i++) ole[1024 + i * 2] = name.charCodeAt(i);
    expectRefused('q.xlsx', ole, 'password-protected', /encrypted with a password.*remove the password/);
    const xls = new Uint8Array(2048);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expectRefused('q.xls', xls, 'legacy-xls', /Excel 97-2003.*save it as \.xlsx/);
  });

  it('OpenDocument and binary workbooks are named, with the format to save as', () => {
    const ods = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
      'content.xml': strToU8('<x/>'),
    });
    expectRefused('q.ods', ods, 'opendocument', /OpenDocument.*\.xlsx/);
    expectRefused('q.xlsb', small(), 'binary-xlsb', /binary workbook/);
  });

  it('a zip bomb (a part compressed a thousand to one) is refused before it is inflated', () => {
    const bomb = withPart('xl/worksheets/sheet1.xml', new Uint8Array(5 * 1024 * 1024).fill(0x20));
    expectRefused('q.xlsx', bomb, 'zip-bomb', /decompression bomb/);
  });

  it('a part whose zip directory lies about its size is refused as damaged', () => {
    const bytes = small();
    // Find sheet1.xml's central directory record and halve its declared uncompressed size.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    const text = new TextDecoder('latin1').decode(bytes);
    const at = text.lastIndexOf('PK\u0001\u0002', text.lastIndexOf('xl/worksheets/sheet1.xml'));
    view.setUint32(at + 24, Math.floor(view.getUint32(at + 24, true) / 2), true);
    expectRefused('q.xlsx', bytes, 'corrupt', /different size than the zip directory says/);
  });

  const sheetOf = (rows: number, row: (r: number) => string) => {
    const parts: string[] = [];
    for (let r = 1; r <= rows; r++) parts.push(row(r));
    return strToU8(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${parts.join('')}</sheetData></worksheet>`,
    );
  };

  it('a sheet formatted down to row 1,048,576 is refused with the fix, whichever limit it meets first', () => {
    const xml = sheetOf(1_048_576, (r) => `<row r="${r}" spans="1:8" s="3" customFormat="1" ht="15"/>`);
    const e = refusal('q.xlsx', withPart('xl/worksheets/sheet1.xml', xml));
    // About 60 MB of rows: under the part limit, so reading stops at the row limit (a wider row meets the part limit).
    expect(['too-many-rows', 'zip-bomb']).toContain(e.code);
    expect(e.message).toMatch(/1,048,576.*(Delete the empty rows|Delete unused rows)/);
  });

  it('a sheet with more rows than any questionnaire is refused while reading, with the fix', () => {
    const xml = sheetOf(210_000, (r) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    expectRefused(
      'q.xlsx',
      withPart('xl/worksheets/sheet1.xml', xml),
      'too-many-rows',
      /200,000-row limit.*Delete the empty rows/,
    );
  });

  it('a CSV with more cells than any questionnaire is refused', () => {
    expectRefused('q.csv', strToU8('a,'.repeat(2_000_001)), 'too-many-cells', /non-empty cells/);
  });

  it('a cut-off zip is refused as damaged', () => {
    const bytes = small();
    expectRefused('q.xlsx', bytes.subarray(0, bytes.length - 30), 'corrupt', /damaged|missing/);
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
    expect(err.join('\n')).toMatch(/not an Excel workbook/);
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
