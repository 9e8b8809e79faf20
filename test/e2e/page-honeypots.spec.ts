// Issue #15.1: a page can plant questions nobody sees and harvest answers through "Fill all confident".
// Twelve styles of invisible field (test/fixtures/honeypots.html), beside real questions that hide their
// native inputs the usual ways (styled radios, a visually-hidden checkbox, a box inside a scroll area, a
// wide table, a question below the fold): nothing planted is listed as fillable, nothing planted is filled.
import { test, expect, type Win } from './page-harness';

const REAL = [
  'What is the legal name of your company?',
  'Do you encrypt customer data at rest?',
  'Do you perform annual penetration tests?',
  'Describe your vulnerability management process.',
  'Do you review access rights quarterly?',
  'How long do you keep audit logs?',
];

test('honeypots of 12 styles are never listed as fillable, and never filled', async ({ open }) => {
  const page = await open('honeypots.html');
  const res = await page.evaluate(async () => {
    const api = (window as unknown as Win).__crosswalkPage;
    const fields = await api.scanPage(document);
    // Everything listed gets an answer, the way "Fill all confident" would write it.
    const fills = [];
    for (const f of fields) {
      const value =
        f.kind === 'radio' || f.kind === 'select' ? 'Yes' : f.kind === 'checkbox' ? 'yes' : 'planted answer';
      fills.push(await api.applyFill(document, f.fid, value));
      if (f.comment) fills.push(await api.applyFill(document, f.comment, 'planted answer'));
    }
    const planted = [...document.querySelectorAll('[id^=h]')].map((el) => ({
      id: el.id,
      value: (el as HTMLInputElement).value ?? '',
      text: el.getAttribute('contenteditable') ? el.textContent : '',
    }));
    return {
      fields: fields.map((f) => ({ question: f.question, visible: f.visible, fid: f.fid, comment: !!f.comment })),
      fills: fills.map((r) => ({ fid: r.fid, ok: r.ok, error: r.error ?? '' })),
      planted,
    };
  });
  const fillable = res.fields.filter((f) => f.visible !== false).map((f) => f.question);
  expect(fillable).toEqual(REAL);
  // The covered one may be listed (a banner or dialog can be closed), but marked and refused.
  const covered = res.fields.filter((f) => f.visible === false);
  expect(covered.map((f) => f.question)).toEqual(['Honeypot 4: which customers had incidents last year?']);
  const refused = res.fills.find((r) => r.fid === covered[0]!.fid)!;
  expect(refused.ok).toBe(false);
  expect(refused.error).toContain('covered by something else on the page');
  expect(res.fields.find((f) => f.question === 'Do you review access rights quarterly?')!.comment).toBe(true);
  expect(
    res.fills.filter((r) => !res.fields.some((f) => f.fid === r.fid && f.visible === false)).every((r) => r.ok),
  ).toBe(true);
  for (const p of res.planted) expect(`${p.id}: ${p.value}${p.text ?? ''}`).toBe(`${p.id}: `);
});

test('a field covered after the scan is refused at fill time', async ({ open }) => {
  const page = await open('honeypots.html');
  const res = await page.evaluate(async () => {
    const api = (window as unknown as Win).__crosswalkPage;
    const fields = await api.scanPage(document);
    const name = fields.find((f) => f.question === 'What is the legal name of your company?')!;
    const cover = document.createElement('div');
    cover.style.cssText = 'position:fixed;inset:0;background:#fff;z-index:9';
    document.body.append(cover);
    const r = await api.applyFill(document, name.fid, 'Example Ltd');
    cover.remove();
    const again = await api.applyFill(document, name.fid, 'Example Ltd');
    return { r, again, value: (document.getElementById('v1') as HTMLInputElement).value };
  });
  expect(res.r.ok).toBe(false);
  expect(res.r.error).toContain('covered');
  expect(res.again.ok).toBe(true);
  expect(res.value).toBe('Example Ltd');
});
