// The demo questionnaire (data/demo-questionnaire.html) scanned in Chromium: every numbered question and
// the declaration found once, with the right kind, its "Please explain" box paired as a comment, and the
// section taken from the section heading (never from the "Collapse" button next to it).
import { injectPage } from './page-bundle';
import { expect, test, type Win } from './page-harness';

interface Expected {
  number: string;
  kind: string;
  section: string;
  /** id/name of the comment box that belongs to this question, if any. */
  comment: string | null;
}

test('demo questionnaire: 76 numbered questions + declaration, comments paired, sections from headings', async ({
  pwBrowser,
  dataBase,
}) => {
  const page = await pwBrowser.newPage();
  await page.goto(`${dataBase}/demo-questionnaire.html`);
  await injectPage(page);
  const r = await page.evaluate(async () => {
    const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
    // What the page itself says: each numbered question, its answer control and the box after it.
    const expected: Expected[] = [];
    const kindOf = (el: Element): string => {
      if (el.querySelector('[contenteditable]')) return 'contenteditable';
      if (el.querySelector('input[type=radio]')) return 'radio';
      if (el.querySelector('input[type=checkbox]')) return 'checkbox';
      if (el.querySelector('select')) return 'select';
      if (el.querySelector('textarea')) return 'textarea';
      return 'text';
    };
    for (const q of document.querySelectorAll('.q, table.grid tbody tr')) {
      const section = norm(q.closest('section')!.querySelector('h2')!.textContent);
      const number = norm((q.querySelector('.qn, td.num') as HTMLElement).textContent);
      const next = q.nextElementSibling;
      let comment: string | null = null;
      if (next?.classList.contains('explain')) comment = next.querySelector('textarea')!.id;
      const rowComment = q.tagName === 'TR' ? q.querySelector('input[type=text]') : null;
      if (rowComment) comment = rowComment.getAttribute('name');
      const kind = q.tagName === 'TR' ? 'select' : kindOf(q);
      expected.push({ number, kind, section, comment });
    }
    const api = (window as unknown as Win).__crosswalkPage;
    return { expected, fields: await api.scanPage(document) };
  });
  const { expected, fields } = r;
  expect(expected).toHaveLength(76);
  const numbered = fields.filter((f) => f.number);
  console.log(
    `[page-demo] fields ${fields.length}, numbered ${numbered.length}, with comment ${fields.filter((f) => f.comment).length}`,
  );
  // 76 numbered questions and the declaration checkbox, nothing else (no search box, no language picker).
  expect(fields).toHaveLength(77);
  expect(numbered.map((f) => f.number)).toEqual(expected.map((q) => q.number));
  const declaration = fields.find((f) => !f.number)!;
  expect(declaration).toMatchObject({ kind: 'checkbox', section: 'Declaration' });
  expect(declaration.question).toMatch(/^I certify that I am authorized/);
  expect(fields.some((f) => f.options?.includes('English (US)'))).toBe(false);
  for (const f of fields) {
    expect(f.question).not.toMatch(/search|language|please explain|^comment/i);
    expect(f.section ?? '').not.toMatch(/collapse|expand/i);
  }
  numbered.forEach((f, i) => {
    const q = expected[i]!;
    expect.soft(f.kind, `${q.number} kind`).toBe(q.kind);
    expect.soft(f.section, `${q.number} section`).toBe(q.section);
    expect.soft(!!f.comment, `${q.number} has a paired comment box`).toBe(q.comment !== null);
  });
  // The comment fids point at the boxes the page shows after each question: fill each and read the boxes back.
  const explained = numbered.filter((f) => f.comment);
  expect(explained.length).toBe(expected.filter((q) => q.comment).length);
  const fill = await page.evaluate(
    async (pairs) => {
      const api = (window as unknown as Win).__crosswalkPage;
      const out: [string, string][] = [];
      for (const [fid, text] of pairs) await api.applyFill(document, fid, text);
      for (const el of document.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>(
        '.explain textarea, table.grid input[type=text]',
      ))
        out.push([el.id || el.name, el.value]);
      return out;
    },
    explained.map((f) => [f.comment!, `comment for ${f.number}`] as [string, string]),
  );
  const byBox = new Map(fill);
  for (const [i, q] of expected.entries()) {
    if (q.comment)
      expect.soft(byBox.get(q.comment), `comment box of ${q.number}`).toBe(`comment for ${numbered[i]!.number}`);
  }
  await page.close();
});
