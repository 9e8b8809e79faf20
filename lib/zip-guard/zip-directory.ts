// Reads a ZIP archive's central directory without unpacking anything: names, compression methods and the
// sizes each part declares. Every offset is bounds-checked, because the bytes come from an untrusted file.
import { refuse, type ZipGuardFailure } from './errors';

export interface ZipPart {
  name: string;
  /** 0 = stored, 8 = deflate; anything else is refused by the guard. */
  method: number;
  /** General-purpose flags; bit 0 = encrypted. */
  flags: number;
  compressedSize: number;
  /** What the directory claims; checked against the real unpacked size by the guard. */
  declaredSize: number;
  /** Where the part's compressed bytes start. */
  dataOffset: number;
  /** Where its local header starts, and its central directory record (for writers that copy parts unchanged). */
  localOffset: number;
  centralOffset: number;
  centralLength: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type ZipDirectory =
  | {
      ok: true;
      parts: ZipPart[];
      /** Where the central directory and the end record start (the end record carries the archive comment). */
      directoryOffset: number;
      endOffset: number;
    }
  | ZipGuardFailure;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

/** An OLE compound file: an encrypted .xlsx (Excel wraps those in OLE) or a legacy .xls. */
export function isOleCompound(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE.every((b, i) => bytes[i] === b);
}

export function readZipDirectory(bytes: Uint8Array, maxParts: number): ZipDirectory {
  if (isOleCompound(bytes)) return refuse('encrypted-or-legacy');
  if (!isZip(bytes)) return refuse('not-a-zip');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);

  // The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 65,535 bytes.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return refuse('damaged', { detail: 'its ZIP directory is missing, so the file is probably cut short' });
  const count = u16(eocd + 10);
  const dirSize = u32(eocd + 12);
  const dirOffset = u32(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) return refuse('zip64');
  if (count > maxParts) return refuse('too-many-parts', { count, limit: maxParts });
  if (dirOffset + dirSize > eocd) return refuse('damaged', { detail: 'its ZIP directory points outside the file' });

  const parts: ZipPart[] = [];
  const names = new Set<string>();
  const decoder = new TextDecoder();
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || u32(at) !== CENTRAL)
      return refuse('damaged', { detail: `directory record ${i + 1} of ${count} is unreadable` });
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const compressedSize = u32(at + 20);
    const declaredSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    const localOffset = u32(at + 42);
    if (next > eocd) return refuse('damaged', { detail: `directory record ${i + 1} runs past the directory` });
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || localOffset === 0xffffffff)
      return refuse('zip64');
    if (names.has(name)) return refuse('damaged', { detail: `part "${name}" appears twice` });
    names.add(name);
    // The local header repeats the name and may carry its own extra field: the data starts after both.
    if (localOffset + 30 > bytes.length || u32(localOffset) !== LOCAL)
      return refuse('damaged', { detail: `part "${name}" has no local header where the directory says` });
    const dataOffset = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    if (dataOffset + compressedSize > bytes.length)
      return refuse('damaged', { detail: `part "${name}" runs past the end of the file` });
    parts.push({
      name,
      method,
      flags,
      compressedSize,
      declaredSize,
      dataOffset,
      localOffset,
      centralOffset: at,
      centralLength: next - at,
    });
    at = next;
  }
  return { ok: true, parts, directoryOffset: dirOffset, endOffset: eocd };
}
