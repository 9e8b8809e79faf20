// A minimal zip container reader and writer for workbooks. Reading trusts only the central directory and checks
// every size against SHEET_LIMITS before inflating (fflate does the inflating into a buffer of the declared size,
// so a part can never grow past what was checked). Writing copies every part Crosswalk did not change byte for
// byte (local header, compressed data, data descriptor and central record), so images, macros, signatures and
// timestamps survive untouched; only changed parts are deflated again.
import { deflateSync, inflateSync } from 'fflate';
import { crc32 } from './crc32';
import { SheetError, sheetMessages } from './errors';
import { SHEET_LIMITS } from './limits';

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  localOffset: number;
  /** Offset of the compressed data. */
  dataOffset: number;
  /** The raw central directory record (copied unchanged when the part is not rewritten). */
  central: Uint8Array;
  /** Where, inside `central`, the local header offset lives (4 bytes; in the ZIP64 extra when the field is 0xFFFFFFFF). */
  offsetField: number;
  /** 8 when the offset lives in the ZIP64 extra field. */
  offsetWidth: 4 | 8;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
  byName: Map<string, ZipEntry>;
  /** Where the central directory starts (the end of the last entry's data). */
  centralOffset: number;
  comment: Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOC = 0x07064b50;

const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number): number =>
  (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 2 ** 32;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && u32(bytes, 0) === SIG_LOCAL;
}

function corrupt(detail: string): SheetError {
  return new SheetError('corrupt', sheetMessages.corrupt(detail));
}

function findEocd(b: Uint8Array): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (u32(b, i) === SIG_EOCD) return i;
  throw corrupt('the zip directory at the end of the file is missing; the file may be cut short');
}

const decoder = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

export function readZip(bytes: Uint8Array): ZipArchive {
  const eocd = findEocd(bytes);
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  const comment = bytes.subarray(eocd + 22, eocd + 22 + u16(bytes, eocd + 20));
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== SIG_EOCD64_LOC) throw corrupt('the ZIP64 directory locator is missing');
    const e64 = u64(bytes, loc + 8);
    if (e64 + 56 > bytes.length || u32(bytes, e64) !== SIG_EOCD64) throw corrupt('the ZIP64 directory is missing');
    count = u64(bytes, e64 + 32);
    cdSize = u64(bytes, e64 + 40);
    cdOffset = u64(bytes, e64 + 48);
  }
  if (count > SHEET_LIMITS.maxZipEntries) throw new SheetError('zip-bomb', sheetMessages.tooManyParts(count));
  if (cdOffset + cdSize > bytes.length) throw corrupt('the zip directory points past the end of the file');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL)
      throw corrupt(`zip directory record ${i + 1} is damaged`);
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    let offsetField = 42;
    let offsetWidth: 4 | 8 = 4;
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? decoder : latin1).decode(nameBytes);
    // ZIP64 extended information: present fields follow in a fixed order, only for the values that overflowed.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = u16(bytes, x);
      const len = u16(bytes, x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) {
          localOffset = u64(bytes, q);
          offsetField = q - p;
          offsetWidth = 8;
        }
      }
      x += 4 + len;
    }
    const recordEnd = p + 46 + nameLen + extraLen + commentLen;
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== SIG_LOCAL)
      throw corrupt(`the local header of ${name} is missing`);
    const dataOffset = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataOffset + compressedSize > bytes.length) throw corrupt(`${name} runs past the end of the file`);
    entries.push({
      name,
      method,
      flags,
      crc,
      compressedSize,
      size,
      localOffset,
      dataOffset,
      central: bytes.subarray(p, recordEnd),
      offsetField,
      offsetWidth,
    });
    p = recordEnd;
  }
  return { bytes, entries, byName: new Map(entries.map((e) => [e.name, e])), centralOffset: cdOffset, comment };
}

/** Running total of inflated bytes, so the whole workbook stays under maxTotalXmlBytes. */
export interface InflateBudget {
  used: number;
}

/** The uncompressed bytes of one part, after the size and ratio checks. */
export function inflateEntry(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  if (entry.flags & 1) throw new SheetError('password-protected', sheetMessages.encryptedEntry(entry.name));
  if (entry.size > SHEET_LIMITS.maxPartBytes)
    throw new SheetError('zip-bomb', sheetMessages.partTooLarge(entry.name, entry.size));
  if (entry.size > 1024 * 1024 && entry.size > entry.compressedSize * SHEET_LIMITS.maxCompressionRatio)
    throw new SheetError('zip-bomb', sheetMessages.zipBomb(entry.name));
  budget.used += entry.size;
  if (budget.used > SHEET_LIMITS.maxTotalXmlBytes)
    throw new SheetError('zip-bomb', sheetMessages.totalTooLarge(budget.used));
  const raw = zip.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    if (raw.length !== entry.size) throw new SheetError('corrupt', sheetMessages.sizeMismatch(entry.name));
    return raw;
  }
  if (entry.method !== 8) throw corrupt(`${entry.name} uses zip compression method ${entry.method}, not deflate`);
  // One byte more than declared: a part that fills it inflates past its declared size (crafted or damaged).
  const out = new Uint8Array(entry.size + 1);
  let data: Uint8Array;
  try {
    data = inflateSync(raw, { out });
  } catch (e) {
    throw corrupt(`${entry.name} cannot be inflated: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (data.length !== entry.size) throw new SheetError('corrupt', sheetMessages.sizeMismatch(entry.name));
  return data.subarray(0, entry.size);
}

/** Rewrite the archive with some parts replaced; every other part is copied byte for byte. */
export function writeZip(zip: ZipArchive, replaced: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const encoder = new TextEncoder();
  // Entries sorted by where their data sits, so each one's span (header, data, descriptor) ends where the next begins.
  const byOffset = [...zip.entries].sort((a, b) => a.localOffset - b.localOffset);
  const spanEnd = new Map<ZipEntry, number>();
  byOffset.forEach((e, i) => spanEnd.set(e, byOffset[i + 1]?.localOffset ?? zip.centralOffset));
  const chunks: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of zip.entries) {
    const data = replaced.get(e.name);
    if (!data) {
      const span = zip.bytes.subarray(e.localOffset, spanEnd.get(e));
      const central = e.central.slice();
      setOffset(central, e, offset);
      chunks.push(span);
      centrals.push(central);
      offset += span.length;
      continue;
    }
    const compressed = deflateSync(data, { level: 6 });
    const crc = crc32(data);
    const name = encoder.encode(e.name);
    if (data.length >= 0xffffffff || offset >= 0xffffffff)
      throw corrupt('the answered workbook would need ZIP64, which is not supported');
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, SIG_LOCAL, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x800, true); // UTF-8 name, no data descriptor
    lv.setUint16(8, 8, true);
    lv.setUint32(10, u32(e.central, 12), true); // keep the original date and time
    lv.setUint32(14, crc, true);
    lv.setUint32(18, compressed.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, SIG_CENTRAL, true);
    cv.setUint16(4, u16(e.central, 4), true); // version made by
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x800, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(12, u32(e.central, 12), true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, compressed.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(38, u32(e.central, 38), true); // external attributes
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    chunks.push(local, compressed);
    centrals.push(central);
    offset += local.length + compressed.length;
  }
  const cdOffset = offset;
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22 + zip.comment.length);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, SIG_EOCD, true);
  ev.setUint16(8, zip.entries.length, true);
  ev.setUint16(10, zip.entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, cdOffset, true);
  ev.setUint16(20, zip.comment.length, true);
  eocd.set(zip.comment, 22);
  if (cdOffset + cdSize >= 0xffffffff || zip.entries.length >= 0xffff)
    throw corrupt('the answered workbook would need ZIP64, which is not supported');
  const out = new Uint8Array(cdOffset + cdSize + eocd.length);
  let o = 0;
  for (const c of [...chunks, ...centrals, eocd]) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

function setOffset(central: Uint8Array, e: ZipEntry, offset: number): void {
  const v = new DataView(central.buffer, central.byteOffset, central.length);
  if (e.offsetWidth === 8) {
    v.setUint32(e.offsetField, offset >>> 0, true);
    v.setUint32(e.offsetField + 4, Math.floor(offset / 2 ** 32), true);
  } else v.setUint32(e.offsetField, offset, true);
}
