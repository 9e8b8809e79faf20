// `crosswalk library validate <file>` and `crosswalk library convert <in> <out>`: the pure parsers and
// serializers of lib/library, from the command line (no IndexedDB involved).
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  COLUMN_KINDS,
  COLUMN_LABELS,
  formatOf,
  parseLibraryFile,
  serializeLibrary,
  type ColumnMapping,
  type ParsedLibraryFile,
  type ParseOptions,
  type RowIssue,
  type TextEncoding,
} from '../library';
import { defaultsNote, IMPORT_FLAGS_HELP, isImportFlag, readImportFlag, type ImportFlags } from './import-flags';
import { errorMessage } from '../errors';

const USAGE = `Usage:
  crosswalk library validate <file> [options]     check a .json/.csv/.tsv/.xlsx file; exit 1 if any row is rejected
  crosswalk library convert <in> <out> [options]  convert between JSON, CSV and XLSX (chosen by extension)
Options:
  --map <kind>=<header>   use this column for <kind>; --map <kind>= (empty) ignores the kind entirely
                          kinds: ${COLUMN_KINDS.join(', ')}
  --encoding <name>       utf-8, utf-16le, utf-16be or windows-1252 (default: detect)
${IMPORT_FLAGS_HELP}
  --valid-rows            convert: write the valid rows even when some are rejected`;

const ENCODINGS: readonly TextEncoding[] = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];

interface Parsed {
  positional: string[];
  options: ParseOptions;
  flags: ImportFlags;
  validRows: boolean;
}

function parseArgs(args: string[]): Parsed | string {
  const positional: string[] = [];
  const mapping: ColumnMapping = {};
  const flags: ImportFlags = { defaults: {} };
  const options: ParseOptions = { mapping, defaults: flags.defaults };
  const today = new Date().toISOString().slice(0, 10);
  let validRows = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = () => args[++i] ?? '';
    if (a === '--valid-rows') validRows = true;
    else if (a === '--map') {
      const [kind, ...rest] = next().split('=');
      if (!COLUMN_KINDS.includes(kind as never) || !rest.length)
        return `--map expects <kind>=<header> with kind one of ${COLUMN_KINDS.join(', ')}.`;
      const header = rest.join('=');
      mapping[kind as (typeof COLUMN_KINDS)[number]] = header === '' ? null : header;
    } else if (a === '--encoding') {
      const enc = next() as TextEncoding;
      if (!ENCODINGS.includes(enc)) return `--encoding must be one of ${ENCODINGS.join(', ')}.`;
      options.encoding = enc;
    } else if (isImportFlag(a)) {
      const problem = readImportFlag(flags, a, args[++i], today);
      if (problem) return problem;
    } else if (a.startsWith('--')) return `Unknown option ${a}.`;
    else positional.push(a);
  }
  if (flags.dateOrder) options.dateOrder = flags.dateOrder;
  return { positional, options, flags, validRows };
}

function where(file: string, p: RowIssue): string {
  const sheet = p.sheet ? `sheet "${p.sheet}", ` : '';
  return p.row === 0 ? `${file}: ` : `${file}: ${sheet}row ${p.row}, column "${p.column}": `;
}

function read(file: string, options: ParseOptions): ParsedLibraryFile | string {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    return `Cannot read ${file}: ${errorMessage(e)}. Check the path.`;
  }
  return parseLibraryFile(basename(file), bytes, options);
}

function report(file: string, parsed: ParsedLibraryFile, flags: ImportFlags): void {
  const cols = parsed.mapping?.columns ?? {};
  const mapped = COLUMN_KINDS.filter((k) => cols[k] !== undefined).map(
    (k) => `${COLUMN_LABELS[k]} ← "${parsed.mapping!.headers[cols[k]!] ?? ''}"`,
  );
  if (mapped.length) console.log(`${file}: columns: ${mapped.join('; ')}`);
  if (parsed.dates.order && parsed.dates.inferred)
    console.log(
      `${file}: dates read as ${parsed.dates.order === 'mdy' ? 'US month/day/year' : 'European day/month/year'} (the file's own dates say so).`,
    );
  for (const p of parsed.rejected) console.log(`${where(file, p)}error: ${p.reason}`);
  for (const p of parsed.warnings) console.log(`${where(file, p)}warning: ${p.reason}`);
  for (const m of parsed.mergeProposals) {
    console.log(
      `${file}: row ${m.row}: note: near-duplicate of row ${m.target.row} ("${m.target.question}", similarity ${m.similarity.toFixed(2)}); importing proposes a merge.`,
    );
  }
  const note = defaultsNote(parsed, flags);
  if (note) console.log(`${file}: ${note}`);
}

function summary(parsed: ParsedLibraryFile): string {
  const rejectedRows = new Set(parsed.rejected.filter((r) => r.row > 0).map((r) => `${r.sheet ?? ''}#${r.row}`)).size;
  const accepted = parsed.accepted.entries.length + parsed.accepted.evidence.length;
  return `${parsed.rowsRead} row(s) read: ${accepted} accepted, ${rejectedRows} rejected, ${parsed.mergeProposals.length} near-duplicate(s), ${parsed.warnings.length} warning(s)${parsed.fatal ? ' — file refused' : ''}.`;
}

function validate(p: Parsed): number {
  const [file] = p.positional;
  if (!file || p.positional.length !== 1) return usage('validate takes exactly one file.');
  const parsed = read(file, p.options);
  if (typeof parsed === 'string') return fail(parsed);
  report(file, parsed, p.flags);
  console.log(summary(parsed));
  return parsed.rejected.length ? 1 : 0;
}

function convert(p: Parsed): number {
  const [input, output] = p.positional;
  if (!input || !output || p.positional.length !== 2) return usage('convert takes an input and an output file.');
  const outFormat = formatOf(output);
  if (!outFormat) return usage(`Cannot tell the output format from "${output}": use a .json, .csv or .xlsx name.`);
  const parsed = read(input, p.options);
  if (typeof parsed === 'string') return fail(parsed);
  report(input, parsed, p.flags);
  if (parsed.fatal || (parsed.rejected.length && !p.validRows)) {
    console.log(
      `${summary(parsed)} Nothing written to ${output}: fix the rows above, or pass --valid-rows to convert only the valid ones.`,
    );
    return 1;
  }
  // Converting is a format change, not an import: near-duplicates are kept (in file order).
  const held = parsed.mergeProposals.map((m) => ({ row: m.row, entry: m.incoming }));
  const entries = [...parsed.accepted.entries.map((entry, i) => ({ row: parsed.acceptedRows[i] ?? 0, entry })), ...held]
    .sort((a, b) => a.row - b.row)
    .map((x) => x.entry);
  writeFileSync(output, serializeLibrary({ entries, evidence: parsed.accepted.evidence }, outFormat));
  if (outFormat === 'csv' && parsed.accepted.evidence.length) {
    console.log(
      `warning: CSV holds answer entries only; ${parsed.accepted.evidence.length} evidence item(s) were not written. Use .json or .xlsx to keep them.`,
    );
  }
  console.log(
    `${summary(parsed)} Wrote ${output}: ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}, ${outFormat === 'csv' ? 0 : parsed.accepted.evidence.length} evidence item(s).`,
  );
  return parsed.rejected.length ? 1 : 0;
}

function usage(problem: string): number {
  console.error(`${problem}\n${USAGE}`);
  return 2;
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

export function run(args: string[]): number {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h') return usage(sub ? 'crosswalk library' : 'Missing subcommand.');
  const parsed = parseArgs(rest);
  if (typeof parsed === 'string') return usage(parsed);
  if (sub === 'validate') return validate(parsed);
  if (sub === 'convert') return convert(parsed);
  return usage(`Unknown subcommand "${sub}".`);
}
