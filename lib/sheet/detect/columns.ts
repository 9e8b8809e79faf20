// Finding the header row and what each column holds. The header is searched for in the first rows (title blocks,
// instructions and logos sit above it); a two-row header (a merged "Answers" cell over "Yes | No | N/A") is read as
// one. Headers name roles (header-words.ts); the cells below confirm them: the question column holds sentences,
// answer columns are mostly empty or hold dropdowns.
import { colHidden, mergeAt, rowHidden, textAt, validationAt, type Grid } from '../grid';
import { SHEET_LIMITS } from '../limits';
import { headerOptions, headerRole, normHeader, OPTION_WORD, type ColumnRole } from './header-words';

export interface Column {
  col: number;
  header: string;
  role: ColumnRole;
  /** For a mark column ("Yes" | "No" | "N/A", an X goes in one): the option it stands for. */
  mark?: string;
  /** Options the header spells out ("Response (Yes/No/N/A)"). */
  options?: string[];
}

export interface HeaderGuess {
  /** 0-based header row; the first data row is headerRow + headerDepth. */
  headerRow: number;
  headerDepth: 1 | 2;
  columns: Column[];
  score: number;
}

/** Cells a person sees in row r: visible columns, non-empty text. */
export function visibleTexts(grid: Grid, r: number, maxCol = 200): { c: number; text: string }[] {
  const row = grid.rows[r];
  if (!row) return [];
  const out: { c: number; text: string }[] = [];
  const n = Math.min(row.cells.length, maxCol);
  for (let c = 0; c < n; c++) {
    const t = row.cells[c]?.text.trim();
    if (t && !colHidden(grid, c)) out.push({ c, text: t });
  }
  return out;
}

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** Does this look like question text (a sentence, not a code, a number or a one-word label)? */
export function sentenceLike(text: string): boolean {
  const t = text.trim();
  return t.length >= 12 && words(t) >= 3 && /[a-z]/i.test(t);
}

/** Header texts for row r, reading a second header row under merged group headers. */
function headerTexts(grid: Grid, r: number): { texts: Map<number, string>; depth: 1 | 2 } {
  const texts = new Map<number, string>();
  for (const { c, text } of visibleTexts(grid, r)) texts.set(c, text);
  // A merged cell in this row spanning several columns, with texts under it in the next row: a two-row header.
  const below = new Map(visibleTexts(grid, r + 1).map((x) => [x.c, x.text]));
  let depth: 1 | 2 = 1;
  for (const [c, text] of [...texts]) {
    const m = mergeAt(grid, r, c);
    // A group header ("Answers" over Yes | No | N/A) is short and spans a few columns; a title over the whole table is not.
    if (!m || m.c2 === m.c1 || m.r1 !== r || m.c2 - m.c1 > 7 || text.split(/\s+/).length > 6) continue;
    const subs = [...below].filter(([bc]) => bc >= m.c1 && bc <= m.c2);
    if (subs.length < 2) continue;
    // A group header leaves other columns outside it ("Control ID" beside "Answers"); a title over the whole
    // table ("Part B - Technical Controls") covers every header below it.
    const outside = (k: number) => k < m.c1 || k > m.c2;
    if (![...texts.keys()].some(outside) && ![...below.keys()].some(outside)) continue;
    depth = 2;
    texts.delete(c);
    for (const [bc, bt] of subs) texts.set(bc, OPTION_WORD.test(normHeader(bt)) ? bt : `${text} / ${bt}`);
  }
  if (depth === 2)
    // Columns whose header sits in the second row only (the first row's cell is empty or merged down).
    for (const [bc, bt] of below) if (!texts.has(bc)) texts.set(bc, bt);
  return { texts, depth };
}

/** Adjacent columns headed by option words ("Yes", "No", "N/A"): a mark group where an X goes under one. */
function markColumns(texts: Map<number, string>): Map<number, string> {
  const marks = new Map<number, string>();
  const cols = [...texts.keys()].sort((a, b) => a - b);
  let run: number[] = [];
  const flush = () => {
    if (run.length >= 2) for (const c of run) marks.set(c, texts.get(c)!.trim());
    run = [];
  };
  for (const c of cols) {
    if (OPTION_WORD.test(normHeader(texts.get(c)!)) && (run.length === 0 || c - run[run.length - 1]! <= 1)) run.push(c);
    else {
      flush();
      if (OPTION_WORD.test(normHeader(texts.get(c)!))) run.push(c);
    }
  }
  flush();
  return marks;
}

/** Content check for a candidate question column: how many of the next rows hold sentences. */
function sentenceShare(grid: Grid, from: number, c: number, sample = 25): number {
  let seen = 0;
  let sentences = 0;
  for (let r = from; r < grid.rows.length && seen < sample; r++) {
    if (rowHidden(grid, r)) continue;
    const t = textAt(grid, r, c).trim();
    if (!t) continue;
    seen++;
    if (sentenceLike(t)) sentences++;
  }
  return seen === 0 ? 0 : sentences / Math.max(seen, 3);
}

/** How empty a column is (or holds dropdowns) below the header: answer columns of a blank questionnaire are. */
function answerShape(grid: Grid, from: number, c: number, sample = 40): number {
  let seen = 0;
  let fits = 0;
  for (let r = from; r < grid.rows.length && seen < sample; r++) {
    if (rowHidden(grid, r)) continue;
    seen++;
    const t = textAt(grid, r, c).trim();
    if (!t || t.length <= 20 || validationAt(grid, r, c)) fits++;
  }
  return seen === 0 ? 0 : fits / seen;
}

const ROLE_WEIGHT: Record<ColumnRole, number> = {
  question: 3,
  answer: 2,
  choice: 2,
  comment: 1,
  evidence: 0.5,
  id: 1,
  section: 0.5,
  guidance: 0.5,
  ignore: 0.25,
};

/** Roles for one candidate header row, or undefined when it is not a header. */
export function readHeader(grid: Grid, r: number): HeaderGuess | undefined {
  const { texts, depth } = headerTexts(grid, r);
  if (texts.size === 0) return undefined;
  const marks = markColumns(texts);
  const first = r + depth;
  let score = 0;
  let long = 0;
  const columns: Column[] = [];
  for (const [c, text] of [...texts].sort((a, b) => a[0] - b[0])) {
    if (text.length > 100) long++;
    const mark = marks.get(c);
    if (mark) {
      columns.push({ col: c, header: text, role: 'choice', mark });
      score += 0.75;
      continue;
    }
    const role = headerRole(text);
    if (!role) continue;
    const options = role === 'choice' || role === 'answer' ? headerOptions(text) : undefined;
    columns.push({ col: c, header: text, role, ...(options ? { options } : {}) });
    score += ROLE_WEIGHT[role];
  }
  // Several columns can claim "question" ("Control specification" and "Assessment question"): the one whose
  // header says question and whose cells hold sentences wins; the others become context.
  const questionCols = columns.filter((k) => k.role === 'question');
  if (questionCols.length === 0) {
    // No header says "question": the column of sentences under an answer-like header row (e.g. "Item | Response").
    const hasAnswer = columns.some((k) => k.role === 'answer' || k.role === 'choice' || k.role === 'comment');
    if (!hasAnswer) return undefined;
    let best: { c: number; share: number } | undefined;
    for (const [c, text] of texts) {
      if (columns.some((k) => k.col === c)) continue;
      const share = sentenceShare(grid, first, c);
      if (share >= 0.5 && (!best || share > best.share) && text.length <= 60) best = { c, share };
    }
    if (!best) return undefined;
    columns.push({ col: best.c, header: texts.get(best.c)!, role: 'question' });
    columns.sort((a, b) => a.col - b.col);
    score += 1.5;
  } else if (questionCols.length > 1) {
    const rank = (k: Column) =>
      sentenceShare(grid, first, k.col) + (/question|query|request/.test(normHeader(k.header)) ? 0.5 : 0);
    const best = questionCols.reduce((a, b) => (rank(b) > rank(a) ? b : a));
    for (const k of questionCols) if (k !== best) k.role = 'guidance';
  }
  const q = columns.find((k) => k.role === 'question')!;
  const share = sentenceShare(grid, first, q.col);
  if (share < 0.3) return undefined;
  // Answer columns a person fills are empty or short in a blank questionnaire; a "Response" column full of prose
  // is more likely the question's own description, but it stays an answer column (the questionnaire may be answered).
  let answers = columns.filter((k) => k.role === 'answer' || k.role === 'choice');
  if (answers.length === 0) {
    // "Vendor response / comments" alone: the comment column is where the answer goes.
    const comment = columns.find((k) => k.role === 'comment' && k.col > q.col);
    if (comment) comment.role = 'answer';
    else {
      // An unnamed column right of the question, empty or with dropdowns: the answer column.
      for (let c = q.col + 1; c < q.col + 4; c++) {
        if (colHidden(grid, c) || texts.has(c)) continue;
        if (answerShape(grid, first, c) >= 0.8 && hasAnyCellOrValidation(grid, first, c)) {
          columns.push({ col: c, header: '', role: 'answer' });
          columns.sort((a, b) => a.col - b.col);
          break;
        }
      }
    }
    answers = columns.filter((k) => k.role === 'answer' || k.role === 'choice');
  }
  if (answers.length === 0) return undefined;
  score += share * 3 - long * 2;
  return { headerRow: r, headerDepth: depth, columns, score };
}

function hasAnyCellOrValidation(grid: Grid, from: number, c: number): boolean {
  for (let r = from; r < Math.min(grid.rows.length, from + 40); r++) {
    const row = grid.rows[r];
    if (row?.cells[c] || validationAt(grid, r, c)) return true;
  }
  return false;
}

/**
 * The header row in the first rows of the sheet, if any. The best-scoring candidate wins, except that an earlier
 * candidate nearly as good starts the walk instead: a sheet with two tables (Part A, Part B) has two headers, and
 * the rows walk picks up the second one when it meets it.
 */
export function findHeader(
  grid: Grid,
  from = 0,
  limit: number = SHEET_LIMITS.headerSearchRows,
): HeaderGuess | undefined {
  const guesses: HeaderGuess[] = [];
  const end = Math.min(grid.rows.length, from + limit);
  for (let r = from; r < end; r++) {
    if (rowHidden(grid, r)) continue;
    const guess = readHeader(grid, r);
    if (guess) guesses.push(guess);
  }
  if (!guesses.length) return undefined;
  const best = guesses.reduce((a, b) => (b.score > a.score + 0.01 ? b : a));
  return guesses.find((g) => g.headerRow < best.headerRow && g.score >= best.score * 0.6 && g.score >= 4) ?? best;
}
