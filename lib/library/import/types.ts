// Shapes shared by the pure parsers (parse-file.ts) and the database import (apply.ts).
import type { AnswerEntry, EvidenceItem } from '../schema';
import type { ColumnMapping, ResolvedMapping } from './columns';
import type { DateOrder } from './dates';
import type { TextEncoding } from './decode';
import type { ImportDefaults } from './defaults';
import type { FileField } from './fields';

export type FileFormat = 'json' | 'csv' | 'xlsx';

/** One problem, located like a spreadsheet user would look for it. Row 0 = the file as a whole. */
export interface RowIssue {
  row: number;
  /** Header text as written in the file (JSON: the field path, e.g. "entries[3].owner"). */
  column: string;
  reason: string;
  sheet?: string;
}

export interface MergeProposal {
  /** The incoming entry, held back (not written) until someone decides. */
  incoming: AnswerEntry;
  /** File row of the incoming entry (0 when the format has no rows). */
  row: number;
  /** The entry it nearly duplicates: already in the library, or an earlier row of the same file. */
  target: { id: string; question: string; in: 'library' | 'file'; row?: number };
  /** Normalized-token Jaccard similarity, 0..1. */
  similarity: number;
}

export interface ParseOptions {
  /** Override auto-detected columns: column kind → header text or 0-based column index. */
  mapping?: ColumnMapping;
  encoding?: TextEncoding;
  /** What rows get for status, approval, reuse, owner and review date when the file leaves them out (defaults.ts). */
  defaults?: ImportDefaults;
  /** How the file writes slash dates; needed only when its dates do not settle it (see ParsedLibraryFile.dates). */
  dateOrder?: DateOrder;
  /** Clock for createdAt/updatedAt (tests). */
  now?: string;
}

export interface DateInfo {
  order?: DateOrder;
  /** True when the order came from the file's unambiguous dates rather than the user. */
  inferred?: boolean;
  /** Some dates are ambiguous and nothing settles them: the user must choose (rows with them are rejected). */
  ask: boolean;
  /** A few of the ambiguous dates, to show in the question. */
  examples: string[];
}

export interface ParsedLibraryFile {
  fileName: string;
  format: FileFormat;
  accepted: { entries: AnswerEntry[]; evidence: EvidenceItem[] };
  /** File row of each accepted entry (parallel to accepted.entries; 0 for JSON). */
  acceptedRows: number[];
  /** Per accepted entry: bits of the fields its row left to the defaults (fields.ts; 0 for JSON). */
  acceptedDefaulted: number[];
  /** The entry fields the file speaks for: a re-import updates only these (every field for JSON). */
  fields: FileField[];
  /** Slash dates: the order used, whether the file's own dates settled it, and whether the user must choose. */
  dates: DateInfo;
  rejected: RowIssue[];
  warnings: RowIssue[];
  /** Near-duplicates within the file (the library is checked at import time). */
  mergeProposals: MergeProposal[];
  /** Data rows (or JSON records) read, accepted or not. */
  rowsRead: number;
  /** Whole-file refusal (too large, unreadable, missing columns); also listed in `rejected` as row 0. */
  fatal?: string;
  mapping?: ResolvedMapping;
}
