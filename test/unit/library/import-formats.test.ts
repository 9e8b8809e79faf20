// Columns as exports have them, values as people write them: headers of the tools teams export from, an ID
// column that becomes the entry id only when it can be one, any short text as a short answer, and a column the
// user set to "(not in file)" that stays out. The real-world file (../shared/data/retrieval-dev) goes in as it is.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLUMN_LABELS, parseLibraryFile, type ColumnKind } from '../../../lib/library';
import { bytes } from './helpers';
import { sharedPath } from '../../shared-data';

const csv = (text: string, opts = {}) => parseLibraryFile('export.csv', bytes(text), opts);
const kinds = (text: string) => {
  const res = csv(text);
  const { headers, columns } = res.mapping!;
  return Object.fromEntries(
    (Object.entries(columns) as [ColumnKind, number][]).map(([k, i]) => [headers[i], k]),
  ) as Record<string, ColumnKind>;
};

describe('headers as vendor exports write them', () => {
  // Layouts of a library export from each tool, as their users see them (our own small samples).
  const LAYOUTS: [string, string, Record<string, ColumnKind>][] = [
    [
      'Loopio',
      'Library Entry ID,Stack,Category,Sub-Category,Question,Alternate Questions,Answer,Compliance,Tags,Owner,Last Updated\n',
      {
        'Library Entry ID': 'id',
        Category: 'category',
        Question: 'question',
        'Alternate Questions': 'alternatives',
        Answer: 'answer',
        Compliance: 'shortAnswer',
        Tags: 'tags',
        Owner: 'owner',
        'Last Updated': 'approvedAt',
      },
    ],
    [
      'Responsive (RFPIO)',
      'Reference Number,Question,Alternative Questions,Answer,Tags,Collections,Owners,Moderators,Last Updated Date,Next Review Date\n',
      {
        'Reference Number': 'id',
        Question: 'question',
        'Alternative Questions': 'alternatives',
        Answer: 'answer',
        Tags: 'tags',
        Collections: 'category',
        Owners: 'owner',
        Moderators: 'approvedBy',
        'Last Updated Date': 'approvedAt',
        'Next Review Date': 'reviewBy',
      },
    ],
    [
      'Conveyor',
      'ID,Question,Answer (Yes/No),Answer Details,Product,Access Level\n',
      {
        ID: 'id',
        Question: 'question',
        'Answer (Yes/No)': 'shortAnswer',
        'Answer Details': 'answer',
        Product: 'services',
        'Access Level': 'reuse',
      },
    ],
    [
      'Vanta / Drata / Secureframe question library',
      'Ref,Title,Response,Topic,SME,Last reviewed,Status\n',
      {
        Ref: 'id',
        Title: 'question',
        Response: 'answer',
        Topic: 'category',
        SME: 'owner',
        'Last reviewed': 'approvedAt',
        Status: 'status',
      },
    ],
    [
      'OneTrust',
      'Question ID,Question,Response,Justification,Owner Email,Next Review\n',
      {
        'Question ID': 'id',
        Question: 'question',
        Response: 'answer',
        Justification: 'comments',
        'Owner Email': 'owner',
        'Next Review': 'reviewBy',
      },
    ],
    [
      'home-grown sheet',
      'Entry ID,Topic,Question,Synonyms,Response,Y/N,Category,Owner,Last reviewed,Next review,Controls\n',
      {
        'Entry ID': 'id',
        Question: 'question',
        Synonyms: 'alternatives',
        Response: 'answer',
        'Y/N': 'shortAnswer',
        Category: 'category',
        Owner: 'owner',
        'Last reviewed': 'approvedAt',
        'Next review': 'reviewBy',
        Controls: 'controls',
      },
    ],
  ];

  it.each(LAYOUTS)('%s', (_tool, header, expected) => {
    const row = header
      .trim()
      .split(',')
      .map((_, i) => `"v${i}"`)
      .join(',');
    const found = kinds(`${header}${row}\n`);
    expect(found).toMatchObject(expected);
  });

  it('names every field in words in the mapping step, never by its field name', () => {
    for (const label of Object.values(COLUMN_LABELS)) expect(label).not.toMatch(/[a-z][A-Z]/);
    expect(COLUMN_LABELS.shortAnswer).toBe('Short answer (Yes/No, a number…)');
    expect(COLUMN_LABELS.reuse).toBe('Who may receive it');
  });
});

describe('an ID-like column', () => {
  it('becomes the entry id when every row has its own value', () => {
    const res = csv('ID,Question,Answer\nQ-7,Is MFA on?,Yes\nQ-9,Do you back up?,Daily\n');
    expect(res.accepted.entries.map((e) => e.id)).toEqual(['Q-7', 'Q-9']);
    expect(res.fields).toContain('id');
  });

  it('is left out, with a warning saying why and what to do, when values repeat or are missing', () => {
    const res = csv('ID,Question,Answer\n1.1,Is MFA on?,Yes\n1.1,Do you back up?,Daily\n');
    expect(res.accepted.entries.map((e) => e.id)).not.toContain('1.1');
    expect(res.mapping!.columns.id).toBeUndefined();
    expect(res.warnings[0]!.reason).toMatch(
      /Column "ID" is not used as the entry id: "1\.1" appears on more than one row.*Map a column with one value per row as "Entry id"/,
    );
    const gaps = csv('Ref,Question,Answer\nA,Is MFA on?,Yes\n,Do you back up?,Daily\n');
    expect(gaps.warnings[0]!.reason).toMatch(/row 3 has no value in it/);
  });

  it('chosen explicitly, must be unique: a repeat is an error on its row', () => {
    const res = csv('Num,Question,Answer\n1,Is MFA on?,Yes\n1,Do you back up?,Daily\n', { mapping: { id: 'Num' } });
    expect(res.rejected).toMatchObject([{ row: 3, column: 'Num' }]);
  });
});

describe('values as people write them', () => {
  it('any short text is a short answer; nothing is invented from the answer', () => {
    const res = csv(
      'Question,Answer,Short answer\nHow many employees?,About 600 people.,612\nUptime SLA?,Monthly.,99.9%\nDo you encrypt?,No one can read it.,\n',
    );
    expect(res.rejected).toEqual([]);
    expect(res.accepted.entries.map((e) => e.shortAnswer)).toEqual(['612', '99.9%', undefined]);
  });

  it('a column set to "(not in file)" stays out, even though its header would be detected', () => {
    const text = 'Question,Answer,Owner,Status\nIs MFA on?,Yes,alice,approved\n';
    const res = csv(text, { mapping: { owner: null, status: null } });
    expect(res.mapping!.columns.owner).toBeUndefined();
    expect(res.mapping!.columns.status).toBeUndefined();
    expect(res.mapping!.excluded).toEqual(['owner', 'status']);
    expect(res.accepted.entries[0]).toMatchObject({ owner: 'unassigned', status: 'draft' });
    expect(res.fields).not.toContain('owner');
  });

  it('Category and Tags both become tags; statuses and reuse read the words teams use', () => {
    const res = csv(
      'Question,Answer,Category,Tags,Status,Classification\nIs MFA on?,Yes,Access,mfa; okta,Published,Confidential\nOld one?,Yes,Access,,Archived,Internal use only\n',
    );
    expect(res.rejected).toEqual([]);
    expect(res.accepted.entries.map((e) => [e.tags, e.status, e.reuse])).toEqual([
      [['Access', 'mfa', 'okta'], 'approved', { level: 'nda' }],
      [['Access'], 'retired', { level: 'internal' }],
    ]);
  });

  it('a semicolon-heavy comma file is still read with commas (the header decides, not character counts)', () => {
    const res = csv('Question,Answer,Tags\n"Is MFA on?","Yes; for all; staff; and; admins","a; b; c; d; e"\n');
    expect(res.rejected).toEqual([]);
    expect(res.accepted.entries[0]!.tags).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

// Read, never skipped: a missing ../shared fails with the fix (test/shared-data.ts).
describe('a team library as it is (../shared/data/retrieval-dev/tidewater-library.csv)', () => {
  it('reads all 160 rows: ids from its ID column, numeric short answers kept, category as a tag', () => {
    const res = parseLibraryFile(
      'tidewater-library.csv',
      new Uint8Array(readFileSync(sharedPath('data/retrieval-dev/tidewater-library.csv'))),
    );
    expect(res.rejected).toEqual([]);
    expect(res.accepted.entries).toHaveLength(160);
    expect(res.mergeProposals).toEqual([]);
    const byId = new Map(res.accepted.entries.map((e) => [e.id, e]));
    expect([...byId.keys()].every((id) => /^TW-\d{3}$/.test(id))).toBe(true);
    const shorts = res.accepted.entries.map((e) => e.shortAnswer).filter((s) => s && !/^(Yes|No|N\/A)$/.test(s));
    expect(shorts.length).toBeGreaterThan(0); // numbers such as an employee count or an uptime figure
    expect(byId.get('TW-001')).toMatchObject({ tags: ['Governance'], owner: 'Dana Whitfield (CISO)' });
    // No status or reuse column: the file leaves them to the import's defaults.
    expect(res.fields).not.toContain('status');
    expect(res.fields).not.toContain('reuse');
  });
});
