// An .xlsx / .xlsm package -> one Grid per sheet. Follows the package's own relationships (never guesses part
// names), reads shared strings, the locked flag of each cell style, defined names, and resolves each dropdown
// list to its options, wherever the list lives (inline, a range on a hidden sheet, a defined name).
import { SheetError, sheetMessages } from './errors';
import { parseRange, textAt, type Grid, type Validation } from './grid';
import { mayHoldQuestions } from './detect';
import { parseSheetXml, type ParsedSheet, type RawValidation } from './sheet-xml';
import { attrs, runText, tags } from './xml';
import { partBytes, probePart, readZip, type ZipArchive } from './zip';

/** Rows read first from every sheet; the rest only when they may hold questions (memory stays small). */
const PROBE_ROWS = 400;

export interface XlsxBook {
  format: 'xlsx';
  zip: ZipArchive;
  /** Read a partially read sheet whole (by index), e.g. when a person marks its columns by hand. */
  loadSheet: (index: number) => Grid;
  /** Macro-enabled (.xlsm): macros are kept byte for byte, and the answered copy must keep the .xlsm name. */
  macroEnabled: boolean;
  sheets: Grid[];
}

const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;
const REL_OFFICE_DOC = /\/officeDocument$/;

const utf8 = new TextDecoder('utf-8');

function partText(zip: ZipArchive, name: string): string | undefined {
  const p = zip.byName.get(name);
  return p ? utf8.decode(partBytes(zip, p)) : undefined;
}

/** "xl/workbook.xml" + "worksheets/sheet1.xml" -> "xl/worksheets/sheet1.xml"; absolute targets start at the root. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relsOf(zip: ZipArchive, part: string): { id: string; type: string; target: string }[] {
  const dir = part.split('/').slice(0, -1).join('/');
  const file = part.split('/').pop()!;
  const text = partText(zip, `${dir ? `${dir}/` : ''}_rels/${file}.rels`);
  if (!text) return [];
  const out: { id: string; type: string; target: string }[] = [];
  for (const t of tags(text)) {
    if (t.name !== 'Relationship' || t.close) continue;
    const a = attrs(t.attrs);
    if (a.TargetMode === 'External' || !a.Id || !a.Target) continue;
    out.push({ id: a.Id, type: a.Type ?? '', target: resolvePart(part, decodeURIComponent(a.Target)) });
  }
  return out;
}

function sharedStrings(text: string | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  let start = -1;
  for (const t of tags(text)) {
    if (t.name !== 'si') continue;
    if (t.selfClose) out.push('');
    else if (!t.close) start = t.end;
    else if (start >= 0) {
      out.push(runText(text.slice(start, t.start)));
      start = -1;
    }
  }
  return out;
}

/** For each cellXfs entry: is a cell with that style locked? (ECMA-376: locked unless <protection locked="0"/>.) */
function lockedStyles(text: string | undefined): boolean[] {
  if (!text) return [];
  const out: boolean[] = [];
  let inXfs = false;
  let current = -1;
  for (const t of tags(text)) {
    if (t.name === 'cellXfs') inXfs = !t.close && !t.selfClose;
    else if (inXfs && t.name === 'xf' && !t.close) {
      out.push(true);
      current = out.length - 1;
    } else if (inXfs && t.name === 'protection' && current >= 0 && !t.close) {
      const locked = attrs(t.attrs).locked;
      out[current] = !(locked === '0' || locked === 'false');
    }
  }
  return out;
}

interface DefinedName {
  name: string;
  sheet?: number;
  ref: string;
}

/** Parse "'My Sheet'!$A$1:$A$4" or "Lists!A1:A4" or "$A$1:$A$4" into sheet name + range. */
function splitRef(ref: string): { sheet?: string; range: string } | undefined {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(
    ref.trim(),
  );
  if (!m) return undefined;
  const sheet = m[1]?.replace(/''/g, "'") ?? m[2];
  return { ...(sheet !== undefined ? { sheet } : {}), range: m[3]! };
}

/** Options of a list validation: an inline "Yes,No,N/A", a range, or a defined name that points to a range. */
function resolveList(
  formula: string,
  own: Grid,
  byName: ReadonlyMap<string, Grid>,
  names: readonly DefinedName[],
  full: (grid: Grid, lastRow: number) => Grid,
): string[] | undefined {
  const f = formula.trim().replace(/^=/, '');
  if (f.startsWith('"')) {
    const inner = f.replace(/^"|"$/g, '').replace(/""/g, '"');
    return inner
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  let target = splitRef(f);
  if (!target) {
    const dn =
      names.find((n) => n.name.toLowerCase() === f.toLowerCase() && n.sheet === own.index) ??
      names.find((n) => n.name.toLowerCase() === f.toLowerCase() && n.sheet === undefined);
    if (dn) target = splitRef(dn.ref.replace(/^=/, ''));
  }
  if (!target) return undefined; // INDIRECT(), OFFSET() and other computed lists: no fixed options
  const listSheet = target.sheet !== undefined ? byName.get(target.sheet.toLowerCase()) : own;
  const rg = parseRange(target.range);
  if (!listSheet || !rg || (rg.r2 - rg.r1 + 1) * (rg.c2 - rg.c1 + 1) > 500) return undefined;
  const grid = full(listSheet, rg.r2);
  const out: string[] = [];
  for (let r = rg.r1; r <= rg.r2; r++)
    for (let c = rg.c1; c <= rg.c2; c++) {
      const t = textAt(grid, r, c).trim();
      if (t && !out.includes(t)) out.push(t);
    }
  return out.length ? out : undefined;
}

/** Read a workbook that lib/zip-guard's checkXlsx has accepted. */
export function readXlsx(bytes: Uint8Array): XlsxBook {
  const zip = readZip(bytes);
  const rootRels = relsOf(zip, '');
  const workbookPart = rootRels.find((r) => REL_OFFICE_DOC.test(r.type))?.target ?? 'xl/workbook.xml';
  const workbookXml = partText(zip, workbookPart);
  if (!workbookXml)
    throw new SheetError('not-a-workbook', sheetMessages.corrupt(`the workbook part ${workbookPart} is missing`));
  const contentTypes = partText(zip, '[Content_Types].xml') ?? '';
  const macroEnabled = /macroEnabled/i.test(contentTypes) || zip.byName.has('xl/vbaProject.bin');

  const rels = relsOf(zip, workbookPart);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const shared = sharedStrings(
    rels.find((r) => REL_SHARED.test(r.type)) && partText(zip, rels.find((r) => REL_SHARED.test(r.type))!.target),
  );
  const styles = rels.find((r) => REL_STYLES.test(r.type));
  const locked = lockedStyles(styles ? partText(zip, styles.target) : undefined);
  const lockedStyle = (s: number) => locked[s] ?? true;

  const sheetDefs: { name: string; hidden: boolean; rid: string }[] = [];
  const names: DefinedName[] = [];
  let nameStart = -1;
  let pendingName: Omit<DefinedName, 'ref'> | undefined;
  for (const t of tags(workbookXml)) {
    if (t.name === 'sheet' && !t.close) {
      const a = attrs(t.attrs);
      sheetDefs.push({
        name: a.name ?? `Sheet${sheetDefs.length + 1}`,
        hidden: !!a.state && a.state !== 'visible',
        rid: a.id ?? '',
      });
    } else if (t.name === 'definedName') {
      if (!t.close && !t.selfClose) {
        const a = attrs(t.attrs);
        pendingName = {
          name: a.name ?? '',
          ...(a.localSheetId !== undefined ? { sheet: Number(a.localSheetId) } : {}),
        };
        nameStart = t.end;
      } else if (t.close && pendingName) {
        names.push({
          ...pendingName,
          ref: workbookXml
            .slice(nameStart, t.start)
            .replace(/&apos;/g, "'")
            .replace(/&amp;/g, '&'),
        });
        pendingName = undefined;
      }
    }
  }
  if (!sheetDefs.length) throw new SheetError('damaged', sheetMessages.corrupt('the workbook lists no sheets'));

  const rawValidations = new Map<Grid, RawValidation[]>();
  const read = (base: Grid, part: string, probe = false): { grid: Grid; raw: ParsedSheet } => {
    const entry = zip.byName.get(part);
    if (!entry) throw new SheetError('damaged', sheetMessages.corrupt(`sheet "${base.name}" (${part}) is missing`));
    const { text, truncated } = probe
      ? probePart(zip, entry, PROBE_ROWS)
      : { text: utf8.decode(partBytes(zip, entry)), truncated: false };
    const raw = parseSheetXml(text, base.name, shared);
    const { validations: _v, truncated: _t, ...rest } = raw;
    void _v;
    void _t;
    const grid: Grid = { ...base, ...rest, validations: [], part, ...(truncated ? { partial: true } : {}) };
    return { grid, raw };
  };
  const sheets: Grid[] = sheetDefs.map((def, index) => {
    const rel = relById.get(def.rid);
    const base: Grid = {
      name: def.name,
      index,
      hidden: def.hidden,
      protected: false,
      rows: [],
      columns: [],
      merges: [],
      validations: [],
      rowsHiddenByDefault: false,
      lockedStyle,
    };
    if (!rel || !REL_WORKSHEET.test(rel.type)) return { ...base, notWorksheet: true };
    // Hidden sheets are never searched for questions; visible ones are read whole when their first rows could
    // hold questions. A 100,000-row reference sheet costs only its first rows.
    let { grid, raw } = read(base, rel.target, true);
    if (grid.partial && !grid.hidden && mayHoldQuestions(grid)) ({ grid, raw } = read(base, rel.target));
    rawValidations.set(grid, raw.validations);
    return grid;
  });
  const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
  const loadSheet = (index: number): Grid => {
    const current = sheets[index]!;
    if (!current.partial || !current.part) return current;
    const { grid, raw } = read({ ...current, rows: [], partial: undefined }, current.part);
    delete grid.partial;
    resolve(grid, raw.validations);
    sheets[index] = grid;
    byName.set(grid.name.toLowerCase(), grid);
    return grid;
  };
  // A list on a partially read sheet beyond its first rows: read that sheet whole (rare: lists sit at the top).
  const full = (g: Grid, lastRow: number): Grid => (g.partial && lastRow >= PROBE_ROWS ? loadSheet(g.index) : g);
  const resolve = (grid: Grid, raws: readonly RawValidation[]) => {
    grid.validations = raws.map((v): Validation => {
      const options = resolveList(v.formula, grid, byName, names, full);
      return { ranges: v.ranges, formula: v.formula, ...(options ? { options } : {}) };
    });
  };
  for (const [grid, raws] of rawValidations) resolve(grid, raws);
  return { format: 'xlsx', zip, macroEnabled, sheets, loadSheet };
}
