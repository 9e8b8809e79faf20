// Crosswalk library JSON → validated entries and evidence, one RowIssue per bad field.
// Row = 1-based position in its array; column = the field path ("entries[3].owner").
import { checkControlRefs } from '../controls-check';
import { messages } from '../errors';
import { LIBRARY_FORMAT, LIBRARY_FORMAT_VERSION, LibraryEnvelope } from '../format';
import { LIMITS } from '../limits';
import { AnswerEntry, EvidenceItem } from '../schema';
import type { ParsedLibraryFile, RowIssue } from './types';
import { errorMessage } from '../../errors';

type JsonResult = Omit<ParsedLibraryFile, 'fileName' | 'format' | 'acceptedDefaulted' | 'fields' | 'dates'>;

function empty(reason: string): JsonResult {
  return {
    accepted: { entries: [], evidence: [] },
    acceptedRows: [],
    rejected: [{ row: 0, column: '(file)', reason }],
    warnings: [],
    mergeProposals: [],
    rowsRead: 0,
    fatal: reason,
  };
}

export function parseLibraryJson(text: string): JsonResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return empty(messages.badJson(errorMessage(e)));
  }
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  if (obj.format !== LIBRARY_FORMAT) return empty(messages.notLibraryJson(obj.format));
  if (typeof obj.version === 'number' && obj.version > LIBRARY_FORMAT_VERSION)
    return empty(messages.newerFormat(obj.version));
  const env = LibraryEnvelope.safeParse(raw);
  if (!env.success) {
    const i = env.error.issues[0]!;
    return empty(
      `The library file's ${i.path.join('.') || 'top level'} is invalid: ${i.message}. Re-export it from Crosswalk or fix that field (see lib/library/FORMAT.md).`,
    );
  }
  const total = env.data.entries.length + env.data.evidence.length;
  if (total > LIMITS.maxRows) return empty(messages.tooManyRows(total.toLocaleString('en-US')));

  const out: JsonResult = {
    accepted: { entries: [], evidence: [] },
    acceptedRows: [],
    rejected: [],
    warnings: [],
    mergeProposals: [],
    rowsRead: total,
  };
  const check = <T extends { id: string; controls: AnswerEntry['controls'] }>(
    list: unknown[],
    name: 'entries' | 'evidence',
    schema: {
      safeParse: (
        v: unknown,
      ) =>
        { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
    },
    sink: T[],
  ) => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const issues: RowIssue[] = [];
      const res = schema.safeParse(item);
      if (!res.success) {
        for (const is of res.error.issues)
          issues.push({ row: i + 1, column: `${name}[${i}].${is.path.map(String).join('.')}`, reason: is.message });
      } else {
        const controls = checkControlRefs(res.data.controls);
        if (!controls.ok)
          for (const reason of controls.errors) issues.push({ row: i + 1, column: `${name}[${i}].controls`, reason });
        const first = seen.get(res.data.id);
        if (first !== undefined)
          issues.push({
            row: i + 1,
            column: `${name}[${i}].id`,
            reason: `id "${res.data.id}" is already used by ${name}[${first - 1}]. Ids must be unique.`,
          });
        if (!issues.length && controls.ok) {
          seen.set(res.data.id, i + 1);
          sink.push({ ...res.data, controls: controls.refs });
        }
      }
      out.rejected.push(...issues);
    });
  };
  check(env.data.entries, 'entries', AnswerEntry, out.accepted.entries);
  out.acceptedRows = out.accepted.entries.map(() => 0);
  check(env.data.evidence, 'evidence', EvidenceItem, out.accepted.evidence);
  return out;
}
