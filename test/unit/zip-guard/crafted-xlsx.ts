// Crafted workbooks for the zip-guard tests: a minimal valid XLSX skeleton, and ways to damage it.
import { Deflate, strToU8, zipSync, type Zippable } from 'fflate';

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '</Types>';
const ROOT_RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '</Relationships>';
const WORKBOOK =
  '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
  '<sheet name="Vendor Q&amp;A" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '</Relationships>';

export const SHEET_PART = 'xl/worksheets/sheet1.xml';

export function sheetXml(rows: string, dimension = ''): string {
  return (
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    (dimension ? `<dimension ref="${dimension}"/>` : '') +
    `<sheetData>${rows}</sheetData></worksheet>`
  );
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** A questionnaire sheet: a header row and `n` question rows. */
export function questionRows(n: number): string {
  let out = `<row r="1">${inline('A1', 'Question')}${inline('B1', 'Answer')}</row>`;
  for (let i = 2; i <= n + 1; i++)
    out += `<row r="${i}">${inline(`A${i}`, `Do you encrypt backups (${i})?`)}${inline(`B${i}`, 'Yes')}</row>`;
  return out;
}

/** A complete workbook around one sheet; `extra` adds or replaces parts. */
export function workbook(sheet: string | Uint8Array, extra: Zippable = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'xl/workbook.xml': strToU8(WORKBOOK),
    'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
    [SHEET_PART]: typeof sheet === 'string' ? strToU8(sheet) : sheet,
    ...extra,
  });
}

/**
 * A worksheet part that expands to `mb` megabytes of cells, compressed as it is generated (no buffer of that
 * size is ever held): the shape of the reported bombs, where kilobytes on disk became gigabytes in memory.
 */
const bombs = new Map<number, { compressed: Uint8Array; size: number }>();
export function bombSheet(mb: number): { compressed: Uint8Array; size: number } {
  const made = bombs.get(mb) ?? makeBomb(mb);
  bombs.set(mb, made);
  return made;
}

function makeBomb(mb: number): { compressed: Uint8Array; size: number } {
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 1 }, (c) => chunks.push(c));
  const head = strToU8(sheetXml('').replace('</sheetData></worksheet>', ''));
  const block = strToU8('<row><c><v>1</v></c></row>'.repeat(Math.ceil((1024 * 1024) / 26)));
  const tail = strToU8('</sheetData></worksheet>');
  deflate.push(head);
  for (let i = 0; i < mb; i++) deflate.push(block);
  deflate.push(tail, true);
  const size = head.length + block.length * mb + tail.length;
  const compressed = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    compressed.set(c, at);
    at += c.length;
  }
  return { compressed, size };
}

/**
 * A stored ZIP whose sheet part holds already-deflated bytes: the directory is written by hand so the test
 * controls the declared sizes (honest, or lying about how much the part expands to).
 */
export function zipWithRawPart(rawDeflate: Uint8Array, declaredSize: number, flags = 0): Uint8Array {
  const files: { name: string; data: Uint8Array; method: number; size: number }[] = [
    { name: '[Content_Types].xml', data: strToU8(CONTENT_TYPES), method: 0, size: CONTENT_TYPES.length },
    { name: 'xl/workbook.xml', data: strToU8(WORKBOOK), method: 0, size: WORKBOOK.length },
    { name: SHEET_PART, data: rawDeflate, method: 8, size: declaredSize },
  ];
  const out: number[] = [];
  const central: number[] = [];
  const u16 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff);
  const u32 = (a: number[], v: number) => a.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  for (const f of files) {
    const name = strToU8(f.name);
    const offset = out.length;
    u32(out, 0x04034b50);
    u16(out, 20);
    u16(out, f.name === SHEET_PART ? flags : 0);
    u16(out, f.method);
    u32(out, 0);
    u32(out, 0); // crc (not checked by the guard)
    u32(out, f.data.length);
    u32(out, f.size);
    u16(out, name.length);
    u16(out, 0);
    for (const b of name) out.push(b);
    for (const b of f.data) out.push(b); // a loop: spreading a large part would overflow the argument list
    u32(central, 0x02014b50);
    u16(central, 20);
    u16(central, 20);
    u16(central, f.name === SHEET_PART ? flags : 0);
    u16(central, f.method);
    u32(central, 0);
    u32(central, 0);
    u32(central, f.data.length);
    u32(central, f.size);
    u16(central, name.length);
    u16(central, 0);
    u16(central, 0);
    u16(central, 0);
    u16(central, 0);
    u32(central, 0);
    u32(central, offset);
    for (const b of name) central.push(b);
  }
  const dirOffset = out.length;
  out.push(...central);
  u32(out, 0x06054b50);
  u16(out, 0);
  u16(out, 0);
  u16(out, files.length);
  u16(out, files.length);
  u32(out, central.length);
  u32(out, dirOffset);
  u16(out, 0);
  return Uint8Array.from(out);
}
