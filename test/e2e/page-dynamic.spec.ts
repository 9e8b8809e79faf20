import { test, expect, type Win } from './page-harness';

type W = Win & { __changes: { added: string[]; removed: string[]; total: number }[]; __ctrl: AbortController };

test('dynamic page: added questions, accordion and wizard steps arrive through observePage', async ({ open }) => {
  const page = await open('dynamic.html');
  const first = await page.evaluate(async () => {
    const w = window as unknown as W;
    const api = w.__crosswalkPage;
    const fields = await api.scanPage(document);
    w.__changes = [];
    w.__ctrl = new AbortController();
    api.observePage(
      document,
      (c) => w.__changes.push({ added: c.added.map((f) => f.question), removed: c.removed, total: c.fields.length }),
      w.__ctrl.signal,
      { debounceMs: 20 },
    );
    return fields.map((f) => [f.fid, f.question]);
  });
  expect(first.map((f) => f[1])).toEqual(['What is your company name?', 'Do you have a DR site?']);

  await page.click('#more');
  await expect.poll(() => page.evaluate(() => (window as unknown as W).__changes.length)).toBe(1);
  await page.click('#acc');
  await expect.poll(() => page.evaluate(() => (window as unknown as W).__changes.length)).toBe(2);
  await page.click('#next');
  await expect.poll(() => page.evaluate(() => (window as unknown as W).__changes.length)).toBe(3);
  const changes = await page.evaluate(() => (window as unknown as W).__changes);
  expect(changes[0]!.added).toEqual([
    'Added question 2: do you encrypt backups?',
    'Added question 3: do you encrypt backups?',
  ]);
  expect(changes[1]!.added).toEqual(['Is the BCP tested annually?', 'Who owns the BCP?']);
  expect(changes[2]!.added).toEqual(['Where is the DR site located?']);

  const after = await page.evaluate(async () => await (window as unknown as W).__crosswalkPage.scanPage(document));
  // The same elements keep their fids across rescans; sections come from the nearest heading.
  expect(after.find((f) => f.question === 'What is your company name?')!.fid).toBe(first[0]![0]);
  expect(after.find((f) => f.question === 'Is the BCP tested annually?')!.section).toBe(
    '3. Business Continuity (2 questions)',
  );
  expect(after.find((f) => f.question === 'Added question 3: do you encrypt backups?')!.section).toBe('1. General');

  // After abort, nothing more is reported.
  await page.evaluate(() => (window as unknown as W).__ctrl.abort());
  await page.click('#more');
  await page.waitForTimeout(150);
  expect(await page.evaluate(() => (window as unknown as W).__changes.length)).toBe(3);
});

test('large page: 1,000 questions found with the right kinds, in linear time', async ({ open }) => {
  const page = await open('large.html?n=1000');
  const r = await page.evaluate(async () => {
    const api = (window as unknown as Win).__crosswalkPage;
    const t0 = performance.now();
    const f = await api.scanPage(document);
    const ms = performance.now() - t0;
    return {
      n: f.length,
      kinds: [f[0]!.kind, f[1]!.kind, f[2]!.kind, f[3]!.kind],
      q999: f[998],
      q997: f[996],
      ms,
      sections: new Set(f.map((x) => x.section)).size,
    };
  });
  expect(r.n).toBe(1000);
  expect(r.kinds).toEqual(['radio', 'select', 'text', 'textarea']);
  expect(r.q999).toMatchObject({
    number: '999',
    question: 'Who owns control 999?',
    kind: 'text',
    section: 'Section 40',
    labelSource: 'preceding-text',
  });
  expect(r.q997).toMatchObject({
    number: '997',
    question: 'Is control 997 implemented?',
    kind: 'radio',
    section: 'Section 40',
    options: ['Yes', 'No', 'N/A'],
  });
  expect(r.sections).toBe(40);
});

test('highlight: scrolls to the field and draws a ring in a closed shadow root with no text', async ({ open }) => {
  const page = await open('large.html?n=200');
  const r = await page.evaluate(async () => {
    const api = (window as unknown as Win).__crosswalkPage;
    const f = await api.scanPage(document);
    const ok = api.highlightField(document, f[150]!.fid);
    const host = document.querySelector('[data-crosswalk-ui]') as HTMLElement;
    const missing = api.highlightField(document, 'nope');
    return {
      ok,
      missing,
      scrolled: window.scrollY > 0,
      open: host.shadowRoot,
      text: host.textContent,
      again: (await api.scanPage(document)).length,
    };
  });
  expect(r).toEqual({ ok: true, missing: false, scrolled: true, open: null, text: '', again: 200 });
});
