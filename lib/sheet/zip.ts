// The workbook's zip container for reading parts and writing the answered copy. Checking is lib/zip-guard's
// (checkXlsx runs on every workbook before anything here); this file adds what a writer needs: parts read whole
// (within this module's memory limit), and a zip rebuilt with a few parts replaced while every other part is copied
// byte for byte (local header, compressed data, data descriptor, central record), so images, macros, signatures and
// timestamps survive untouched. Only changed parts are deflated again.
import { deflateSync } from 'fflate';
import { inflateCapped, readZipDirectory, XLSX_LIMITS, type ZipPart } from '../zip-guard';
import { crc32 } from './crc32';
import { SheetError, sheetMessages } from './errors';
import { SHEET_LIMITS } from './limits';

export interface ZipArchive {
  bytes: Uint8Array;
  parts: ZipPart[];
  byName: Map<string, ZipPart>;
  directoryOffset: number;
  comment: Uint8Array;
}

const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number): number =>
  (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

/** The archive's directory (already checked by checkXlsx; read again here for the writer's offsets). */
export function readZip(bytes: Uint8Array): ZipArchive {
  const dir = readZipDirectory(bytes, XLSX_LIMITS.maxParts);
  if (!dir.ok) throw new SheetError(dir.error.code, dir.error.message, { cause: dir.error });
  const commentLength = u16(bytes, dir.endOffset + 20);
  return {
    bytes,
    parts: dir.parts,
    byName: new Map(dir.parts.map((p) => [p.name, p])),
    directoryOffset: dir.directoryOffset,
    comment: bytes.subarray(dir.endOffset + 22, dir.endOffset + 22 + commentLength),
  };
}

/** One part's bytes, whole. Parts Crosswalk reads are held in memory, hence a tighter limit than the guard's. */
export function partBytes(zip: ZipArchive, part: ZipPart): Uint8Array {
  if (part.declaredSize > SHEET_LIMITS.maxReadPartBytes)
    throw new SheetError('part-too-large', sheetMessages.partTooLarge(part.name, part.declaredSize));
  const out = new Uint8Array(part.declaredSize);
  let at = 0;
  const res = inflateCapped(zip.bytes, part, part.declaredSize, (chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  if (!res.ok || res.size !== part.declaredSize)
    throw new SheetError('damaged', sheetMessages.corrupt(`part ${part.name} cannot be unpacked`));
  return out;
}

const LT = 0x3c;
const enc = new TextEncoder();
const SHEET_DATA_END = enc.encode('sheetData>');
const ROW = enc.encode('row');

/** Is bytes[i] the '<' of a row open tag (`<row ` or `<x:row>`)? */
function rowTagAt(b: Uint8Array, i: number): boolean {
  let j = i + 1;
  // An optional namespace prefix: letters, digits, '.', '-', '_' then ':'.
  let k = j;
  while (k < b.length && k - j < 12 && b[k] !== 0x3a && b[k] !== 0x20 && b[k] !== 0x3e && b[k] !== 0x2f) k++;
  if (b[k] === 0x3a) j = k + 1;
  if (b[j] !== ROW[0] || b[j + 1] !== ROW[1] || b[j + 2] !== ROW[2]) return false;
  const after = b[j + 3];
  return after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d;
}

/** Ends-with check for `</...sheetData>` at position `end` (exclusive) of b. */
function sheetDataEndAt(b: Uint8Array, end: number): number {
  const n = SHEET_DATA_END.length;
  if (end < n + 2) return -1;
  for (let k = 0; k < n; k++) if (b[end - n + k] !== SHEET_DATA_END[k]) return -1;
  // Walk back over an optional prefix to "</".
  let i = end - n - 1;
  if (b[i] === 0x3a) for (i--; i > 0 && b[i] !== 0x2f && end - i < 40; i--);
  return b[i] === 0x2f && b[i - 1] === LT ? i - 1 : -1;
}

/**
 * The first `maxRows` rows of a worksheet and everything after its sheet data (columns, merges, lists,
 * protection), without holding the rest: a 100,000-row sheet is probed for questions in a few hundred KB.
 * Offsets in the text are not the part's (the middle is left out), so a probed sheet is never written to.
 */
export function probePart(zip: ZipArchive, part: ZipPart, maxRows: number): { text: string; truncated: boolean } {
  if (part.declaredSize > SHEET_LIMITS.maxReadPartBytes * 4)
    throw new SheetError('part-too-large', sheetMessages.partTooLarge(part.name, part.declaredSize));
  const head: Uint8Array[] = [];
  let tail: Uint8Array[] = [];
  let rows = 0;
  let phase: 'head' | 'middle' | 'tail' = 'head';
  let carry = new Uint8Array(0);
  // Positions in the last LOOK bytes are scanned next round, when the bytes after them have arrived.
  const LOOK = 24;
  const res = inflateCapped(zip.bytes, part, part.declaredSize, (chunk) => {
    if (phase === 'tail') {
      tail.push(chunk.slice());
      return;
    }
    const buf = new Uint8Array(carry.length + chunk.length);
    buf.set(carry);
    buf.set(chunk, carry.length);
    const limit = Math.max(0, buf.length - LOOK);
    let headEnd = -1;
    for (let i = 0; i < limit; i++) {
      if (phase === 'head') {
        if (buf[i] === LT && rowTagAt(buf, i) && ++rows > maxRows) {
          headEnd = i;
          phase = 'middle';
        }
      } else if (buf[i] === 0x3e) {
        const at = sheetDataEndAt(buf, i + 1);
        if (at >= 0) {
          if (headEnd >= 0) head.push(buf.slice(0, headEnd));
          phase = 'tail';
          tail = [buf.slice(at)];
          return;
        }
      }
    }
    if (phase === 'head') {
      head.push(buf.slice(0, limit));
      carry = buf.slice(limit);
    } else {
      if (headEnd >= 0) head.push(buf.slice(0, headEnd));
      // Keep enough to see a closing tag that straddles two chunks.
      carry = buf.slice(Math.max(headEnd >= 0 ? headEnd : 0, buf.length - LOOK - 40));
    }
  });
  if (!res.ok || res.size !== part.declaredSize)
    throw new SheetError('damaged', sheetMessages.corrupt(`part ${part.name} cannot be unpacked`));
  if (phase === 'head') head.push(carry);
  else if (phase === 'middle') {
    // No closing tag seen yet at the very end: look in what was kept.
    for (let i = 0; i < carry.length; i++) {
      const at = carry[i] === 0x3e ? sheetDataEndAt(carry, i + 1) : -1;
      if (at >= 0) {
        tail = [carry.slice(at)];
        break;
      }
    }
  }
  const decoder = new TextDecoder('utf-8');
  const join = (parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return decoder.decode(out);
  };
  return { text: join(head) + join(tail), truncated: phase !== 'head' };
}

function corrupt(detail: string): SheetError {
  return new SheetError('damaged', sheetMessages.corrupt(detail));
}

/** Rewrite the archive with some parts replaced; every other part is copied byte for byte. */
export function writeZip(zip: ZipArchive, replaced: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const encoder = new TextEncoder();
  // Parts sorted by where their data sits, so each one's span (header, data, descriptor) ends where the next begins.
  const byOffset = [...zip.parts].sort((a, b) => a.localOffset - b.localOffset);
  const spanEnd = new Map<ZipPart, number>();
  byOffset.forEach((p, i) => spanEnd.set(p, byOffset[i + 1]?.localOffset ?? zip.directoryOffset));
  const chunks: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const p of zip.parts) {
    const original = zip.bytes.subarray(p.centralOffset, p.centralOffset + p.centralLength);
    const data = replaced.get(p.name);
    if (!data) {
      const span = zip.bytes.subarray(p.localOffset, spanEnd.get(p));
      const central = original.slice();
      new DataView(central.buffer).setUint32(42, offset, true);
      chunks.push(span);
      centrals.push(central);
      offset += span.length;
      continue;
    }
    const compressed = deflateSync(data, { level: 6 });
    const crc = crc32(data);
    const name = encoder.encode(p.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x800, true); // UTF-8 name, no data descriptor
    lv.setUint16(8, 8, true);
    lv.setUint32(10, u32(original, 12), true); // keep the original date and time
    lv.setUint32(14, crc, true);
    lv.setUint32(18, compressed.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, u16(original, 4), true); // version made by
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x800, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(12, u32(original, 12), true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, compressed.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(38, u32(original, 38), true); // external attributes
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    chunks.push(local, compressed);
    centrals.push(central);
    offset += local.length + compressed.length;
  }
  const directoryOffset = offset;
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  if (directoryOffset + directorySize >= 0xffffffff) throw corrupt('the answered workbook would need ZIP64');
  const end = new Uint8Array(22 + zip.comment.length);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, zip.parts.length, true);
  ev.setUint16(10, zip.parts.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, directoryOffset, true);
  ev.setUint16(20, zip.comment.length, true);
  end.set(zip.comment, 22);
  const out = new Uint8Array(directoryOffset + directorySize + end.length);
  let o = 0;
  for (const c of [...chunks, ...centrals, end]) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
