// Typed arrays <-> base64 text, so a saved index keeps its postings as a few strings that JSON.parse reads
// in one pass instead of millions of numbers (no Buffer/atob: lib/match runs in Node and in the browser).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
const CODES = Uint8Array.from(ALPHABET, (ch) => ch.charCodeAt(0));

export function bytesToBase64(bytes: Uint8Array): string {
  // Character codes in chunks turned into strings with String.fromCharCode: string concatenation per character
  // was a quarter of the time it takes to save a 20,000-entry index.
  const parts: string[] = [];
  const CHUNK = 8192; // characters per String.fromCharCode call: a multiple of 4, well under argument limits
  const codes = new Uint16Array(CHUNK);
  let c = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!,
      b = bytes[i + 1] ?? 0,
      d = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | d;
    codes[c++] = CODES[n >> 18]!;
    codes[c++] = CODES[(n >> 12) & 63]!;
    codes[c++] = i + 1 < bytes.length ? CODES[(n >> 6) & 63]! : 61;
    codes[c++] = i + 2 < bytes.length ? CODES[n & 63]! : 61;
    if (c === CHUNK) {
      parts.push(String.fromCharCode(...codes));
      c = 0;
    }
  }
  if (c) parts.push(String.fromCharCode(...codes.subarray(0, c)));
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

/**
 * A growable byte buffer. Saving a 20,000-entry index writes millions of bytes: pushed onto a number[] they cost
 * about 2 s of allocation and garbage collection, written into a doubling Uint8Array a small fraction of that.
 */
export class ByteWriter {
  private buf = new Uint8Array(4096);
  private n = 0;
  push(byte: number): void {
    if (this.n === this.buf.length) this.grow();
    this.buf[this.n++] = byte;
  }
  /** One unsigned LEB128 varint. */
  varint(value: number): void {
    let v = value;
    while (v >= 128) {
      this.push((v & 127) | 128);
      v >>>= 7;
    }
    this.push(v);
  }
  private grow(): void {
    const grown = new Uint8Array(this.buf.length * 2);
    grown.set(this.buf);
    this.buf = grown;
  }
  /** The bytes written so far (a view: copy it before writing more). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.n);
  }
}

/** Unsigned LEB128 varints: delta-encoded doc ids and small tf counts take one byte each. */
export function writeVarints(values: ArrayLike<number>, into: ByteWriter): void {
  for (let i = 0; i < values.length; i++) into.varint(values[i]!);
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
