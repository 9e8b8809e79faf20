// The whole `crosswalk fill` path on bytes in memory: open, detect, match every question, decide, write. Shared by
// the speed bench and the memory child process so both measure the same work.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseLibraryFile } from '../../../lib/library';
import { buildIndex, classifyControls, matchQuestion, type AnswerIndex } from '../../../lib/match';
import { decide, detectBook, openBook, toQuestionInput, writeBook, writesFor } from '../../../lib/sheet';

export function demoIndex(): { index: AnswerIndex; reuse: (s: { entryId: string }) => undefined } {
  const path = fileURLToPath(new URL('../../../data/demo-library.json', import.meta.url));
  const lib = parseLibraryFile('demo-library.json', new Uint8Array(readFileSync(path)));
  return { index: buildIndex(lib.accepted.entries, lib.accepted.evidence), reuse: () => undefined };
}

export function fillPipeline(
  name: string,
  bytes: Uint8Array,
  index: AnswerIndex,
): { questions: number; filled: number; out: Uint8Array } {
  const book = openBook(name, bytes);
  const questions = detectBook(book.sheets).flatMap((l) => l.questions);
  const context = { recipient: '', nda: true, scope: { services: [], environments: [], regions: [], dataTypes: [] } };
  const answers = questions.map((q) => {
    const input = toQuestionInput(q);
    const result = matchQuestion(index, input, { today: '2026-01-15', controls: classifyControls(input) });
    return decide(q, result, { context, today: '2026-01-15' });
  });
  const out = writeBook(book, writesFor(answers));
  return { questions: questions.length, filled: answers.filter((a) => a.outcome === 'filled').length, out };
}
