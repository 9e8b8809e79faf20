import { test, expect, type Win } from './page-harness';

test('plain form: questions, kinds, options, and what is ignored', async ({ open }) => {
  const page = await open('plain-form.html');
  const fields = await page.evaluate(async () => await (window as unknown as Win).__crosswalkPage.scanPage(document));
  const qs = fields.map((f) => f.question);
  expect(qs).toEqual([
    'Describe your incident response process.',
    'Describe your vulnerability management program',
    'Describe how access reviews are performed.',
    'Do you perform annual penetration tests?',
    'Which frameworks are you certified against?',
    'Primary security contact email',
    'Number of employees with production access',
    'List all sub-processors that access customer data.',
    'Hosting model',
    'Data retention period (days)',
    'Account reference',
    'I confirm the answers are accurate',
  ]);
  expect(fields.map((f) => f.kind)).toEqual([
    'textarea',
    'textarea',
    'textarea',
    'radio',
    'checkbox',
    'text',
    'text',
    'textarea',
    'select',
    'text',
    'text',
    'checkbox',
  ]);
  expect(fields[3]!.options).toEqual(['Yes', 'No', 'Not applicable']);
});

test('plain form: fills reach the page (tracker, blur validation, select by text, radios, undo)', async ({ open }) => {
  const page = await open('plain-form.html');
  const out = await page.evaluate(async () => {
    const w = window as unknown as Win;
    const api = w.__crosswalkPage;
    const fields = await api.scanPage(document);
    const fid = (q: string) => fields.find((f) => f.question.startsWith(q))!.fid;
    const results = [];
    results.push(await api.applyFill(document, fid('Describe your incident'), 'We follow a documented IR plan.'));
    results.push(await api.applyFill(document, fid('Data retention'), '90'));
    results.push(await api.applyFill(document, fid('Hosting model'), 'Not applicable'));
    results.push(await api.applyFill(document, fid('Do you perform annual'), 'No'));
    const pen = fields.find((f) => f.question.startsWith('Do you perform annual'))!;
    results.push(await api.applyFill(document, pen.comment!, 'Tests run every two years.'));
    results.push(await api.applyFill(document, fid('Which frameworks'), 'ISO 27001; SOC 2'));
    results.push(await api.applyFill(document, fid('Account reference'), 'changed'));
    results.push(await api.applyFill(document, fid('Number of employees'), 'lots'));
    const afterFill = api.readFields(
      document,
      fields.map((f) => f.fid),
    );
    const committed = { ...w.__committed };
    const undo = await api.undoFill(document, fid('Hosting model'));
    const undoText = await api.undoFill(document, fid('Describe your incident'));
    const undoRadio = await api.undoFill(document, fid('Do you perform annual'));
    return {
      results,
      committed,
      committedAfterUndo: w.__committed['q17'],
      blur: w['__blurValidated'],
      log: w.__log.map((e) => `${e.type}:${e.id}`),
      afterFill,
      undo,
      undoText,
      undoRadio,
      textarea: (document.getElementById('q17') as HTMLTextAreaElement).value,
      submitted: w.__log.some((e) => e.type === 'submit'),
    };
  });
  const [ir, ret, host, pen, comment, fw, locked, num] = out.results;
  expect(ir).toMatchObject({ ok: true, value: 'We follow a documented IR plan.', previous: '' });
  expect(out.committed['q17']).toBe('We follow a documented IR plan.');
  expect(ret!.ok).toBe(true);
  expect(out.blur).toBe('90');
  expect(host).toMatchObject({ ok: true, value: 'N/A' });
  expect(pen).toMatchObject({ ok: true, value: 'No' });
  expect(comment).toMatchObject({ ok: true, value: 'Tests run every two years.' });
  expect(fw).toMatchObject({ ok: true, value: 'ISO 27001; SOC 2' });
  expect(locked!.ok).toBe(false);
  expect(locked!.error).toMatch(/read-only/);
  expect(num!.ok).toBe(false);
  expect(out.log).toEqual(
    expect.arrayContaining(['input:q17', 'change:q17', 'focusout:q17', 'change:hosting', 'click:pt', 'change:pt']),
  );
  expect(out.undo).toMatchObject({ ok: true, value: '' });
  expect(out.undoText).toMatchObject({ ok: true, value: '' });
  expect(out.textarea).toBe('');
  expect(out.committedAfterUndo).toBe('');
  expect(out.undoRadio).toMatchObject({ ok: true, value: '' });
  expect(out.submitted).toBe(false);
});
