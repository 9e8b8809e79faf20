// Bytes → text for CSV/TSV. A byte-order mark decides (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8.
// Invalid UTF-8 is not guessed away: the text is decoded with U+FFFD markers and each affected row is
// rejected with its row and column, so nobody imports mojibake without noticing.
import { messages } from '../errors';

export type TextEncoding = 'auto' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded =
  | { ok: true; text: string; encoding: Exclude<TextEncoding, 'auto'>; invalidUtf8: boolean }
  | { ok: false; error: string };

function looksUtf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 2000);
  if (n < 4) return false;
  let zeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  return zeros / n > 0.3;
}

export function decodeText(bytes: Uint8Array, encoding: TextEncoding = 'auto'): Decoded {
  if (encoding !== 'auto') {
    const start = encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const text = new TextDecoder(encoding).decode(bytes.subarray(start)).replace(/^\uFEFF/, '');
    return { ok: true, text, encoding, invalidUtf8: false };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return {
      ok: true,
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
      invalidUtf8: false,
    };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return {
      ok: true,
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
      invalidUtf8: false,
    };
  if (looksUtf16WithoutBom(bytes)) return { ok: false, error: messages.utf16NoBom() };
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      invalidUtf8: false,
    };
  } catch {
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', invalidUtf8: true };
  }
}
