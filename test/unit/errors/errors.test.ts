// Every catalogue's errors share one shape from one base (lib/errors): a code for programs and bug reports, a
// message with the cause and the fix for people, and the error underneath kept as `cause`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackgroundError } from '../../../lib/background/errors';
import { ControlsDataError, UnknownControlError } from '../../../lib/controls/errors';
import { CrosswalkError, describeError, errorInfo, errorMessage } from '../../../lib/errors';
import { LibraryError } from '../../../lib/library/errors';
import { buildIndex, loadIndex, serializeIndex } from '../../../lib/match';
import { MatchError } from '../../../lib/match/errors';
import { ErrorResponse } from '../../../lib/messaging';
import { ReviewError } from '../../../lib/review/errors';
import { SheetError } from '../../../lib/sheet';
import { PROJECT_ROOT } from '../../shared-data';

describe('one error shape', () => {
  it('every catalogue error is a CrosswalkError with its code, its message and its name', () => {
    const cases: [CrosswalkError, string, string][] = [
      [new BackgroundError('no-access', 'Grant access, then scan again.'), 'no-access', 'BackgroundError'],
      [new ControlsDataError('Fix the file.'), 'invalid-data-file', 'ControlsDataError'],
      [new UnknownControlError('Use A.8.24.', []), 'unknown-control', 'UnknownControlError'],
      [new LibraryError('not-found', 'Check the id.'), 'not-found', 'LibraryError'],
      [new MatchError('invalid-index', 'Rebuild it.'), 'invalid-index', 'MatchError'],
      [new ReviewError('no-owner', 'Enter the owner.'), 'no-owner', 'ReviewError'],
      [new SheetError('too-large', 'Split it.'), 'too-large', 'SheetError'],
    ];
    for (const [error, code, name] of cases) {
      expect(error).toBeInstanceOf(CrosswalkError);
      expect(error).toBeInstanceOf(Error);
      expect({ name: error.name, ...errorInfo(error) }).toEqual({ name, code, message: error.message });
    }
  });

  it('uncatalogued failures read as "unexpected"; thrown non-errors keep their text', () => {
    expect(errorInfo(new Error('boom'))).toEqual({ code: 'unexpected', message: 'boom' });
    expect(errorInfo('a string')).toEqual({ code: 'unexpected', message: 'a string' });
    // A code carried as a plain field (an error that crossed a structured clone) is kept.
    expect(errorInfo({ code: 'no-access', message: 'x' }).code).toBe('no-access');
    expect(errorMessage(42)).toBe('42');
  });

  it('the UI text carries the code beside the message', () => {
    expect(describeError(new LibraryError('too-large', 'The file is 30 MB. Split it.'))).toBe(
      'The file is 30 MB. Split it. (error code: too-large)',
    );
  });

  it('a rethrow keeps what went wrong underneath as its cause', () => {
    // Postings that are not base64: Bm25Index.restore throws a RangeError, loadIndex rethrows it with its code.
    const saved = serializeIndex(buildIndex([], []));
    let thrown: unknown;
    try {
      loadIndex({ ...saved, bm25: { ...saved.bm25, postings: '***not base64***' } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MatchError);
    expect(errorInfo(thrown)).toEqual({
      code: 'invalid-index',
      message: expect.stringContaining('postings are damaged'),
    });
    expect((thrown as Error).cause).toBeInstanceOf(RangeError);
  });

  it('ErrorResponse carries { code, message } and refuses a bare string', () => {
    expect(ErrorResponse.safeParse({ error: { code: 'no-access', message: 'Grant access.' } }).success).toBe(true);
    expect(ErrorResponse.safeParse({ error: 'Grant access.' }).success).toBe(false);
  });
});

describe('one helper for the message of anything thrown', () => {
  /** Source files of the product (not tests): lib, entrypoints, components. */
  function sources(dir: string): string[] {
    return readdirSync(join(PROJECT_ROOT, dir), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
      .map((e) => join(e.parentPath, e.name));
  }

  it('no copy of `err instanceof Error ? err.message : String(err)` is left outside lib/errors', () => {
    const copy = /instanceof Error\s*\?\s*\(?\s*\w+\.message/;
    const copies = ['lib', 'entrypoints', 'components']
      .flatMap(sources)
      .filter((f) => !f.includes(join('lib', 'errors')) && copy.test(readFileSync(f, 'utf8')))
      .map((f) => f.slice(PROJECT_ROOT.length));
    expect(copies, 'Use errorMessage / errorInfo / describeError from lib/errors.').toEqual([]);
  });
});
