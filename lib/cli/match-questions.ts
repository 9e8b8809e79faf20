// Reads the questions for `crosswalk match <file>`: CSV/TSV (column "question", else the first column;
// "id" when present), XLSX (first sheet, same rule), JSON (array of strings or {id, question}), JSONL.
import { parseCsvTable, readWorkbook } from '../library';
import type { QuestionInput } from '../match';

export type QuestionsResult = { ok: true; questions: QuestionInput[] } | { ok: false; error: string };

function fromTable(table: string[][], fileName: string): QuestionsResult {
  const [header, ...rows] = table;
  if (!header) return { ok: false, error: `${fileName} is empty. Put one question per row, with a "question" header.` };
  const lower = header.map((h) => h.trim().toLowerCase());
  let col = lower.indexOf('question');
  const idCol = lower.indexOf('id');
  // Without a "question" header the first column holds questions, and the first row is one of them.
  const body = col === -1 ? table : rows;
  if (col === -1) col = 0;
  const questions = body
    .map((r, i) => ({
      id: idCol >= 0 && col !== idCol ? r[idCol]?.trim() || `row-${i + 2}` : `q${i + 1}`,
      question: (r[col] ?? '').trim(),
    }))
    .filter((q) => q.question.length > 0);
  if (questions.length === 0)
    return {
      ok: false,
      error: `${fileName} has no questions in column "${header[col] ?? col + 1}". Name the column "question" or put questions in the first column.`,
    };
  return { ok: true, questions };
}

function fromJsonValue(value: unknown, where: string): QuestionsResult {
  if (!Array.isArray(value))
    return { ok: false, error: `${where} must be an array of questions (strings or {"id", "question"} objects).` };
  const questions: QuestionInput[] = [];
  for (const [i, item] of value.entries()) {
    if (typeof item === 'string' && item.trim()) questions.push({ id: `q${i + 1}`, question: item.trim() });
    else if (
      item &&
      typeof item === 'object' &&
      typeof (item as { question?: unknown }).question === 'string' &&
      (item as { question: string }).question.trim()
    ) {
      const o = item as { id?: unknown; question: string; section?: unknown; options?: unknown };
      questions.push({
        id: typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : `q${i + 1}`,
        question: o.question.trim(),
        ...(typeof o.section === 'string' ? { section: o.section } : {}),
        ...(Array.isArray(o.options) && o.options.every((x) => typeof x === 'string')
          ? { options: o.options, kind: 'radio' as const }
          : {}),
      });
    } else
      return {
        ok: false,
        error: `${where} item ${i + 1} is not a question: use a non-empty string or {"id": "...", "question": "..."}.`,
      };
  }
  return { ok: true, questions };
}

export function readQuestions(fileName: string, bytes: Uint8Array): QuestionsResult {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'xlsx' || ext === 'xlsm') {
    const wb = readWorkbook(bytes);
    if (!wb.ok) return { ok: false, error: wb.error };
    const sheet = wb.sheets[0];
    return sheet
      ? fromTable(sheet.table, fileName)
      : { ok: false, error: `${fileName} has no sheets. Save the questions on the first sheet.` };
  }
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  if (ext === 'json') {
    try {
      return fromJsonValue(JSON.parse(text), fileName);
    } catch (e) {
      return {
        ok: false,
        error: `${fileName} is not valid JSON (${(e as Error).message}). Fix the syntax or save the questions as CSV.`,
      };
    }
  }
  if (ext === 'jsonl' || ext === 'ndjson') {
    const lines = text.split(/\r?\n/).filter((l) => l.trim());
    const values: unknown[] = [];
    for (const [i, line] of lines.entries()) {
      try {
        values.push(JSON.parse(line));
      } catch {
        return {
          ok: false,
          error: `${fileName} line ${i + 1} is not valid JSON. Put one question (a string or {"id","question"}) per line.`,
        };
      }
    }
    return fromJsonValue(values, fileName);
  }
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt')
    return fromTable(parseCsvTable(text, ext === 'tsv' ? '\t' : undefined).table, fileName);
  return { ok: false, error: `Cannot read questions from "${fileName}": use .csv, .tsv, .xlsx, .json or .jsonl.` };
}
