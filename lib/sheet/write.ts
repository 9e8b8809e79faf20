// One entry point for writing answers, whatever the questionnaire's format.
import type { Book } from './open';
import { writeCsv } from './write-csv';
import { writeXlsx, type CellWrite } from './write-xlsx';

export type { CellWrite };

export function writeBook(book: Book, writes: readonly CellWrite[]): Uint8Array {
  return book.format === 'xlsx' ? writeXlsx(book, writes) : writeCsv(book, writes);
}
