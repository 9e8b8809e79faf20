// The check every workbook passes before a spreadsheet parser sees it (library import, spreadsheet
// questionnaires, the CLI). Cheap checks first: the directory's declared sizes refuse most bombs without
// unpacking a byte; then every part is unpacked once, streaming and capped at its declared size, which
// catches archives that lie about sizes, while worksheet XML is scanned for cell counts and used ranges.
import { CellCounter } from './cell-counter';
import { refuse, type ZipGuardFailure } from './errors';
import { inflateCapped } from './inflate-capped';
import { XLSX_LIMITS, type XlsxLimits } from './limits';
import { readZipDirectory, type ZipPart } from './zip-directory';

export interface SheetSummary {
  /** The sheet's name as Excel shows it (its part path when the workbook does not name it). */
  name: string;
  part: string;
  cells: number;
  rows: number;
  columns: number;
}

export interface XlsxSummary {
  parts: number;
  compressedBytes: number;
  expandedBytes: number;
  cells: number;
  sheets: SheetSummary[];
}

export type XlsxCheck = { ok: true; summary: XlsxSummary } | ZipGuardFailure;

const WORKSHEET = /^xl\/(?:worksheets|macrosheets|dialogsheets)\/[^/]+\.xml$/i;
/** Small XML parts read whole to name the sheets (and to find the workbook part). */
const NAMING_PARTS = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);
const MAX_NAMING_BYTES = 4 * 1024 * 1024;
const MAIN_CONTENT_TYPE =
  /spreadsheetml\.(?:sheet|template)\.main\+xml|ms-excel\.(?:sheet|template)\.macroEnabled\.main\+xml/i;

export function checkXlsx(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): XlsxCheck {
  const dir = readZipDirectory(bytes, limits.maxParts);
  if (!dir.ok) return dir;
  const declared = checkDeclared(dir.parts, limits);
  if (declared) return declared;

  const texts = new Map<string, string>();
  const counters = new Map<string, CellCounter>();
  let expandedBytes = 0;
  let cells = 0;
  for (const part of dir.parts) {
    if (part.name.endsWith('/')) continue; // a folder entry
    const worksheet = WORKSHEET.test(part.name);
    const counter = worksheet ? new CellCounter() : undefined;
    const keep: Uint8Array[] | undefined =
      NAMING_PARTS.has(part.name) && part.declaredSize <= MAX_NAMING_BYTES ? [] : undefined;
    const res = inflateCapped(bytes, part, part.declaredSize, (chunk) => {
      counter?.push(chunk);
      keep?.push(chunk.slice());
    });
    if (!res.ok)
      return res.reason === 'over-cap'
        ? refuse('size-mismatch', { part: part.name })
        : refuse('damaged', { detail: `part "${part.name}" cannot be unpacked: ${res.detail ?? 'corrupt data'}` });
    if (res.size !== part.declaredSize) return refuse('size-mismatch', { part: part.name });
    expandedBytes += res.size;
    if (keep) texts.set(part.name, new TextDecoder().decode(concat(keep)));
    if (counter) {
      counter.finish();
      cells += counter.cells;
      if (cells > limits.maxCells) return refuse('too-many-cells', { limit: limits.maxCells });
      counters.set(part.name, counter);
    }
  }

  const types = texts.get('[Content_Types].xml');
  if (types === undefined) return refuse('not-a-workbook', { detail: '[Content_Types].xml' });
  if (!MAIN_CONTENT_TYPE.test(types)) return refuse('not-a-workbook', { detail: 'workbook part' });

  const names = sheetNames(texts.get('xl/workbook.xml'), texts.get('xl/_rels/workbook.xml.rels'));
  const sheets: SheetSummary[] = [];
  for (const [part, counter] of counters) {
    const name = names.get(part) ?? part;
    const area = Math.max(counter.usedArea, counter.declaredArea);
    if (area > limits.maxSheetArea)
      return refuse('sheet-too-large', { part: name, count: area, limit: limits.maxSheetArea });
    sheets.push({ name, part, cells: counter.cells, rows: counter.maxRow, columns: counter.maxColumn });
  }
  return {
    ok: true,
    summary: { parts: dir.parts.length, compressedBytes: bytes.length, expandedBytes, cells, sheets },
  };
}

/** Refusals decided from the directory alone, before unpacking anything. */
function checkDeclared(parts: readonly ZipPart[], limits: XlsxLimits): ZipGuardFailure | undefined {
  let total = 0;
  for (const part of parts) {
    if (part.flags & 1) return refuse('encrypted-part', { part: part.name });
    if (part.method !== 0 && part.method !== 8)
      return refuse('unsupported-compression', { part: part.name, detail: String(part.method) });
    if (part.method === 0 && part.compressedSize !== part.declaredSize)
      return refuse('size-mismatch', { part: part.name });
    if (part.declaredSize > limits.maxPartBytes)
      return refuse('part-too-large', { part: part.name, limit: limits.maxPartBytes });
    total += part.declaredSize;
    if (total > limits.maxTotalBytes) return refuse('total-too-large', { limit: limits.maxTotalBytes });
  }
  return undefined;
}

/** Worksheet part path → the sheet's name, from workbook.xml and its relationships (best effort). */
function sheetNames(workbook: string | undefined, rels: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!workbook || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const id = /\bId\s*=\s*["']([^"']*)["']/.exec(m[1]!)?.[1];
    const target = /\bTarget\s*=\s*["']([^"']*)["']/.exec(m[1]!)?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of workbook.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)) {
    const name = /\bname\s*=\s*["']([^"']*)["']/.exec(m[1]!)?.[1];
    // The relationship id is a namespaced attribute (r:id); sheetId is a different, unprefixed one.
    const id = /\s[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(m[1]!)?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name && part) out.set(part, decodeXmlText(name));
  }
  return out;
}

function decodeXmlText(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
