import { test, expect, type Win } from './page-harness';

const scan = async () =>
  (await (window as unknown as Win).__crosswalkPage.scanPage(document)).map(({ fid: _f, comment, ...f }) => ({
    ...f,
    hasComment: !!comment,
  }));

test('table questionnaire: row text is the question, select/radio columns are options, comments paired', async ({
  open,
}) => {
  const page = await open('table-questionnaire.html');
  const fields = await page.evaluate(scan);
  expect(fields.map((f) => [f.number, f.question, f.kind, f.hasComment])).toEqual([
    ['A&A-01.1', 'Are audit and assurance policies established and documented?', 'select', true],
    ['A&A-02.1', 'Are independent audits conducted at least annually?', 'select', true],
    ['AC-01', 'Is MFA enforced for all remote access?', 'radio', true],
    ['AC-02', 'Are user access rights reviewed quarterly?', 'radio', true],
    [undefined, 'Is data encrypted in transit?', 'radio', false],
    [undefined, 'Is data encrypted at rest?', 'radio', false],
    [undefined, 'Company legal name', 'text', false],
    [undefined, 'Number of data centres', 'text', false],
  ]);
  expect(fields[0]!.options).toEqual(['Yes', 'No', 'Not applicable']);
  expect(fields[2]!.options).toEqual(['Yes', 'No', 'N/A']);
  expect(fields[3]!.options).toEqual(['Yes', 'No', 'N/A']);
  expect(fields.map((f) => f.section)).toEqual([
    'Audit & assurance',
    'Audit & assurance',
    'Access control',
    'Access control',
    'Access control',
    'Section B — Encryption',
    'Section B — Encryption',
    'Section B — Encryption',
  ]);
  const res = await page.evaluate(async () => {
    const api = (window as unknown as Win).__crosswalkPage;
    const f = await api.scanPage(document);
    return [
      await api.applyFill(document, f[0]!.fid, 'N/A'),
      await api.applyFill(document, f[3]!.fid, 'Not applicable'),
      await api.applyFill(document, f[3]!.comment!, 'No remote access exists.'),
      await api.applyFill(document, f[1]!.fid, 'Maybe'),
    ];
  });
  expect(res[0]).toMatchObject({ ok: true, value: 'Not applicable' });
  expect(res[1]).toMatchObject({ ok: true, value: 'N/A' });
  expect(res[2]).toMatchObject({ ok: true });
  expect(res[3]).toMatchObject({ ok: false });
  expect(res[3]!.error).toContain('No option matches "Maybe"');
});

test('ARIA widgets without native inputs: radios, checkboxes, portalled and searchable comboboxes', async ({
  open,
}) => {
  const page = await open('aria-widgets.html');
  const fields = await page.evaluate(scan);
  expect(fields.map((f) => [f.question, f.kind, f.options])).toEqual([
    ['Do you have a SOC 2 Type II report?', 'radio', ['Yes', 'No']],
    ['Which of these do you log?', 'checkbox', ['Authentication events', 'Admin actions', 'Data exports']],
    ['Where is customer data hosted?', 'select', undefined],
    ['Data residency region', 'select', undefined],
    ['Do you have a vulnerability disclosure policy?', 'radio', ['Yes', 'No']],
  ]);
  expect(fields[0]!.required).toBe(true);
  const res = await page.evaluate(async () => {
    const w = window as unknown as Win;
    const api = w.__crosswalkPage;
    const f = await api.scanPage(document);
    const out = [
      await api.applyFill(document, f[0]!.fid, 'Yes'),
      await api.applyFill(document, f[1]!.fid, 'Admin actions; Data exports'),
      await api.applyFill(document, f[2]!.fid, 'On-premises'),
      await api.applyFill(document, f[3]!.fid, 'US West'),
      await api.applyFill(document, f[4]!.fid, 'No'),
    ];
    const undo = await api.undoFill(document, f[1]!.fid);
    return {
      out,
      undo,
      submitted: w.__log.some((e) => e.type === 'submit'),
      hosting: (document.querySelector('[name=hosting]') as HTMLInputElement).value,
    };
  });
  expect(res.out.map((r) => [r.ok, r.value])).toEqual([
    [true, 'Yes'],
    [true, 'Admin actions; Data exports'],
    [true, 'On-premises'],
    [true, 'US West'],
    [true, 'No'],
  ]);
  expect(res.hosting).toBe('On-premises');
  expect(res.undo).toMatchObject({ ok: true, value: '' });
  expect(res.submitted).toBe(false);
});

test('ARIA grid with contenteditable cells: row header is the question, Notes column is the comment', async ({
  open,
}) => {
  const page = await open('aria-grid.html');
  const fields = await page.evaluate(scan);
  expect(fields.map((f) => [f.question, f.kind, f.labelSource, f.hasComment, f.value])).toEqual([
    ['Do you rotate encryption keys annually?', 'contenteditable', 'grid-row', true, ''],
    ['Describe your key management system.', 'contenteditable', 'grid-row', true, ''],
    ['Who approves key destruction?', 'contenteditable', 'grid-row', true, 'Security officer'],
  ]);
  const res = await page.evaluate(async () => {
    const w = window as unknown as Win;
    const api = w.__crosswalkPage;
    const f = await api.scanPage(document);
    const a = await api.applyFill(document, f[1]!.fid, 'Keys live in a cloud KMS with HSM backing.');
    const b = await api.applyFill(document, f[2]!.fid, 'The CISO');
    const cell = document.getElementById('r4')!.textContent;
    const u = await api.undoFill(document, f[2]!.fid);
    return {
      a,
      b,
      cell,
      u,
      after: document.getElementById('r4')!.textContent,
      inputs: w.__log.filter((e) => e.type === 'input').map((e) => e.id),
    };
  });
  expect(res.a).toMatchObject({ ok: true, value: 'Keys live in a cloud KMS with HSM backing.' });
  expect(res.b).toMatchObject({ ok: true, value: 'The CISO', previous: 'Security officer' });
  expect(res.cell).toBe('The CISO');
  expect(res.inputs).toEqual(expect.arrayContaining(['r3', 'r4']));
  expect(res.u).toMatchObject({ ok: true, value: 'Security officer' });
  expect(res.after).toBe('Security officer');
});

test('web components: open shadow roots always, closed ones through the openShadowRoot hook', async ({ open }) => {
  const page = await open('shadow-components.html');
  const plain = await page.evaluate(scan);
  expect(plain.map((f) => [f.question, f.kind, f.hasComment, f.section])).toEqual([
    ['Do you sign DPAs with all subprocessors?', 'radio', true, 'Data protection'],
    ['Describe your data deletion process.', 'text', false, 'Data protection'],
  ]);
  const res = await page.evaluate(async () => {
    const w = window as unknown as Win & { __closedRoots: WeakMap<Element, ShadowRoot> };
    const api = w.__crosswalkPage;
    const opts = { openShadowRoot: (el: Element) => w.__closedRoots.get(el) ?? null };
    const f = await api.scanPage(document, opts);
    const closed = f.find((x) => x.question === 'Do you have a documented BCP?')!;
    const fill = await api.applyFill(document, closed.fid, 'yes');
    const radio = await api.applyFill(document, f[0]!.fid, 'No');
    const text = await api.applyFill(document, f[1]!.fid, 'Crypto-shredding within 30 days.');
    return { questions: f.map((x) => [x.question, x.kind, x.options]), fill, radio, text };
  });
  expect(res.questions[2]).toEqual(['Do you have a documented BCP?', 'select', ['Yes', 'No']]);
  expect(res.fill).toMatchObject({ ok: true, value: 'Yes' });
  expect(res.radio).toMatchObject({ ok: true, value: 'No' });
  expect(res.text).toMatchObject({ ok: true });
});

test('same-origin iframe: each frame scans its own document; fids carry no frame id', async ({ open }) => {
  const page = await open('iframe-host.html');
  const frame = page.frame({ url: /iframe-child/ })!;
  await frame.waitForLoadState();
  const top = await page.evaluate(scan);
  expect(top.map((f) => f.question)).toEqual(['Portal reference number']);
  const inner = await page.evaluate(async () => {
    const api = (window as unknown as Win).__crosswalkPage;
    const doc = (document.getElementById('gsft_main') as HTMLIFrameElement).contentDocument!;
    const f = await api.scanPage(doc);
    const r = await api.applyFill(doc, f[0]!.fid, 'Yes');
    return {
      f: f.map((x) => [x.fid, x.question, x.kind, x.section]),
      r,
      v: (doc.getElementById('asmt.q12') as HTMLSelectElement).value,
    };
  });
  expect(inner.f.map((x) => x.slice(1))).toEqual([
    ['Do you log privileged access?', 'select', 'Logging'],
    ['How long are logs retained?', 'text', 'Logging'],
  ]);
  expect(inner.f[0]![0]).toMatch(/^f\d+$/);
  expect(inner.r).toMatchObject({ ok: true, value: 'Yes' });
  expect(inner.v).toBe('yes');
});
