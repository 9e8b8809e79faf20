import { describe, expect, it } from 'vitest';
import {
  addEntry,
  buildIndex,
  loadIndex,
  matchQuestion,
  removeEntry,
  serializeIndex,
  updateEntry,
} from '../../../lib/match';
import { entry, evidence, smallLibrary, TODAY } from './helpers';

const QUESTIONS = [
  'Is 2FA required for staff?',
  'Do you encrypt data at rest?',
  'Do you run pen tests?',
  'Is there a continuity plan?',
  'Are new employees screened?',
  'Is HIPAA relevant?',
];
const answers = (index: ReturnType<typeof buildIndex>) =>
  QUESTIONS.map((question) => matchQuestion(index, { question }, { today: TODAY }));

describe('answer index', () => {
  it('round-trips through serializeIndex/loadIndex (and JSON) with identical results', () => {
    const index = buildIndex(smallLibrary(), [evidence('ev-access', 'Access Control Policy')]);
    const loaded = loadIndex(JSON.parse(JSON.stringify(serializeIndex(index))));
    expect(answers(loaded)).toEqual(answers(index));
  });

  it('ranks exactly like a rebuild after add, update and remove', () => {
    const lib = smallLibrary();
    const incremental = buildIndex(lib.slice(0, 3));
    for (const e of lib.slice(3)) addEntry(incremental, e);
    const changed = { ...lib[1]!, answer: 'Yes. Everything is encrypted at rest with AES-256.', version: 2 };
    updateEntry(incremental, changed);
    removeEntry(incremental, 'pentest');
    const rebuilt = buildIndex([lib[0]!, changed, ...lib.slice(3)]);
    expect(answers(incremental)).toEqual(answers(rebuilt));
    expect(answers(incremental)[1]!.suggestions[0]).toMatchObject({ entryId: 'rest', version: 2 });
  });

  it('answers from the new wording when an entry is edited between questions', () => {
    const lib = smallLibrary();
    const index = buildIndex(lib);
    answers(index); // every entry has been a candidate now, so its question terms are cached
    const reworded = {
      ...lib[2]!,
      question: 'Do you commission an annual penetration test by an outside firm?',
      alternatives: ['Is a pen test run every year?'],
      version: 2,
    };
    updateEntry(index, reworded);
    removeEntry(index, lib[0]!.id);
    expect(answers(index)).toEqual(
      answers(buildIndex([reworded, ...lib.filter((e) => e.id !== lib[0]!.id && e.id !== reworded.id)])),
    );
  });

  it('drops an entry from search when it is retired', () => {
    const index = buildIndex(smallLibrary());
    updateEntry(index, { ...smallLibrary()[3]!, status: 'retired', version: 2 });
    expect(answers(index)[3]!.suggestions.map((s) => s.entryId)).not.toContain('bcp');
  });

  it('explains bad edits and bad snapshots with the fix', () => {
    const index = buildIndex(smallLibrary());
    expect(() => addEntry(index, smallLibrary()[0]!)).toThrow(/already in the index\. Use updateEntry/);
    expect(() => removeEntry(index, 'nope')).toThrow(/not in the index.*addEntry/);
    expect(() => loadIndex({ format: 'something-else' })).toThrow(
      /Cannot load the saved search index.*Rebuild it with buildIndex/,
    );
    expect(() => loadIndex({ ...serializeIndex(index), lexicon: 'old' })).toThrow(/different lexicon/);
  });

  it('keeps the entry objects it was given (no copies to drift)', () => {
    const e = entry('x', 'Do you log admin actions?', 'Yes.');
    const index = buildIndex([e]);
    expect(index.entries.get('x')?.entry).toBe(e);
  });
});
