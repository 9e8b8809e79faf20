// `crosswalk match "<question>" | <file> [--library <file>] [--json] [--recipient <who>] [--today YYYY-MM-DD]`
// Maps each question to controls and suggests library answers with citations. --json prints one object
// per question, in input order; otherwise a short human summary.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FRAMEWORK_LABEL, FRAMEWORKS } from '../controls';
import { parseLibraryFile } from '../library';
import { buildIndex, matchQuestion, type Audience, type MatchResult, type QuestionInput } from '../match';
import { defaultsNote, IMPORT_FLAGS_HELP, isImportFlag, readImportFlag, type ImportFlags } from './import-flags';
import { readQuestions } from './match-questions';

const DEFAULT_LIBRARY = fileURLToPath(new URL('../../data/demo-library.json', import.meta.url));

export const HELP = `Usage: crosswalk match "<question>" | <questions file> [options]

Maps questions to ISO/IEC 27001 (2022, 2013) and SOC 2 controls and suggests answers from a library.
Questions file: CSV/TSV or XLSX (column "question", else the first column; optional "id"),
JSON (array of strings or {"id","question"}), or JSONL.

Options:
  --library <file>     library to answer from (JSON, CSV, XLSX); default data/demo-library.json
  --json               machine-readable output: one object per question, in input order
  --recipient <who>    public | nda | internal | customer:<name> (default nda)
  --no-nda             no NDA is in place with the recipient (NDA-level answers are then flagged)
  --today <date>       YYYY-MM-DD used for review and expiry dates (default today)
  -h, --help           show this help
A CSV/XLSX --library without Status, Reuse, Owner or review-date columns takes these, as the library page's
import does (otherwise its rows are internal-only drafts):
${IMPORT_FLAGS_HELP}`;

interface Args {
  target?: string;
  library: string;
  libraryFlags: ImportFlags;
  json: boolean;
  recipient?: Audience;
  noNda?: boolean;
  today?: string;
}

function parseArgs(argv: string[]): { ok: true; args: Args } | { ok: false; error: string } | { ok: 'help' } {
  const args: Args = { library: DEFAULT_LIBRARY, libraryFlags: { defaults: {} }, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string | undefined => argv[++i];
    if (a === '-h' || a === '--help') return { ok: 'help' };
    else if (a === '--json') args.json = true;
    else if (isImportFlag(a)) {
      const problem = readImportFlag(args.libraryFlags, a, value(), new Date().toISOString().slice(0, 10));
      if (problem) return { ok: false, error: problem };
    } else if (a === '--library') {
      const v = value();
      if (!v) return { ok: false, error: '--library needs a file name, e.g. --library answers.csv' };
      args.library = v;
    } else if (a === '--recipient') {
      const v = value() ?? '';
      // A named customer is taken to be under NDA, the usual case for a questionnaire (--no-nda says otherwise).
      if (v === 'public') args.recipient = { recipient: '', nda: false };
      else if (v === 'nda') args.recipient = { recipient: '', nda: true };
      else if (v === 'internal') args.recipient = { recipient: '', nda: true, internal: true };
      else if (v.startsWith('customer:') && v.length > 9) args.recipient = { recipient: v.slice(9), nda: true };
      else
        return {
          ok: false,
          error: `--recipient "${v}" is not understood: use public, nda, internal or customer:<name>`,
        };
    } else if (a === '--no-nda') {
      args.noNda = true;
    } else if (a === '--today') {
      const v = value() ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return { ok: false, error: `--today "${v}" is not a date: use YYYY-MM-DD` };
      args.today = v;
    } else if (a.startsWith('-'))
      return { ok: false, error: `Unknown option ${a}. Run \`crosswalk match --help\` for the options.` };
    else if (args.target === undefined) args.target = a;
    else
      return {
        ok: false,
        error: `Give one question or one file (got "${args.target}" and "${a}"). Quote a question that has spaces.`,
      };
  }
  if (args.target === undefined)
    return {
      ok: false,
      error: 'Give a question in quotes or a questions file. Run `crosswalk match --help` for examples.',
    };
  return { ok: true, args };
}

/** What --json prints per question. */
export function toJson(r: MatchResult): unknown {
  return {
    id: r.id,
    question: r.question,
    controls: r.controls.map((c) => ({ framework: c.framework, id: c.id, title: c.title, score: c.score, why: c.why })),
    suggestions: r.suggestions.map((s) => ({
      entryId: s.entryId,
      version: s.version,
      /** The library question the answer was written for, so a script can check the pairing. */
      matchedQuestion: s.matchedQuestion,
      answer: s.answer,
      shortAnswer: s.shortAnswer,
      option: s.option,
      confidence: s.confidence,
      /** confident (auto-fill) / suggest (review) / weak (no good match: related only). */
      verdict: s.verdict,
      autoFill: s.autoFill,
      /** Why it is not auto-filled, and what to check: {code, message}. */
      warnings: s.warnings,
      citations: s.citations,
    })),
    reasons: r.reasons,
  };
}

function human(r: MatchResult): string {
  const lines = [`${r.id ? `[${r.id}] ` : ''}${r.question}`];
  for (const f of FRAMEWORKS) {
    const cs = r.controls.filter((c) => c.framework === f).slice(0, 3);
    if (cs.length)
      lines.push(`  ${FRAMEWORK_LABEL[f]}: ${cs.map((c) => `${c.id} ${c.title} (${c.score.toFixed(2)})`).join('; ')}`);
    // Why the first control: the words, library entries, section or counterpart that led to it.
    if (cs[0]?.why.length) lines.push(`    because: ${cs[0].why.join('; ')}`);
  }
  const s = r.suggestions[0];
  if (s) {
    const how =
      s.verdict === 'confident'
        ? 'auto-fill'
        : s.verdict === 'weak'
          ? 'no good match, related only'
          : 'suggestion only';
    lines.push(
      `  Answer (${s.entryId} v${s.version}, confidence ${s.confidence.toFixed(2)}, ${how}): ${s.answer.replace(/\s+/g, ' ').slice(0, 240)}`,
    );
    lines.push(`  Matched: "${s.matchedQuestion}"`);
    for (const w of s.warnings) lines.push(`  ! ${w.message}`);
    const ev = s.citations.evidence.map((e) => `${e.title}${e.section ? ` ${e.section}` : ''}`);
    if (ev.length) lines.push(`  Evidence: ${ev.join('; ')}`);
  }
  for (const reason of r.reasons) lines.push(`  - ${reason.code}: ${reason.message}`);
  return lines.join('\n');
}

export function run(argv: string[]): number {
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
  if (!existsSync(args.library)) {
    console.error(
      `Library file "${args.library}" does not exist. Pass --library <file> with a JSON, CSV or XLSX library.`,
    );
    return 2;
  }
  const { defaults, dateOrder } = args.libraryFlags;
  const lib = parseLibraryFile(basename(args.library), new Uint8Array(readFileSync(args.library)), {
    defaults,
    ...(dateOrder ? { dateOrder } : {}),
  });
  if (lib.fatal) {
    console.error(`Cannot use library "${args.library}": ${lib.fatal}`);
    return 1;
  }
  const note = defaultsNote(lib, args.libraryFlags);
  if (note) console.error(`Library "${basename(args.library)}": ${note}`);
  let questions: QuestionInput[];
  if (existsSync(args.target!) && /\.(csv|tsv|txt|xlsx|xlsm|json|jsonl|ndjson)$/i.test(args.target!)) {
    const read = readQuestions(basename(args.target!), new Uint8Array(readFileSync(args.target!)));
    if (!read.ok) {
      console.error(read.error);
      return 1;
    }
    questions = read.questions;
  } else {
    questions = [{ id: 'q1', question: args.target! }];
  }
  const index = buildIndex(lib.accepted.entries, lib.accepted.evidence);
  const opts = {
    ...(args.recipient || args.noNda
      ? { recipient: { ...(args.recipient ?? { recipient: '', nda: true }), ...(args.noNda ? { nda: false } : {}) } }
      : {}),
    ...(args.today ? { today: args.today } : {}),
  };
  // matchQuestion classifies each question itself, so the library's entries can vote for their controls.
  const results = questions.map((q) => matchQuestion(index, q, opts));
  if (args.json) console.log(JSON.stringify(results.map(toJson), null, 2));
  else console.log(results.map(human).join('\n\n'));
  if (lib.rejected.length > 0)
    console.error(
      `Note: ${lib.rejected.length} library row(s) were rejected; run \`crosswalk library\` on the file for details.`,
    );
  return 0;
}
