// The import defaults as command-line flags, shared by `library validate|convert` and `match --library`:
// --status --reuse --owner --review-by (applied only to rows without that column) and --dates for files whose
// slash dates do not say whether they are US or European. Values take the words the library page shows
// ("Under NDA", "Every 12 months") as well as the short forms (nda, 12 months).
import {
  parseReuseDefault,
  parseReviewDefault,
  parseStatusDefault,
  type DateOrder,
  type ImportDefaults,
  type ParsedLibraryFile,
} from '../library';

export const IMPORT_FLAGS_HELP = `  --status <s>            for rows without a Status column: approved, "approved by <name>" (optionally
                          "on <date>"), or draft (default: draft)
  --reuse <who>           for rows without a Reuse column: public, "Under NDA" (nda), internal or
                          customer:<name> (default: internal)
  --owner <name>          for rows without an Owner (default: unassigned)
  --review-by <when>      for rows without a review date: a date or a cycle ("every 12 months")
  --dates us|european     how the file writes dates like 03/04/2026 (needed only when its dates do not say)`;

export interface ImportFlags {
  defaults: ImportDefaults;
  dateOrder?: DateOrder;
}

const FLAGS = new Set(['--status', '--reuse', '--owner', '--review-by', '--dates']);

export function isImportFlag(a: string): boolean {
  return FLAGS.has(a);
}

/** Apply one flag and its value; returns an error message (cause and fix) for a value it cannot read. */
export function readImportFlag(
  flags: ImportFlags,
  name: string,
  value: string | undefined,
  today: string,
): string | undefined {
  if (value === undefined || value.startsWith('--')) return `${name} needs a value. Run with --help for examples.`;
  switch (name) {
    case '--status': {
      const p = parseStatusDefault(value, today);
      if (!p.ok) return p.error;
      flags.defaults.status = p.value;
      return undefined;
    }
    case '--reuse': {
      const p = parseReuseDefault(value);
      if (!p.ok) return p.error;
      flags.defaults.reuse = p.value;
      return undefined;
    }
    case '--owner':
      if (!value.trim()) return '--owner needs a name, e.g. --owner "Security team".';
      flags.defaults.owner = value.trim();
      return undefined;
    case '--review-by': {
      const p = parseReviewDefault(value);
      if (!p.ok) return p.error;
      flags.defaults.review = p.value;
      return undefined;
    }
    case '--dates': {
      const v = value.trim().toLowerCase();
      if (['us', 'mdy', 'm/d/y', 'month-first'].includes(v)) flags.dateOrder = 'mdy';
      else if (['european', 'eu', 'dmy', 'd/m/y', 'day-first', 'uk'].includes(v)) flags.dateOrder = 'dmy';
      else return `--dates "${value}" is not understood: use us (month/day/year) or european (day/month/year).`;
      return undefined;
    }
  }
  return `Unknown option ${name}.`;
}

/**
 * What the file leaves to the defaults and no flag chose: one note, so a file without Status or Reuse columns
 * is never silently imported as internal-only drafts that no customer questionnaire will ever be offered.
 */
export function defaultsNote(parsed: ParsedLibraryFile, flags: ImportFlags): string | undefined {
  if (parsed.format === 'json' || parsed.fatal || !parsed.accepted.entries.length) return undefined;
  const fields = new Set(parsed.fields);
  const unset: string[] = [];
  if (!fields.has('status') && !flags.defaults.status) unset.push('drafts (no Status column; --status approved)');
  if (!fields.has('reuse') && !flags.defaults.reuse)
    unset.push('for internal use only (no Reuse column; --reuse "Under NDA" or --reuse public)');
  if (!unset.length) return undefined;
  return `note: ${parsed.accepted.entries.length} row(s) will be ${unset.join(' and ')}, so none is suggested for a customer questionnaire. Pass the flags in brackets to choose for the whole file.`;
}
