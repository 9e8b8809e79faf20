// Base64 and varints of saved indexes: the encoder matches Node's own base64 at every chunk boundary and decodes back.
import { expect, it } from 'vitest';
import { base64ToBytes, ByteWriter, bytesToBase64, VarintReader, writeVarints } from '../../../lib/match/base64';
it('encodes like Buffer and decodes back, across chunk boundaries', () => {
  for (const n of [0, 1, 2, 3, 4, 6143, 6144, 6145, 20000, 100001]) {
    const b = Uint8Array.from({ length: n }, (_, i) => (i * 131 + 7) & 255);
    const s = bytesToBase64(b);
    expect(s).toBe(Buffer.from(b).toString('base64'));
    expect(base64ToBytes(s)).toEqual(b);
  }
});

it('writes varints that read back, one byte for small values and more for large ones', () => {
  const values = [0, 1, 127, 128, 300, 16_383, 16_384, 2 ** 31 - 1, 5];
  const w = new ByteWriter();
  for (const v of values) w.varint(v);
  writeVarints(Uint16Array.from([65_535, 7]), w);
  const r = new VarintReader(w.bytes());
  expect([...values, 65_535, 7].map(() => r.next())).toEqual([...values, 65_535, 7]);
  expect(r.done).toBe(true);
  expect(w.bytes().length).toBe(1 + 1 + 1 + 2 + 2 + 2 + 3 + 5 + 1 + 3 + 1);
});
