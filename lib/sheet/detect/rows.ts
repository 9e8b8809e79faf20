// Walking the rows under a header: which rows are questions, which are section titles, sub-questions, repeated
// headers, notes and the footer; and for each question its answer, choice and comment cells and whether they may
// be written.
import {
  cellAt,
  colHidden,
  columnStyle,
  mergeAt,
  rowHidden,
  textAt,
  validationAt,
  type Grid,
  type Range,
} from '../grid';
import { readHeader, visibleTexts, type Column, type HeaderGuess } from './columns';
import { headerRole, normHeader } from './header-words';
import type { BlockReason, CellRef, MarkCell, SheetQuestion } from './questions';

/** Text a template puts in an empty answer cell: it is not an answer. */
const PLACEHOLDER =
  /^(select|please select|select one|select an? (option|answer|response)|choose|choose one|choose an item\.?|-+ ?(select|choose)[^-]*-+|\[?select\]?|click (here )?to (enter|select|choose).*|enter (your )?(text|response|answer) here\.?|type here|tbd|-|–|\.\.\.)$/i;

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text.trim());
}

const NOTE =
  /^(notes?|instructions?|please note|important|n\.?b\.?|end of (the )?(questionnaire|section|sheet)|thank you)\b\s*[:\-–.!]?/i;
const FOLLOW_UP = /^(if (yes|no|so|not|applicable|none|answered|you answered|the answer)|if "?(yes|no)"?)\b/i;
const LETTERED = /^\(?([a-z]|[ivx]{1,4})[).]\s+\S/i;

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** How questions and requests start; a title ("Third-Party Audits", "Cloud service") does not. */
const ASKS =
  /^(do|does|did|is|are|was|were|has|have|had|can|could|will|would|shall|should|may|must|describe|provide|list|explain|detail|state|specify|confirm|indicate|identify|outline|please|how|what|when|where|who|whom|whose|which|why|if)\b/i;

/** A short title line: a few words, no question mark, no sentence ending, not phrased as a question or request. */
function titleLike(text: string): boolean {
  const t = text.trim();
  return words(t) <= 6 && !/[?.:;]$/.test(t) && !ASKS.test(t);
}

/** "1", "A", "A.", "1.0", "IAM", "Section 2": an id that names a group rather than one question. */
const TOP_LEVEL_ID = /^([A-Z]{1,4}|\d{1,2}(\.0)?|[A-Z]{1,4}[-\s]?\d{1,2}|section \d+|part [a-z0-9]+)\.?$/i;

function isChildId(child: string, parent: string): boolean {
  if (!child || !parent || child === parent) return false;
  const p = parent.replace(/\.$/, '');
  return child.startsWith(p) && /^[.\-(\s]?[a-z0-9ivx]/i.test(child.slice(p.length)) && child.length > p.length;
}

interface Cols {
  question: Column;
  id?: Column;
  section?: Column;
  answer?: Column;
  marks: Column[];
  comment?: Column;
  guidance: Column[];
}

export function pickColumns(columns: readonly Column[]): Cols | undefined {
  const question = columns.find((k) => k.role === 'question');
  if (!question) return undefined;
  const ids = columns.filter((k) => k.role === 'id' && k.col !== question.col);
  const id =
    ids.find((k) => /\b(question|ques|q)\b/.test(normHeader(k.header))) ??
    [...ids].filter((k) => k.col < question.col).pop() ??
    ids[0];
  const marks = columns.filter((k) => k.role === 'choice' && k.mark);
  const answers = columns.filter((k) => (k.role === 'answer' || k.role === 'choice') && !k.mark);
  const answer = answers.find((k) => k.col > question.col) ?? answers[0];
  const comments = columns.filter((k) => k.role === 'comment');
  const ref = answer?.col ?? marks[0]?.col ?? question.col;
  const comment = comments.find((k) => k.col > ref) ?? comments[0];
  const section = columns.find((k) => k.role === 'section');
  return {
    question,
    marks,
    guidance: columns.filter((k) => k.role === 'guidance'),
    ...(id ? { id } : {}),
    ...(answer ? { answer } : {}),
    ...(comment ? { comment } : {}),
    ...(section ? { section } : {}),
  };
}

function styleOf(grid: Grid, r: number, c: number): number {
  return cellAt(grid, r, c)?.style ?? grid.rows[r]?.style ?? columnStyle(grid, c) ?? 0;
}

/** Why this cell may not be written, if anything stops it. */
export function blockOf(grid: Grid, r: number, c: number): BlockReason | undefined {
  if (cellAt(grid, r, c)?.formula) return 'formula';
  const m = mergeAt(grid, r, c);
  if (m && (m.r1 !== r || m.c1 !== c)) return 'merged';
  if (grid.protected && grid.lockedStyle(styleOf(grid, r, c))) return 'locked';
  return undefined;
}

function answerText(grid: Grid, r: number, c: number): string {
  const t = textAt(grid, r, c).trim();
  return isPlaceholder(t) ? '' : t;
}

/** The options most answer cells of this column offer (for a choice column where one cell lacks its list). */
function columnOptions(grid: Grid, c: number, from: number, to: number): string[] | undefined {
  const counts = new Map<string, { n: number; options: string[] }>();
  for (let r = from; r < to; r++) {
    const v = validationAt(grid, r, c);
    if (!v?.options) continue;
    const key = v.options.join('\u0001');
    const e = counts.get(key) ?? { n: 0, options: v.options };
    e.n++;
    counts.set(key, e);
  }
  let best: { n: number; options: string[] } | undefined;
  for (const e of counts.values()) if (!best || e.n > best.n) best = e;
  return best?.options;
}

function spans(m: Range | undefined, from: number, to: number): boolean {
  return !!m && m.c1 <= from && m.c2 >= to;
}

export interface WalkResult {
  questions: SheetQuestion[];
  /** Headers met further down (a second table on the same sheet). */
  headers: HeaderGuess[];
}

/** The questions under `header`, down to the end of the sheet (or a second header, which takes over). */
export function walkRows(grid: Grid, header: HeaderGuess, allowNewHeaders: boolean): WalkResult {
  const questions: SheetQuestion[] = [];
  const headers: HeaderGuess[] = [header];
  let cols = pickColumns(header.columns);
  if (!cols) return { questions, headers };
  let headerTexts = new Set(header.columns.map((k) => normHeader(k.header)));
  let section = '';
  let sectionFromColumn = '';
  let gap = 0;
  let rowsWithId = 0;
  let rowsSeen = 0;
  let withList = 0;
  let lastTop: SheetQuestion | undefined;
  const first = header.headerRow + header.headerDepth;
  const end = grid.rows.length;
  const fallbackOptions = new Map<number, string[] | undefined>();

  for (let r = first; r < end; r++) {
    if (rowHidden(grid, r)) continue;
    const texts = visibleTexts(grid, r);
    if (texts.length === 0) {
      gap++;
      continue;
    }
    const c = cols;
    // A header repeated (page breaks in the original) or a new table's header further down.
    const matches = texts.filter((t) => headerTexts.has(normHeader(t.text))).length;
    if (matches >= 2 && matches >= texts.length - 1) continue;
    // Header cells are labels: short, no sentence ending. A data row never passes, even when its words do.
    if (allowNewHeaders && texts.length >= 2 && texts.every((t) => words(t.text) <= 6 && !/[.?!]$/.test(t.text))) {
      const next = readHeader(grid, r);
      // Named by header words, not inferred from content: a question column and somewhere for the answer.
      const named = (roles: readonly string[]) =>
        next?.columns.some((k) => roles.includes(k.role) && (k.mark || (k.header && headerRole(k.header) === k.role)));
      if (next && next.score >= 4 && named(['question']) && named(['answer', 'choice', 'comment'])) {
        const picked = pickColumns(next.columns);
        if (picked) {
          headers.push(next);
          cols = picked;
          headerTexts = new Set(next.columns.map((k) => normHeader(k.header)));
          r = next.headerRow + next.headerDepth - 1;
          gap = 0;
          continue;
        }
      }
    }
    if (c.section) {
      const s = textAt(grid, r, c.section.col).trim();
      if (s) sectionFromColumn = s;
    }
    const qc = c.question.col;
    const ac = c.answer?.col ?? c.marks[0]?.col ?? qc + 1;
    const qMerge = mergeAt(grid, r, qc);
    const qText = textAt(grid, r, qc).trim();
    if (qMerge && (qMerge.r1 !== r || qMerge.c1 !== qc)) {
      // Part of a merged range: a section title merged across from the left, or the tail of a vertical merge.
      const head = textAt(grid, qMerge.r1, qMerge.c1).trim();
      if (qMerge.r1 === r && head && spans(qMerge, qMerge.c1, ac)) {
        section = head;
        sectionFromColumn = '';
        lastTop = undefined;
      }
      continue;
    }
    if (!qText) {
      // Text only left of the question column (a section title in column A), nothing to answer.
      const lead = texts[0]!;
      const leadMerge = mergeAt(grid, r, lead.c);
      if (
        lead.c < qc &&
        (texts.length === 1 || spans(leadMerge, lead.c, qc)) &&
        (!c.id || lead.c !== c.id.col || !/^\S+$/.test(lead.text))
      ) {
        section = lead.text;
        sectionFromColumn = '';
        lastTop = undefined;
      }
      continue;
    }
    const idText = c.id ? textAt(grid, r, c.id.col).trim() : '';
    const aMerge = mergeAt(grid, r, ac);
    const hasList = !!validationAt(grid, r, ac);
    const answered = answerText(grid, r, ac);
    if (spans(qMerge, qc, ac) || (aMerge && aMerge.r1 === r && aMerge.c1 <= qc && aMerge.c2 >= ac)) {
      section = qText;
      sectionFromColumn = '';
      lastTop = undefined;
      continue;
    }
    const short = words(qText) <= 10 && !qText.includes('?');
    const idsInUse = rowsSeen >= 3 && rowsWithId / rowsSeen >= 0.6;
    const listsInUse = rowsSeen >= 3 && withList / rowsSeen >= 0.6;
    if (short && !answered && !hasList) {
      const nextId = c.id ? nextIdBelow(grid, r, c.id.col, end) : '';
      if (
        (c.id && !idText && (idsInUse || (rowsSeen === 0 && nextId))) ||
        (idText && TOP_LEVEL_ID.test(idText) && isChildId(nextId, idText)) ||
        (listsInUse && !idText) ||
        (texts.length === 1 &&
          texts[0]!.c === qc &&
          !idText &&
          titleLike(qText) &&
          longerBelow(grid, r, qc, end, qText))
      ) {
        section = idText ? `${idText} ${qText}` : qText;
        sectionFromColumn = '';
        lastTop = undefined;
        continue;
      }
    }
    if (NOTE.test(qText) && !qText.includes('?')) continue;
    // After a gap, text without an id, a question mark or a dropdown is the sheet's footer (sign-off lines, notes).
    if (gap >= 2 && questions.length > 0 && !idText && !qText.includes('?') && !hasList && (idsInUse || listsInUse))
      break;
    gap = 0;
    rowsSeen++;
    if (idText) rowsWithId++;
    if (hasList) withList++;

    let parent: SheetQuestion | undefined;
    if (
      lastTop &&
      ((idText && lastTop.id && isChildId(idText, lastTop.id)) ||
        (!idText && (LETTERED.test(qText) || FOLLOW_UP.test(qText))))
    )
      parent = lastTop;

    const q = buildQuestion(grid, r, c, qText, idText, fallbackOptions, first, end);
    const sec = sectionFromColumn || section;
    if (sec) q.section = sec;
    if (parent) q.parent = parent.question;
    questions.push(q);
    if (!parent) lastTop = q;
  }
  return { questions, headers };
}

function nextIdBelow(grid: Grid, r: number, idCol: number, end: number): string {
  for (let k = r + 1; k < Math.min(end, r + 6); k++) {
    if (rowHidden(grid, k)) continue;
    const t = textAt(grid, k, idCol).trim();
    if (t) return t;
  }
  return '';
}

/** Is the next question-column text a question, a request or a longer line (so this short one titles it)? */
function longerBelow(grid: Grid, r: number, qc: number, end: number, text: string): boolean {
  for (let k = r + 1; k < Math.min(end, r + 4); k++) {
    if (rowHidden(grid, k)) continue;
    const t = textAt(grid, k, qc).trim();
    if (t) return t.includes('?') || ASKS.test(t) || words(t) >= Math.max(6, words(text) * 2);
  }
  return false;
}

function buildQuestion(
  grid: Grid,
  r: number,
  c: Cols,
  qText: string,
  idText: string,
  fallbackOptions: Map<number, string[] | undefined>,
  first: number,
  end: number,
): SheetQuestion {
  const questionCell: CellRef = { r, c: c.question.col };
  let answerCell: CellRef;
  let markCells: MarkCell[] | undefined;
  let kind: 'choice' | 'text' = 'text';
  let options: string[] | undefined;
  let existing: string;
  let blocked: BlockReason | undefined;
  if (c.answer) {
    answerCell = { r, c: c.answer.col };
    const v = validationAt(grid, r, c.answer.col);
    if (v?.options?.length) options = v.options;
    else if (c.answer.options) options = c.answer.options;
    else if (c.answer.role === 'choice') {
      if (!fallbackOptions.has(c.answer.col))
        fallbackOptions.set(c.answer.col, columnOptions(grid, c.answer.col, first, end));
      options = fallbackOptions.get(c.answer.col) ?? ['Yes', 'No', 'N/A'];
    }
    if (options) kind = 'choice';
    existing = answerText(grid, r, c.answer.col);
    blocked = blockOf(grid, r, c.answer.col);
  } else {
    markCells = c.marks.map((m) => ({ r, c: m.col, option: m.mark! }));
    answerCell = { r, c: c.marks[0]!.col };
    kind = 'choice';
    options = markCells.map((m) => m.option);
    const chosen = markCells.find((m) => answerText(grid, r, m.c));
    existing = chosen ? chosen.option : '';
    blocked = markCells.map((m) => blockOf(grid, r, m.c)).find(Boolean);
  }
  const helper = c.guidance
    .map((g) => textAt(grid, r, g.col).trim())
    .filter(Boolean)
    .join(' ');
  const q: SheetQuestion = {
    sheet: grid.name,
    sheetIndex: grid.index,
    row: r,
    question: qText,
    questionCell,
    answerCell,
    kind,
    existing,
    existingComment: '',
    ...(idText ? { id: idText } : {}),
    ...(helper ? { helper } : {}),
    ...(markCells ? { markCells } : {}),
    ...(options ? { options } : {}),
    ...(blocked ? { blocked } : {}),
  };
  if (c.comment && !colHidden(grid, c.comment.col)) {
    q.commentCell = { r, c: c.comment.col };
    q.existingComment = answerText(grid, r, c.comment.col);
    const cb = blockOf(grid, r, c.comment.col);
    if (cb) q.commentBlocked = cb;
  }
  return q;
}
