// Counts a worksheet's cells and the extent of its used range from the XML bytes as they stream out of the
// inflater, without decoding text or building a DOM. Chunks are cut at the last "<", so no tag is split.
// Works on bytes because a 100,000-row sheet is ~75 MB of XML: decoding and regex matching it took seconds.
const LT = 0x3c;
const GT = 0x3e;
/** A carry this long means no "<" for 64 KB: not a tag worth waiting for (the part-size cap bounds the rest). */
const MAX_CARRY = 64 * 1024;

const isNameByte = (b: number) => b > 0x20 && b !== GT && b !== 0x2f && b !== 0x3d; // not space, '>', '/', '='
const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
const isLetter = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;

type Tag = 'c' | 'row' | 'dimension';
const TAGS: Record<Tag, number[]> = {
  c: [0x63],
  row: [0x72, 0x6f, 0x77],
  dimension: [...'dimension'].map((c) => c.charCodeAt(0)),
};

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A cell reference ("$AB$12") in buf[from, to) → [column, row]; undefined when it is not one. */
function cellRef(buf: Uint8Array, from: number, to: number): [number, number] | undefined {
  let i = from;
  if (buf[i] === 0x24) i++;
  let col = 0;
  let letters = 0;
  while (i < to && isLetter(buf[i]!) && letters < 3) {
    col = col * 26 + ((buf[i]! & 0xdf) - 0x40);
    i++;
    letters++;
  }
  if (buf[i] === 0x24) i++;
  let row = 0;
  let digits = 0;
  while (i < to && isDigit(buf[i]!) && digits < 7) {
    row = row * 10 + (buf[i]! - 0x30);
    i++;
    digits++;
  }
  return i === to && letters && digits ? [col, row] : undefined;
}

/** Value of attribute `name` (unprefixed) among buf[from, to): its [start, end), or undefined. */
function attr(buf: Uint8Array, from: number, to: number, name: number[]): [number, number] | undefined {
  for (let i = from; i < to; i++) {
    if (!isSpace(buf[i]!)) continue;
    let j = i + 1;
    let k = 0;
    while (k < name.length && buf[j] === name[k]) {
      j++;
      k++;
    }
    if (k !== name.length) continue;
    while (j < to && isSpace(buf[j]!)) j++;
    if (buf[j] !== 0x3d) continue; // '='
    j++;
    while (j < to && isSpace(buf[j]!)) j++;
    const quote = buf[j];
    if (quote !== 0x22 && quote !== 0x27) continue;
    const end = buf.indexOf(quote, j + 1);
    if (end < 0 || end > to) return undefined;
    return [j + 1, end];
  }
  return undefined;
}

const R = [0x72];
const REF = [0x72, 0x65, 0x66];

export class CellCounter {
  cells = 0;
  maxRow = 0;
  maxColumn = 0;
  /** Rows × columns the sheet's <dimension> declares (0 when absent): readers size the sheet from it. */
  declaredArea = 0;
  private row = 0;
  private column = 0;
  private carry: Uint8Array = new Uint8Array(0);

  push(chunk: Uint8Array): void {
    let buf = chunk;
    if (this.carry.length) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry);
      buf.set(chunk, this.carry.length);
    }
    const cut = buf.lastIndexOf(LT);
    if (cut < 0) {
      this.carry = new Uint8Array(0);
      return;
    }
    this.scan(buf, cut);
    this.carry = buf.length - cut > MAX_CARRY ? new Uint8Array(0) : buf.slice(cut);
  }

  finish(): void {
    this.scan(this.carry, this.carry.length);
    this.carry = new Uint8Array(0);
  }

  /** Rows × columns of the used range, from the cells actually written. */
  get usedArea(): number {
    return this.maxRow * this.maxColumn;
  }

  /** Every tag starting before `end` (complete, since the next "<" is at or after `end`). */
  private scan(buf: Uint8Array, end: number): void {
    for (let lt = buf.indexOf(LT); lt >= 0 && lt < end; lt = buf.indexOf(LT, lt + 1)) {
      let nameEnd = lt + 1;
      let local = lt + 1; // start of the name after any "prefix:"
      while (nameEnd < buf.length && isNameByte(buf[nameEnd]!)) {
        if (buf[nameEnd] === 0x3a) local = nameEnd + 1;
        nameEnd++;
      }
      const tag = this.tagAt(buf, local, nameEnd);
      if (!tag) continue;
      const gt = buf.indexOf(GT, nameEnd);
      const close = gt < 0 ? buf.length : gt;
      if (tag === 'c') this.cell(buf, nameEnd, close);
      else if (tag === 'row') {
        const r = attr(buf, nameEnd, close, R);
        let n = 0;
        if (r) for (let i = r[0]; i < r[1] && isDigit(buf[i]!); i++) n = n * 10 + (buf[i]! - 0x30);
        this.row = n > 0 ? n : this.row + 1;
        this.column = 0;
      } else {
        const ref = attr(buf, nameEnd, close, REF);
        this.declaredArea = ref ? rangeArea(buf, ref[0], ref[1]) : 0;
      }
    }
  }

  private tagAt(buf: Uint8Array, from: number, to: number): Tag | undefined {
    const len = to - from;
    for (const tag of ['c', 'row', 'dimension'] as const) {
      const name = TAGS[tag];
      if (name.length === len && name.every((b, i) => buf[from + i] === b)) return tag;
    }
    return undefined;
  }

  private cell(buf: Uint8Array, from: number, to: number): void {
    // A cell without r= follows the previous one in its row (that is how readers place it too).
    const r = attr(buf, from, to, R);
    const ref = r && cellRef(buf, r[0], r[1]);
    if (ref) [this.column, this.row] = ref;
    else this.column++;
    this.cells++;
    const row = Math.max(this.row, 1); // a first row with no r= is row 1
    if (row > this.maxRow) this.maxRow = row;
    if (this.column > this.maxColumn) this.maxColumn = this.column;
  }
}

/** "A1:XFD1048576" in buf[from, to) → rows × columns; 0 when it is not a range. */
function rangeArea(buf: Uint8Array, from: number, to: number): number {
  const colon = buf.indexOf(0x3a, from);
  const split = colon >= 0 && colon < to ? colon : to;
  const a = cellRef(buf, from, split);
  const b = split < to ? cellRef(buf, split + 1, to) : a;
  if (!a || !b) return 0;
  return (Math.abs(b[1] - a[1]) + 1) * (Math.abs(b[0] - a[0]) + 1);
}
