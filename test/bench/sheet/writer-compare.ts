// Which writer keeps a questionnaire as it was? Each reference layout is answered (every writable question) by
// three writers: ours (the answer cells spliced into the sheet XML), SheetJS CE (@e965/xlsx, read + write), and
// exceljs (read + write; not a dependency: pass a folder where it is installed). Then the original and the
// answered copy are unzipped and compared part by part (test/fixtures/sheets/compare-parts.ts), and what the
// person would lose is counted: parts removed, parts changed beyond the answer cells, styles, validations,
// conditional formats, comments, defined names.
//   npx tsx test/bench/sheet/writer-compare.ts [folder-with-node_modules/exceljs]
// The figures are in lib/sheet/README.md.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { detectBook, openBook, writeBook, writesForAnswer, type CellWrite } from '../../../lib/sheet';
import { compareParts } from '../../fixtures/sheets/compare-parts';
import { DEV_LAYOUTS } from '../../fixtures/sheets/layouts';

interface ExcelJsWorkbook {
  xlsx: { load(b: Uint8Array): Promise<unknown>; writeBuffer(): Promise<ArrayBuffer> };
  getWorksheet(name: string): { getCell(r: number, c: number): { value: unknown } } | undefined;
}

function answers(fileName: string, bytes: Uint8Array): CellWrite[] {
  const book = openBook(fileName, bytes);
  return detectBook(book.sheets)
    .flatMap((s) => s.questions)
    .filter((q) => !q.blocked && !q.existing)
    .flatMap((q) => writesForAnswer(q, q.kind === 'choice' ? q.options![0]! : 'Answer.'));
}

/** What survives in the answered copy, counted by markers a person would notice were they gone. */
function features(bytes: Uint8Array): Record<string, number> {
  const parts = unzipSync(bytes);
  const all = Object.entries(parts)
    .filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels') || n.endsWith('.vml'))
    .map(([, b]) => strFromU8(b))
    .join('\n');
  const count = (re: RegExp) => (all.match(re) ?? []).length;
  return {
    parts: Object.keys(parts).length,
    cellStyles: count(/<xf\b/g),
    validations: count(/<(?:x14:)?dataValidation\b/g),
    conditional: count(/<conditionalFormatting\b/g),
    comments: count(/<comment\b/g),
    definedNames: count(/<definedName\b/g),
    images: Object.keys(parts).filter((n) => n.startsWith('xl/media/')).length,
    protection: count(/<sheetProtection\b/g),
  };
}

async function main(): Promise<void> {
  const exceljsDir = process.argv[2];
  let ExcelJS: { Workbook: new () => ExcelJsWorkbook } | undefined;
  if (exceljsDir) {
    const req = createRequire(join(resolve(exceljsDir), 'index.js'));
    ExcelJS = req('exceljs') as { Workbook: new () => ExcelJsWorkbook };
  }
  for (const make of DEV_LAYOUTS) {
    const l = make();
    const writes = answers(l.fileName, l.bytes);
    const outs: [string, Uint8Array][] = [['ours', writeBook(openBook(l.fileName, l.bytes), writes)]];

    const refused: string[] = [];
    try {
      const wb = XLSX.read(l.bytes, { type: 'array', cellStyles: true });
      for (const w of writes)
        XLSX.utils.sheet_add_aoa(wb.Sheets[w.sheet]!, [[w.value]], { origin: { r: w.r, c: w.c } });
      const written = XLSX.write(wb, { type: 'array', bookType: 'xlsx', cellStyles: true }) as ArrayBuffer;
      outs.push(['sheetjs-ce', new Uint8Array(written)]);
    } catch (err) {
      refused.push(`  sheetjs-ce refused to write: ${err instanceof Error ? err.message : String(err)}`);
    }

    if (ExcelJS)
      try {
        const x = new ExcelJS.Workbook();
        await x.xlsx.load(l.bytes);
        for (const w of writes) x.getWorksheet(w.sheet)!.getCell(w.r + 1, w.c + 1).value = w.value;
        outs.push(['exceljs', new Uint8Array(await x.xlsx.writeBuffer())]);
      } catch (err) {
        refused.push(`  exceljs refused the workbook: ${err instanceof Error ? err.message : String(err)}`);
      }

    const before = features(l.bytes);
    console.log(`\n${l.name}: ${writes.length} answer cells written`);
    console.log(`  original   ${JSON.stringify(before)}`);
    for (const [name, out] of outs) {
      const diff = compareParts(l.bytes, out);
      const cellsChanged = [...diff.cells.values()].reduce((n, m) => n + m.size, 0);
      console.log(
        `  ${name.padEnd(10)} ${JSON.stringify(features(out))} | parts removed ${diff.removed.length}, added ${diff.added.length}, changed beyond cells ${diff.otherChanges.length}, cells changed ${cellsChanged}`,
      );
    }
    for (const r of refused) console.log(r);
  }
}

await main();
