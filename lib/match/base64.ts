// Typed arrays <-> base64 text, so a saved index keeps its postings as a few strings that JSON.parse reads
// in one pass instead of millions of numbers (no Buffer/atob: lib/match runs in Node and in the browser).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!,
      b = bytes[i + 1] ?? 0,
      c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    chunk +=
      ALPHABET[n >> 18]! +
      ALPHABET[(n >> 12) & 63]! +
      (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=') +
      (i + 2 < bytes.length ? ALPHABET[n & 63]! : '=');
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** Decodes base64 text; returns undefined when the text is not base64 (the caller names the field). */
export function base64ToBytes(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = DECODE[text.charCodeAt(i)] ?? -1,
      b = DECODE[text.charCodeAt(i + 1)] ?? -1;
    const c = text.charCodeAt(i + 2) === 61 ? 0 : (DECODE[text.charCodeAt(i + 2)] ?? -1);
    const d = text.charCodeAt(i + 3) === 61 ? 0 : (DECODE[text.charCodeAt(i + 3)] ?? -1);
    if ((a | b | c | d) < 0) return undefined;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** Unsigned LEB128 varints: delta-encoded doc ids and small tf counts take one byte each. */
export function writeVarints(values: ArrayLike<number>, into: number[]): void {
  for (let i = 0; i < values.length; i++) {
    let v = values[i]!;
    while (v >= 128) {
      into.push((v & 127) | 128);
      v >>>= 7;
    }
    into.push(v);
  }
}

export class VarintReader {
  pos = 0;
  constructor(private readonly bytes: Uint8Array) {}
  get done(): boolean {
    return this.pos >= this.bytes.length;
  }
  next(): number {
    let v = 0;
    let shift = 0;
    for (;;) {
      if (this.pos >= this.bytes.length) throw new RangeError('truncated varint');
      const b = this.bytes[this.pos++]!;
      v += (b & 127) * 2 ** shift;
      if (b < 128) return v;
      shift += 7;
      if (shift > 35) throw new RangeError('varint too long');
    }
  }
}
