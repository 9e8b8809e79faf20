// Detection for a whole workbook: per sheet, the header row, the column roles and the questions, with the person's
// corrections (overrides) applied. Pure and synchronous: runs in Node (CLI) and in the extension page.
import { a1, colHidden, rowHidden, textAt, type Grid } from '../grid';
import { findHeader, readHeader, sentenceLike, visibleTexts, type Column, type HeaderGuess } from './columns';
import { normHeader, OPTION_WORD, type ColumnRole } from './header-words';
import type { ColumnInfo, SheetLayout, SheetOverride, SheetQuestion } from './questions';
import { walkRows } from './rows';

export * from './questions';
export { ROLES, ROLE_LABEL, WRITABLE, headerRole, headerOptions, type ColumnRole } from './header-words';
export { isPlaceholder, blockOf } from './rows';

/** The visible, non-empty cells of a row (0-based) as a person would name columns: letter index and text. */
export function rowTexts(grid: Grid, r: number): { col: number; text: string }[] {
  return visibleTexts(grid, r).map(({ c, text }) => ({ col: c, text }));
}

/** No header row at all (a pasted list): the column of sentences, and the first usable column right of it. */
function headerless(grid: Grid): HeaderGuess | undefined {
  // Without a header nothing names the column, so the text itself must be questions: most sentences in it end
  // with a question mark (a glossary or a list of statements is not a questionnaire).
  const asked = new Map<number, number>();
  const sentences = new Map<number, number>();
  let firstRow = -1;
  for (let r = 0; r < grid.rows.length; r++) {
    if (rowHidden(grid, r)) continue;
    for (const { c, text } of visibleTexts(grid, r)) {
      if (!sentenceLike(text)) continue;
      sentences.set(c, (sentences.get(c) ?? 0) + 1);
      if (text.trim().endsWith('?')) asked.set(c, (asked.get(c) ?? 0) + 1);
    }
  }
  let qc = -1;
  let best = 0;
  for (const [c, n] of asked) if (n > best && n >= (sentences.get(c) ?? 0) * 0.5) [qc, best] = [c, n];
  if (qc < 0 || best < 3) return undefined;
  for (let r = 0; r < grid.rows.length && firstRow < 0; r++)
    if (!rowHidden(grid, r) && sentenceLike(textAt(grid, r, qc))) firstRow = r;
  let ac = qc + 1;
  while (colHidden(grid, ac)) ac++;
  return {
    headerRow: firstRow - 1,
    headerDepth: 1,
    score: 0,
    columns: [
      { col: qc, header: '', role: 'question' },
      { col: ac, header: '', role: 'answer' },
    ],
  };
}

/** Could this sheet (or its first rows) hold questions: a header row, or a column of questions without one? */
export function mayHoldQuestions(grid: Grid): boolean {
  return !!findHeader(grid) || !!headerless(grid);
}

/** The person's roles for a sheet -> a header guess; mark columns are recognised from their option-word headers. */
function fromRoles(grid: Grid, headerRow: number, roles: Record<number, ColumnRole>): HeaderGuess {
  const columns: Column[] = Object.entries(roles)
    .map(([col, role]) => ({
      col: Number(col),
      header: headerRow >= 0 ? textAt(grid, headerRow, Number(col)) : '',
      role,
    }))
    .filter((k) => k.role !== 'ignore')
    .sort((a, b) => a.col - b.col);
  const optionCols = columns.filter((k) => k.role === 'choice' && OPTION_WORD.test(normHeader(k.header)));
  if (optionCols.length >= 2) for (const k of optionCols) Object.assign(k, { mark: k.header.trim() });
  return { headerRow, headerDepth: 1, columns, score: 0 };
}

function columnInfo(grid: Grid, header: HeaderGuess): ColumnInfo[] {
  const byCol = new Map(header.columns.map((k) => [k.col, k]));
  const out: ColumnInfo[] = [];
  const texts = header.headerRow >= 0 ? visibleTexts(grid, header.headerRow) : [];
  const cols = new Set([...texts.map((t) => t.c), ...byCol.keys()]);
  for (const c of [...cols].sort((a, b) => a - b)) {
    if (colHidden(grid, c)) continue;
    const k = byCol.get(c);
    out.push({
      col: c,
      header: k?.header ?? textAt(grid, header.headerRow, c),
      role: k?.role ?? 'ignore',
      ...(k?.mark ? { mark: k.mark } : {}),
      ...(k?.options ? { options: k.options } : {}),
    });
  }
  return out;
}

function notesFor(grid: Grid, questions: readonly SheetQuestion[]): string[] {
  const notes: string[] = [];
  const locked = questions.filter((q) => q.blocked === 'locked').length;
  if (grid.protected)
    notes.push(
      locked
        ? `The sheet is protected and ${locked} answer cell${locked === 1 ? ' is' : 's are'} locked: those are left empty. Unprotect the sheet in Excel (Review > Unprotect Sheet) to fill them.`
        : 'The sheet is protected; its answer cells are unlocked, so they are filled and the protection is kept.',
    );
  const formulas = questions.filter((q) => q.blocked === 'formula').length;
  if (formulas)
    notes.push(`${formulas} answer cell${formulas === 1 ? ' holds' : 's hold'} a formula and will not be overwritten.`);
  const answered = questions.filter((q) => q.existing).length;
  if (answered)
    notes.push(
      `${answered} question${answered === 1 ? ' is' : 's are'} already answered and left alone unless you ask to overwrite.`,
    );
  return notes;
}

export function detectSheet(grid: Grid, override: SheetOverride = {}): SheetLayout {
  const base = { sheet: grid.name, index: grid.index, protected: grid.protected, columns: [], questions: [] };
  if (override.skip) return { ...base, status: 'skipped', notes: ['Skipped by you.'] };
  if (grid.notWorksheet)
    return { ...base, status: 'not-worksheet', notes: ['A chart or dialog sheet: nothing to answer.'] };
  if (grid.hidden) return { ...base, status: 'hidden', notes: ['A hidden sheet (helper lists, scoring): skipped.'] };
  let header: HeaderGuess | undefined;
  const headerRow = override.headerRow !== undefined ? override.headerRow - 1 : undefined;
  if (override.roles && Object.keys(override.roles).length) {
    const row = headerRow ?? findHeader(grid)?.headerRow ?? -1;
    header = fromRoles(grid, row, override.roles);
  } else if (headerRow !== undefined) {
    header = readHeader(grid, headerRow) ?? { headerRow, headerDepth: 1, columns: [], score: 0 };
  } else header = findHeader(grid) ?? headerless(grid);
  if (!header || !header.columns.some((k) => k.role === 'question'))
    return {
      ...base,
      status: 'no-questions',
      ...(header && header.headerRow >= 0 ? { headerRow: header.headerRow } : {}),
      notes: [
        'No question column found: no header such as "Question" in the first rows, and no column of question text.',
      ],
    };
  const walk = walkRows(grid, header, !override.roles);
  const questions = walk.questions;
  return {
    ...base,
    status: questions.length ? 'questions' : 'no-questions',
    ...(header.headerRow >= 0 ? { headerRow: header.headerRow } : {}),
    columns: columnInfo(grid, header),
    questions,
    notes: [
      ...(header.headerRow < 0
        ? ['No header row: the column of question text and the column right of it are used.']
        : []),
      ...(walk.headers.length > 1
        ? [`${walk.headers.length} tables on this sheet, each with its own header row.`]
        : []),
      ...notesFor(grid, questions),
    ],
  };
}

export function detectBook(sheets: readonly Grid[], overrides: Record<string, SheetOverride> = {}): SheetLayout[] {
  return sheets.map((g) => detectSheet(g, overrides[g.name]));
}

/** "Sheet 1!C12" style reference for messages and JSON. */
export function cellName(q: Pick<SheetQuestion, 'sheet'>, ref: { r: number; c: number }): string {
  return a1(ref.r, ref.c);
}
