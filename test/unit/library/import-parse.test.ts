import { describe, expect, it } from 'vitest';
import { LIMITS, parseLibraryFile } from '../../../lib/library';
import { bytes } from './helpers';

const csv = (text: string, opts = {}) => parseLibraryFile('q.csv', bytes(text), opts);

describe('questionnaire CSV parsing', () => {
  it('detects columns by header synonyms and maps controls per framework column', () => {
    const res = csv(
      'Control question,Vendor response,Notes,Owner,ISO 27001,SOC 2\n' +
        'Do you encrypt data at rest?,"Yes, AES-256.",See policy,sec@x.io,A.8.24,CC6.1; CC6.7\n',
    );
    expect(res.rejected).toEqual([]);
    const [e] = res.accepted.entries;
    expect(e).toMatchObject({
      question: 'Do you encrypt data at rest?',
      answer: 'Yes, AES-256.',
      notes: 'See policy',
      owner: 'sec@x.io',
      status: 'draft',
      source: 'import:q.csv#row2',
    });
    // No Short answer column: none is invented from the answer's first word.
    expect(e!.shortAnswer).toBeUndefined();
    expect(e!.controls).toEqual([
      { framework: 'iso27001:2022', id: 'A.8.24' },
      { framework: 'soc2:2017', id: 'CC6.1' },
      { framework: 'soc2:2017', id: 'CC6.7' },
    ]);
  });

  it('finds the header row below a title block and accepts a semicolon-delimited file', () => {
    const res = csv(
      'Vendor security assessment;;\nVersion 3;;\n;;\nRequirement;Response;Comments\nIs MFA enforced?;Yes;\n',
    );
    expect(res.rejected).toEqual([]);
    expect(res.mapping?.headerRow).toBe(3);
    expect(res.accepted.entries[0]).toMatchObject({
      question: 'Is MFA enforced?',
      answer: 'Yes',
      source: 'import:q.csv#row5',
    });
  });

  it('lets the user remap columns the synonyms do not know', () => {
    const text = 'Ask,Reply\nIs MFA enforced?,Yes for all staff\n';
    expect(csv(text).fatal).toMatch(/No Question column/);
    const res = csv(text, { mapping: { question: 'Ask', answer: 1 } });
    expect(res.rejected).toEqual([]);
    expect(res.accepted.entries[0]).toMatchObject({ question: 'Is MFA enforced?', answer: 'Yes for all staff' });
    expect(csv(text, { mapping: { question: 'Nope' } }).rejected[0]!.reason).toMatch(
      /mapping\.question = "Nope" matches no column/,
    );
  });

  it('reports missing columns with the headers found and how to fix it', () => {
    const res = csv('Question,Owner\nIs MFA enforced?,me\n');
    expect(res.fatal).toMatch(/No Answer column found \(headers: "Question", "Owner"\)/);
    expect(res.rejected[0]).toMatchObject({ row: 0, column: '(file)' });
    expect(res.accepted.entries).toEqual([]);
  });

  it('rejects bad dates, short answers, statuses and unknown controls with row and column', () => {
    const res = csv(
      'Question,Answer,Short answer,Approved at,Status,ISO 27001,SOC 2\n' +
        'Q one about backups?,A,Yes,2024-02-30,approved,A.8.13,\n' +
        `Q two about logging?,A,${'Maybe '.repeat(40)},2024-01-01,approved,,\n` +
        'Q three about patches?,A,No,,shipped,A.8.99,CC6.1\n' +
        'Q four about vendors?,A,No,,,,CC12.1\n',
    );
    const found = res.rejected.map((r) => [r.row, r.column]);
    expect(found).toEqual([
      [2, 'Approved at'],
      [3, 'Short answer'],
      [4, 'ISO 27001'],
      [4, 'Status'],
      [5, 'SOC 2'],
    ]);
    expect(res.rejected[0]!.reason).toMatch(/"2024-02-30" is not a real day \(month 02 of 2024 has no day 30\)/);
    expect(res.rejected[1]!.reason).toMatch(/short answer is 239 characters, over the 200-character limit/);
    expect(res.rejected[2]!.reason).toMatch(/A\.8\.9/); // nearest ids named
    expect(res.accepted.entries).toEqual([]);
  });

  it('reports an unbalanced quote on its row instead of silently merging rows', () => {
    const res = csv('Question,Answer\nIs MFA enforced?,"Yes for all\nIs data encrypted?,Yes\n');
    expect(res.rejected).toHaveLength(1);
    expect(res.rejected[0]).toMatchObject({ row: 2, column: 'Answer' });
    expect(res.rejected[0]!.reason).toMatch(/unbalanced/);
  });

  it('decodes UTF-16 with a BOM and flags Latin-1 bytes per row and column', () => {
    const text = 'Question,Answer\nDo you encrypt data?,Oui – chiffré\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(le.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    const utf16 = parseLibraryFile('q.csv', le);
    expect(utf16.rejected).toEqual([]);
    expect(utf16.accepted.entries[0]!.answer).toBe('Oui – chiffré');

    const latin1 = Uint8Array.from([
      ...bytes('Question,Answer\nIs MFA on?,Yes\nDo you encrypt?,Chiffr'),
      0xe9,
      ...bytes('\n'),
    ]);
    const res = parseLibraryFile('q.csv', latin1);
    expect(res.rejected).toHaveLength(1);
    expect(res.rejected[0]).toMatchObject({ row: 3, column: 'Answer' });
    expect(res.rejected[0]!.reason).toMatch(/windows-1252/);
    expect(parseLibraryFile('q.csv', latin1, { encoding: 'windows-1252' }).accepted.entries[1]!.answer).toBe('Chiffré');

    const noBom = le.subarray(2);
    expect(parseLibraryFile('q.csv', noBom).fatal).toMatch(/UTF-16 text without a byte-order mark/);
  });

  it('keeps HTML and script verbatim as text, with a warning on its cell', () => {
    const answer = '<script>alert(1)</script><b>Yes</b>';
    const res = csv(`Question,Answer\nIs <i>MFA</i> on?,${answer}\n`);
    expect(res.rejected).toEqual([]);
    expect(res.accepted.entries[0]).toMatchObject({ question: 'Is <i>MFA</i> on?', answer });
    expect(res.warnings.map((w) => [w.row, w.column])).toEqual([
      [2, 'Question'],
      [2, 'Answer'],
    ]);
  });

  it('turns near-duplicate rows within a file into merge proposals, not duplicates', () => {
    const res = csv(
      'Question,Answer\nDo you encrypt customer data at rest?,Yes\nIs customer data encrypted at rest?,Yes.\nDo you encrypt data in transit?,Yes\n',
    );
    expect(res.accepted.entries.map((e) => e.question)).toEqual([
      'Do you encrypt customer data at rest?',
      'Do you encrypt data in transit?',
    ]);
    expect(res.mergeProposals).toHaveLength(1);
    expect(res.mergeProposals[0]).toMatchObject({ row: 3, target: { in: 'file', row: 2 } });
  });

  it('refuses a file over the row limit quickly with a clear message', () => {
    const rows = LIMITS.maxRows + 1;
    const text = `Question,Answer\n${'Is control n in place?,Yes\n'.repeat(rows)}`;
    const t0 = Date.now();
    const res = csv(text);
    expect(res.fatal).toMatch(/over the 100,000-row import limit\. Split it/);
    expect(res.accepted.entries).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(20_000); // a guard against hanging, not a speed target
  });

  it('refuses a file over the size limit before parsing', () => {
    const big = new Uint8Array(LIMITS.maxFileBytes + 1);
    expect(parseLibraryFile('big.csv', big).fatal).toMatch(/over the 25\.0 MB import limit/);
  });

  it('refuses unknown formats and names the supported ones', () => {
    expect(parseLibraryFile('q.pdf', bytes('%PDF')).fatal).toMatch(/\.json.*\.csv.*\.xlsx/);
  });
});

describe('library JSON parsing', () => {
  const file = (entries: unknown[], extra = {}) =>
    bytes(
      JSON.stringify({
        format: 'crosswalk-library',
        version: 1,
        exportedAt: '2025-01-01T00:00:00Z',
        entries,
        evidence: [],
        ...extra,
      }),
    );
  const entry = (over = {}) => ({
    id: 'e1',
    question: 'Q?',
    answer: 'A',
    owner: 'o',
    status: 'approved',
    reuse: { level: 'public' },
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    version: 1,
    ...over,
  });

  it('reports each bad record with its position and field path', () => {
    const res = parseLibraryFile(
      'lib.json',
      file([
        entry(),
        entry({ id: 'e2', approvedAt: 'yesterday' }),
        entry({ id: 'e3', controls: [{ framework: 'soc2:2017', id: 'CC1.9' }] }),
        entry(),
      ]),
    );
    expect(res.accepted.entries.map((e) => e.id)).toEqual(['e1']);
    expect(res.rejected.map((r) => [r.row, r.column])).toEqual([
      [2, 'entries[1].approvedAt'],
      [3, 'entries[2].controls'],
      [4, 'entries[3].id'],
    ]);
  });

  it('refuses other JSON, newer format versions and syntax errors with a fix', () => {
    expect(parseLibraryFile('x.json', bytes('{"a":1}')).fatal).toMatch(/not a Crosswalk library/);
    expect(parseLibraryFile('x.json', file([], { version: 2 })).fatal).toMatch(/newer than this Crosswalk/);
    expect(parseLibraryFile('x.json', bytes('{"format":')).fatal).toMatch(/not valid JSON/);
  });
});
