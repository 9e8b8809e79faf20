// `crosswalk fill <questionnaire.xlsx|.xlsm|.csv|.tsv> [--library file] [--out answered.xlsx] [--report review.csv]
//   [--recipient who] [--only-confident] [--overwrite] [--json] [--today YYYY-MM-DD]`
// Detects the questions of a spreadsheet questionnaire, matches them with the extension's engine, decides each fill
// with the same rule, and (with --out) writes the answers into a copy: only the answer cells change. Without --out
// nothing is written.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLibraryFile } from '../library';
import { buildIndex, classifyControls, matchQuestion, type Audience } from '../match';
import type { PolicyContext } from '../policy';
import { buildReviewReport, FillRecord, reportFormatFor, todayIso } from '../review';
import {
  a1,
  decide,
  detectBook,
  extensionOf,
  openBook,
  SheetError,
  sheetFillRecords,
  sheetMessages,
  toQuestionInput,
  writeBook,
  writesFor,
  type SheetAnswer,
} from '../sheet';

const DEFAULT_LIBRARY = fileURLToPath(new URL('../../data/demo-library.json', import.meta.url));

export const HELP = `Usage: crosswalk fill <questionnaire.xlsx|.xlsm|.csv|.tsv> [options]

Finds the questions of a spreadsheet questionnaire (every sheet: header row, question column, answer,
choice and comment columns, dropdown lists), suggests answers from a library, and with --out writes the
confident ones into a copy of the file. Only answer cells change; formulas, styles, dropdowns, hidden and
protected sheets are kept. Without --out nothing is written.

Options:
  --library <file>     library to answer from (JSON, CSV, XLSX); default data/demo-library.json
  --out <file>         write the answered copy here (same format as the questionnaire; .xlsm stays .xlsm)
  --report <file>      with --out: write the review report of every fill (.csv or .html)
  --recipient <who>    public | nda | internal | customer:<name> (default nda)
  --no-nda             no NDA is in place with the recipient (NDA-level answers are then held back)
  --only-confident     fill only answers the fill policy passes without even a note (e.g. "do not attach
                       the evidence"); the default fills every answer the policy passes for a bulk fill
  --overwrite          also replace answers already in the workbook (never formulas or locked cells)
  --json               print one object per question, in sheet and row order, instead of the summary
  --today <date>       YYYY-MM-DD used for review and expiry dates (default today)
  -h, --help           show this help

Prints: sheets N, questions Q, filled F, suggested S, abstained A`;

interface Args {
  file?: string;
  library: string;
  out?: string;
  report?: string;
  recipient: Audience;
  noNda: boolean;
  onlyConfident: boolean;
  overwrite: boolean;
  json: boolean;
  today?: string;
}

type Parsed = { ok: true; args: Args } | { ok: false; error: string } | { ok: 'help' };

function parseArgs(argv: string[]): Parsed {
  const args: Args = {
    library: DEFAULT_LIBRARY,
    recipient: { recipient: '', nda: true },
    noNda: false,
    onlyConfident: false,
    overwrite: false,
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (what: string): string | { error: string } => {
      const v = argv[++i];
      return v && !v.startsWith('--') ? v : { error: `${a} needs ${what}.` };
    };
    if (a === '-h' || a === '--help') return { ok: 'help' };
    else if (a === '--json') args.json = true;
    else if (a === '--only-confident') args.onlyConfident = true;
    else if (a === '--no-nda') args.noNda = true;
    else if (a === '--overwrite') args.overwrite = true;
    else if (a === '--library' || a === '--out' || a === '--report' || a === '--recipient' || a === '--today') {
      const v = value(
        a === '--recipient' ? 'public, nda, internal or customer:<name>' : a === '--today' ? 'a date' : 'a file name',
      );
      if (typeof v !== 'string') return { ok: false, error: v.error };
      if (a === '--library') args.library = v;
      else if (a === '--out') args.out = v;
      else if (a === '--report') args.report = v;
      else if (a === '--today') {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return { ok: false, error: `--today "${v}" is not a date: use YYYY-MM-DD` };
        args.today = v;
      } else if (v === 'public') args.recipient = { recipient: '', nda: false };
      else if (v === 'nda') args.recipient = { recipient: '', nda: true };
      else if (v === 'internal') args.recipient = { recipient: '', nda: true, internal: true };
      else if (v.startsWith('customer:') && v.length > 9) args.recipient = { recipient: v.slice(9), nda: true };
      else
        return {
          ok: false,
          error: `--recipient "${v}" is not understood: use public, nda, internal or customer:<name>`,
        };
    } else if (a.startsWith('-'))
      return { ok: false, error: `Unknown option ${a}. Run \`crosswalk fill --help\` for the options.` };
    else if (args.file === undefined) args.file = a;
    else return { ok: false, error: `Give one questionnaire file (got "${args.file}" and "${a}").` };
  }
  if (!args.file)
    return { ok: false, error: 'Give a questionnaire file: crosswalk fill questionnaire.xlsx --out answered.xlsx' };
  if (args.report && !args.out)
    return { ok: false, error: '--report lists the fills written to the answered copy: add --out <file> as well.' };
  return { ok: true, args };
}

export function toJson(a: SheetAnswer): unknown {
  const q = a.question;
  return {
    sheet: q.sheet,
    row: q.row + 1,
    id: q.id ?? null,
    question: q.question,
    section: q.section ?? null,
    questionCell: a1(q.questionCell.r, q.questionCell.c),
    answerCell: a1(q.answerCell.r, q.answerCell.c),
    commentCell: q.commentCell ? a1(q.commentCell.r, q.commentCell.c) : null,
    kind: q.kind,
    options: q.options ?? null,
    existing: q.existing || null,
    filled: a.outcome === 'filled',
    outcome: a.outcome,
    value: a.value ?? null,
    comment: a.comment ?? null,
    entryId: a.suggestion?.entryId ?? null,
    version: a.suggestion?.version ?? null,
    confidence: a.suggestion ? Number(a.suggestion.confidence.toFixed(3)) : null,
    reasons: a.reasons,
  };
}

export function run(argv: string[]): Promise<number> {
  return Promise.resolve(runSync(argv));
}

function runSync(argv: string[]): number {
  const parsed = parseArgs(argv);
  if (parsed.ok === 'help') {
    console.log(HELP);
    return 0;
  }
  if (!parsed.ok) {
    console.error(parsed.error);
    return 2;
  }
  const { args } = parsed;
  const file = args.file!;
  if (!existsSync(file)) {
    console.error(`Questionnaire file "${file}" does not exist. Check the path.`);
    return 2;
  }
  if (!existsSync(args.library)) {
    console.error(
      `Library file "${args.library}" does not exist. Pass --library <file> with a JSON, CSV or XLSX library.`,
    );
    return 2;
  }
  try {
    const book = openBook(basename(file), new Uint8Array(readFileSync(file)));
    if (args.out) {
      const outExt = extensionOf(args.out);
      const inExt = extensionOf(file);
      if (book.format === 'xlsx' && book.macroEnabled && outExt !== 'xlsm')
        throw new SheetError('macro-extension', sheetMessages.macroExtension(args.out));
      if (
        book.format === 'csv'
          ? !['csv', 'tsv', 'txt'].includes(outExt)
          : !['xlsx', 'xlsm', 'xltx', 'xltm'].includes(outExt)
      )
        throw new SheetError(
          'unsupported-format',
          `The answered copy keeps the questionnaire's format (.${inExt}): name --out "${args.out}" with the same extension.`,
        );
      if (resolve(args.out) === resolve(file))
        throw new SheetError(
          'unsupported-format',
          `--out "${args.out}" is the questionnaire itself: write the answered copy to a new file so the original is kept.`,
        );
    }
    const lib = parseLibraryFile(basename(args.library), new Uint8Array(readFileSync(args.library)));
    if (lib.fatal) {
      console.error(`Cannot use library "${args.library}": ${lib.fatal}`);
      return 1;
    }
    const layouts = detectBook(book.sheets);
    const questions = layouts.flatMap((l) => l.questions);
    const index = buildIndex(lib.accepted.entries, lib.accepted.evidence);
    const today = args.today ?? todayIso();
    const audience: Audience = { ...args.recipient, ...(args.noNda ? { nda: false } : {}) };
    const context: PolicyContext = {
      recipient: audience.recipient,
      nda: audience.nda,
      scope: { services: [], environments: [], regions: [], dataTypes: [] },
      name: basename(file),
    };
    const entries = new Map(lib.accepted.entries.map((e) => [e.id, e]));
    const reuse = (s: { entryId: string }) => {
      const entry = entries.get(s.entryId);
      return entry ? { entry, evidence: lib.accepted.evidence, otherEntries: lib.accepted.entries } : undefined;
    };
    const answers = questions.map((q) => {
      const input = toQuestionInput(q);
      const controls = classifyControls(input);
      const result = matchQuestion(index, input, { recipient: audience, today, controls });
      return decide(
        q,
        result,
        { context, reuse, today },
        { onlyConfident: args.onlyConfident, overwrite: args.overwrite },
      );
    });
    const count = (o: SheetAnswer['outcome']) => answers.filter((a) => a.outcome === o).length;
    const sheets = layouts.filter((l) => l.questions.length > 0).length;
    if (questions.length === 0) throw new SheetError('no-questions', sheetMessages.noQuestions(basename(file)));
    if (args.out) {
      const bytes = writeBook(book, writesFor(answers));
      writeFileSync(args.out, bytes);
      console.error(`Wrote ${args.out}: ${count('filled')} question(s) answered; every other cell unchanged.`);
    }
    if (args.report) {
      const at = new Date().toISOString();
      const records = answers
        .map((a, position) => ({ a, position }))
        .filter(({ a }) => a.outcome === 'filled' && a.value !== undefined)
        .flatMap(({ a, position }) =>
          sheetFillRecords({
            ctx: {
              fileName: basename(file),
              declared: { name: basename(file), recipient: context.recipient, nda: context.nda, scope: context.scope },
            },
            trigger: 'sheet',
            position,
            question: a.question,
            ...(a.suggestion ? { suggestion: a.suggestion } : {}),
            value: a.value!,
            ...(a.comment ? { comment: a.comment } : {}),
            flags: a.flags,
            ...(a.result ? { questionControls: a.result.controls } : {}),
          }),
        )
        .map((r) => FillRecord.parse({ ...r, at }));
      writeFileSync(
        args.report,
        buildReviewReport(records, { format: reportFormatFor(args.report), title: `Review: ${basename(file)}` }),
      );
      console.error(`Wrote ${args.report}: ${records.length} fill record(s) for review.`);
    }
    for (const l of layouts) for (const n of l.notes) if (l.status === 'questions') console.error(`${l.sheet}: ${n}`);
    if (lib.rejected.length > 0)
      console.error(
        `Note: ${lib.rejected.length} library row(s) were rejected; run \`crosswalk library validate\` on the file for details.`,
      );
    if (args.json) console.log(JSON.stringify(answers.map(toJson), null, 2));
    else
      console.log(
        `sheets ${sheets}, questions ${questions.length}, filled ${count('filled')}, suggested ${count('suggested')}, abstained ${count('abstained')}`,
      );
    return 0;
  } catch (e) {
    if (e instanceof SheetError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}
