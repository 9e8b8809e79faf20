// What detection hands matching and the writers: one question per row, with its cells in A1 notation-ready form.
import type { ColumnRole } from './header-words';

export interface CellRef {
  r: number;
  c: number;
}

export type BlockReason = 'formula' | 'locked' | 'merged';

export interface MarkCell extends CellRef {
  option: string;
}

export interface SheetQuestion {
  sheet: string;
  sheetIndex: number;
  /** 0-based row. */
  row: number;
  /** The questionnaire's own id for the question ("IAM-02", "3.1.4"), when it has an id column. */
  id?: string;
  question: string;
  section?: string;
  /** The parent question's text, for a sub-question ("a) ...", "If yes, ..."). */
  parent?: string;
  /** Guidance the questionnaire gives with the question. */
  helper?: string;
  questionCell: CellRef;
  /** Where the answer goes (for mark columns: the first of them until an option is chosen). */
  answerCell: CellRef;
  /** Mark columns ("Yes" | "No" | "N/A"): an X goes under the chosen option. */
  markCells?: MarkCell[];
  /** The paired comment / explanation cell, when the sheet has one. */
  commentCell?: CellRef;
  kind: 'choice' | 'text';
  options?: string[];
  /** What the answer cell holds now ('' when empty or a "Select..." placeholder). */
  existing: string;
  existingComment: string;
  /** Why the answer cell may not be written, whatever the answer. */
  blocked?: BlockReason;
  commentBlocked?: BlockReason;
}

export interface ColumnInfo {
  col: number;
  header: string;
  role: ColumnRole;
  mark?: string;
  options?: string[];
}

export type SheetStatus = 'questions' | 'hidden' | 'not-worksheet' | 'no-questions' | 'skipped';

export interface SheetLayout {
  sheet: string;
  index: number;
  status: SheetStatus;
  protected: boolean;
  /** 0-based header row, when one was found or set. */
  headerRow?: number;
  columns: ColumnInfo[];
  questions: SheetQuestion[];
  /** Plain-language notes for the person checking detection (why a sheet was skipped, protected cells...). */
  notes: string[];
}

/** A person's corrections for one sheet, by sheet name. */
export interface SheetOverride {
  skip?: boolean;
  /** 1-based header row, as the person sees it in Excel. */
  headerRow?: number;
  /** Column letter or 0-based index -> role. Columns not listed keep no role. */
  roles?: Record<number, ColumnRole>;
}

export type Overrides = Record<string, SheetOverride>;
