// CSV and TSV questionnaires (a Google Sheets export, a copy-paste) get the same detection, and write-back changes
// only the answer fields: every other character, the delimiter, quoting, line breaks and encoding stay.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { a1, detectBook, openBook, writeBook, writesForAnswer } from '../../../lib/sheet';

const enc = (s: string) => new TextEncoder().encode(s);

const EXPORT = [
  'Acme Corp vendor security review,,,',
  'Please answer every question and return this file.,,,',
  ',,,',
  'ID,Question,Response (Yes/No/N/A),Comments',
  'Access control,,,',
  '1.1,Do you enforce multi-factor authentication for administrators?,,',
  '1.2,"Do you review user access rights at least quarterly, and remove leavers within 24 hours?",,',
  'Data protection,,,',
  '2.1,"Is customer data encrypted at rest?',
  'Describe the algorithm.",,',
  '2.2,Do you keep backups in a second region?,Yes,Daily snapshots',
  '',
].join('\r\n');

describe('CSV and TSV questionnaires', () => {
  it('finds the header under a title block, sections, a multi-line question and the Yes/No/N/A options', () => {
    const [sheet] = detectBook(openBook('acme.csv', enc(EXPORT)).sheets);
    expect(sheet!.headerRow).toBe(3);
    expect(sheet!.questions.map((q) => q.id)).toEqual(['1.1', '1.2', '2.1', '2.2']);
    expect(sheet!.questions.map((q) => q.section)).toEqual([
      'Access control',
      'Access control',
      'Data protection',
      'Data protection',
    ]);
    expect(sheet!.questions[2]!.question).toBe('Is customer data encrypted at rest?\r\nDescribe the algorithm.');
    expect(sheet!.questions[0]!.options).toEqual(['Yes', 'No', 'N/A']);
    expect(sheet!.questions[3]!.existing).toBe('Yes');
    expect(a1(sheet!.questions[0]!.answerCell.r, sheet!.questions[0]!.answerCell.c)).toBe('C6');
  });

  it('writes only the answer fields, with quoting where needed, and keeps CRLF line breaks', () => {
    const book = openBook('acme.csv', enc(EXPORT));
    const qs = detectBook(book.sheets)[0]!.questions.filter((q) => !q.existing);
    const writes = qs.flatMap((q, i) =>
      writesForAnswer(q, 'Yes', i === 0 ? 'Enforced with hardware keys, see policy "IAM-2", section 3' : undefined),
    );
    const out = new TextDecoder().decode(writeBook(book, writes));
    expect(out.split('\r\n').length).toBe(EXPORT.split('\r\n').length);
    const before = Papa.parse<string[]>(EXPORT).data;
    const after = Papa.parse<string[]>(out).data;
    const written = new Set(writes.map((w) => `${w.r}:${w.c}`));
    for (let r = 0; r < before.length; r++)
      for (let c = 0; c < Math.max(before[r]!.length, after[r]!.length); c++)
        if (!written.has(`${r}:${c}`)) expect(after[r]![c] ?? '').toBe(before[r]![c] ?? '');
    expect(after[5]).toEqual([
      '1.1',
      'Do you enforce multi-factor authentication for administrators?',
      'Yes',
      'Enforced with hardware keys, see policy "IAM-2", section 3',
    ]);
    expect(out).toContain(',Yes,"Enforced with hardware keys, see policy ""IAM-2"", section 3"\r\n');
  });

  it('a pasted TSV list without a header: the question column and the column right of it', () => {
    const tsv =
      'Do you have an incident response plan?\t\nIs there a named security officer?\t\nDo you test backups every quarter?\t\n';
    const book = openBook('pasted.tsv', enc(tsv));
    const [sheet] = detectBook(book.sheets);
    expect(sheet!.questions.map((q) => a1(q.answerCell.r, q.answerCell.c))).toEqual(['B1', 'B2', 'B3']);
    const out = new TextDecoder().decode(writeBook(book, writesForAnswer(sheet!.questions[1]!, 'Yes, the CISO')));
    expect(out).toBe(
      'Do you have an incident response plan?\t\nIs there a named security officer?\tYes, the CISO\nDo you test backups every quarter?\t\n',
    );
  });

  it('an answer that starts like a formula cannot run as one when the CSV is opened in a spreadsheet', () => {
    const book = openBook('q.csv', enc('Question,Answer\nWhat is your uptime target?,\n'));
    const q = detectBook(book.sheets)[0]!.questions[0]!;
    const out = new TextDecoder().decode(writeBook(book, writesForAnswer(q, '=HYPERLINK("x")')));
    expect(out).toBe('Question,Answer\nWhat is your uptime target?,"\'=HYPERLINK(""x"")"\n');
  });

  it('a Windows-1252 file is written back in Windows-1252, untouched bytes unchanged', () => {
    const text = 'Question;Réponse\nAvez-vous une politique de sécurité ?;\nChiffrez-vous les données ?;\n';
    const bytes = Uint8Array.from(text, (ch) => ch.charCodeAt(0)); // Latin-1 range: same bytes in Windows-1252
    const book = openBook('fr.csv', bytes);
    const [sheet] = detectBook(book.sheets);
    expect(sheet!.questions.length).toBe(2);
    const out = writeBook(book, writesForAnswer(sheet!.questions[0]!, 'Oui'));
    const expected = text.replace('sécurité ?;', 'sécurité ?;Oui');
    expect([...out]).toEqual([...Uint8Array.from(expected, (ch) => ch.charCodeAt(0))]);
  });
});
