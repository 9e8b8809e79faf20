// @vitest-environment happy-dom
// Portal shapes from issue #16 in their smallest form: a label that only names a control code with the
// question in its hint, upload questions with their comment box, multi-selects, matrix comment columns.
import { describe, expect, it } from 'vitest';
import { applyFill, scanPage } from '../../../lib/page/index';

async function scan(html: string) {
  document.body.innerHTML = html;
  return await scanPage(document);
}

describe('question text from the hint a control points at', () => {
  it('reads the hint as the question when the label is only a control code, and keeps the code as number', async () => {
    const f = await scan(`<table><tbody>
      <tr><td><label for="a">Control AAC-02</label></td>
        <td><select id="a" aria-describedby="a-h"><option value="">-- None --</option><option>Yes</option><option>No</option></select>
        <span id="a-h">Do you audit compliance against a named security standard?</span></td></tr>
      <tr><td><label for="b">How often are access rights reviewed?</label></td>
        <td><input id="b" type="text" aria-describedby="b-h"><span id="b-h">Give the interval in months.</span></td></tr>
    </tbody></table>`);
    expect(f.map((x) => [x.question, x.number, x.helper])).toEqual([
      ['Do you audit compliance against a named security standard?', 'AAC-02', undefined],
      ['How often are access rights reviewed?', undefined, 'Give the interval in months.'],
    ]);
  });

  it('reads help text the page shows without linking it, when the label is only a code, id or number', async () => {
    const f = await scan(`<form>
      <div class="field"><label for="a">SOC CC7.2</label><input id="a" type="text">
        <div class="field-help">Describe how security events are detected and triaged.</div></div>
      <div class="field"><label for="b">Q9</label><p class="instructions">List the regions where backups are stored.</p>
        <textarea id="b"></textarea></div>
      <div class="field"><h4>Item A.8.24</h4><select id="c"><option>Yes</option><option>No</option></select>
        <div role="note">Do you manage cryptographic keys centrally?</div></div>
      <div class="field"><label for="d">How long are audit logs kept?</label><input id="d" type="text">
        <span class="hint">In months.</span></div>
    </form>`);
    expect(f.map((x) => [x.question, x.number])).toEqual([
      ['Describe how security events are detected and triaged.', 'CC7.2'],
      ['List the regions where backups are stored.', 'Q9'],
      ['Do you manage cryptographic keys centrally?', 'A.8.24'],
      // A real question keeps its label; the help beside it is not the question.
      ['How long are audit logs kept?', undefined],
    ]);
  });

  it('does not take a help block that holds a control or a label, nor one outside the field', async () => {
    const f = await scan(`<form>
      <div class="help-panel"><label for="x">Ticket 42</label><input id="x" type="text"></div>
      <p class="help">Ask your account manager if anything is unclear.</p>
    </form>`);
    expect(f.map((x) => x.question)).toEqual(['Ticket 42']);
  });

  it('keeps a heading as the question when the hint only explains how to answer', async () => {
    const f = await scan(`<section><h3>Data retention period</h3>
      <input id="r" type="text" aria-describedby="r-h"><small id="r-h">In days, for example 90.</small></section>`);
    expect(f.map((x) => [x.question, x.helper])).toEqual([['Data retention period', 'In days, for example 90.']]);
  });
});

describe('upload questions', () => {
  it('reports a file input as kind file, pairs its comment box, and refuses to fill it', async () => {
    const f = await scan(`<form>
      <div class="q"><label for="u1">Upload your most recent SOC 2 Type II report.</label><input id="u1" type="file">
        <label for="u1c">Comment</label><textarea id="u1c"></textarea></div>
      <div class="q"><label for="t">Company legal name</label><input id="t" type="text"></div>
    </form>`);
    expect(f.map((x) => [x.question, x.kind, !!x.comment])).toEqual([
      ['Upload your most recent SOC 2 Type II report.', 'file', true],
      ['Company legal name', 'text', false],
    ]);
    expect(f.some((x) => x.question === 'Comment')).toBe(false);
    // The comment box is not listed, so its content rides with the upload (the panel must not write over it).
    expect(f[0]!.commentValue).toBeUndefined();
    (document.getElementById('u1c') as HTMLTextAreaElement).value = 'Shared under NDA only.';
    expect((await scanPage(document))[0]!.commentValue).toBe('Shared under NDA only.');
    const res = await applyFill(document, f[0]!.fid, 'soc2.pdf');
    expect(res.ok).toBe(false);
    expect(res.error).toContain('never uploads');
    expect((await applyFill(document, f[0]!.comment!, 'Attached: SOC 2 report 2025, v3.')).ok).toBe(true);
  });
});

describe('multi-selects', () => {
  it('reports a native select multiple and a widget marked multiple as checkbox, a single select as select', async () => {
    const f = await scan(`<form>
      <div><label for="m">Which frameworks are you certified against?</label>
        <select id="m" multiple><option>ISO 27001</option><option>SOC 2</option><option>PCI DSS</option></select></div>
      <div><label for="s">Where is customer data hosted?</label>
        <select id="s"><option>EU</option><option>US</option></select></div>
      <div><label id="l">Which events do you log?</label>
        <div class="ant-select ant-select-multiple"><input role="combobox" aria-labelledby="l" aria-haspopup="listbox"></div></div>
    </form>`);
    expect(f.map((x) => [x.question, x.kind])).toEqual([
      ['Which frameworks are you certified against?', 'checkbox'],
      ['Where is customer data hosted?', 'select'],
      ['Which events do you log?', 'checkbox'],
    ]);
    expect(f[0]!.options).toEqual(['ISO 27001', 'SOC 2', 'PCI DSS']);
    const res = await applyFill(document, f[0]!.fid, 'ISO 27001; PCI DSS');
    expect(res).toMatchObject({ ok: true, value: 'ISO 27001; PCI DSS' });
    // Named in another order than the page lists them: the page's order is what reads back, and it is kept.
    const rev = await applyFill(document, f[0]!.fid, 'PCI DSS; SOC 2');
    expect(rev).toMatchObject({ ok: true, value: 'SOC 2; PCI DSS' });
  });
});

describe('matrix rows', () => {
  // SurveyJS names every cell "row <row text>, column <column title>" for screen readers.
  const cell = (row: string, col: string, inner: string): string =>
    inner.replace('NAME', `aria-label="row ${row}, column ${col}"`);
  const radioRow = (q: string, n: number): string =>
    `<tr><td><span>${q}</span></td>${['Yes', 'No', 'Partly']
      .map((c) => `<td><label>${cell(q, c, `<input type="radio" name="r${n}" value="${c}" NAME>`)}</label></td>`)
      .join('')}</tr>`;
  const dropdownRow = (q: string, n: number): string =>
    `<tr><td><span>${q}</span></td>
      <td>${cell(q, 'Status', `<select id="s${n}" NAME><option>Implemented</option><option>Planned</option></select>`)}</td>
      <td>${cell(q, 'Evidence or comment', `<input id="c${n}" type="text" NAME>`)}</td></tr>`;

  it('names each row by its text, keeps the column headers as options, and pairs the comment column', async () => {
    const f = await scan(`<form>
      <table><thead><tr><td></td><th>Yes</th><th>No</th><th>Partly</th></tr></thead>
        <tbody>${radioRow('Are shared accounts prohibited?', 1)}${radioRow('Are passwords hashed?', 2)}</tbody></table>
      <table><thead><tr><td></td><th>Status</th><th>Evidence or comment</th></tr></thead>
        <tbody>${dropdownRow('Are logs kept for a year?', 1)}${dropdownRow('Are servers hardened?', 2)}</tbody></table>
    </form>`);
    expect(f.map((x) => [x.question, x.kind, x.options, !!x.comment])).toEqual([
      ['Are shared accounts prohibited?', 'radio', ['Yes', 'No', 'Partly'], false],
      ['Are passwords hashed?', 'radio', ['Yes', 'No', 'Partly'], false],
      ['Are logs kept for a year?', 'select', ['Implemented', 'Planned'], true],
      ['Are servers hardened?', 'select', ['Implemented', 'Planned'], true],
    ]);
    // The comment filled through the row's question lands in that row's comment cell.
    expect((await applyFill(document, f[3]!.comment!, 'CIS benchmark, 2025 audit.')).ok).toBe(true);
    expect((document.getElementById('c2') as HTMLInputElement).value).toBe('CIS benchmark, 2025 audit.');
    expect((document.getElementById('c1') as HTMLInputElement).value).toBe('');
  });

  it('keeps a column that is not a follow-up as its own question, named by row and column', async () => {
    const f = await scan(`<table><thead><tr><td></td><th>Owner</th><th>Review date</th></tr></thead><tbody>
      <tr><td>Access policy</td><td><input type="text" aria-label="row Access policy, column Owner"></td>
        <td><input type="text" aria-label="row Access policy, column Review date"></td></tr></tbody></table>`);
    expect(f.map((x) => x.question)).toEqual(['Access policy — Owner', 'Access policy — Review date']);
  });
});

describe('names that carry more than the question or the option', () => {
  it('reads an ARIA checkbox or switch named by its content as a lone question', async () => {
    const f = await scan(`<main><h2>Vendors</h2>
      <div><textarea aria-label="Outline the scope of your last audit."></textarea></div>
      <div><div role="checkbox" aria-checked="false" tabindex="0">Do subcontractors sign confidentiality agreements?</div></div>
      <div><div role="switch" aria-checked="false" tabindex="0">Are shared accounts prohibited?</div></div></main>`);
    expect(f.map((x) => [x.question, x.kind])).toEqual([
      ['Outline the scope of your last audit.', 'textarea'],
      ['Do subcontractors sign confidentiality agreements?', 'checkbox'],
      ['Are shared accounts prohibited?', 'checkbox'],
    ]);
  });

  it('reads the options a select-only combobox holds itself', async () => {
    const f = await scan(`<label id="l">How often is the policy reviewed?</label>
      <div role="combobox" aria-labelledby="l" aria-haspopup="listbox" tabindex="0">
        <div role="option" aria-selected="true">Quarterly</div><div role="option" aria-selected="false">Annually</div></div>`);
    expect(f.map((x) => [x.question, x.options])).toEqual([
      ['How often is the policy reviewed?', ['Quarterly', 'Annually']],
    ]);
  });

  it('cuts the row question out of option names that repeat it (grid rows named "Yes, response for ...")', async () => {
    const row = (q: string): string =>
      `<div role="radiogroup" aria-label="${q}"><span>${q}</span>${['Yes', 'No', 'Not applicable']
        .map((o) => `<div role="radio" aria-checked="false" tabindex="0" aria-label="${o}, response for ${q}"></div>`)
        .join('')}</div>`;
    const f = await scan(`<div><div role="heading" aria-level="3">Resilience checks</div>
      ${row('Are backups stored off site?')}${row('Are backups encrypted?')}</div>`);
    expect(f.map((x) => [x.question, x.options])).toEqual([
      ['Are backups stored off site?', ['Yes', 'No', 'Not applicable']],
      ['Are backups encrypted?', ['Yes', 'No', 'Not applicable']],
    ]);
    // The page's own script checks a radio on click, as Google Forms does.
    document.addEventListener('click', (e) => {
      const r = (e.target as Element).closest('[role=radio]');
      if (!r) return;
      for (const o of r.parentElement!.querySelectorAll('[role=radio]'))
        o.setAttribute('aria-checked', String(o === r));
    });
    const res = await applyFill(document, f[1]!.fid, 'Not applicable');
    expect(res).toMatchObject({ ok: true, value: 'Not applicable' });
    expect(document.querySelectorAll('[aria-checked=true]')[0]!.getAttribute('aria-label')).toBe(
      'Not applicable, response for Are backups encrypted?',
    );
  });

  it('leaves out the fieldset legend that aria-labelledby adds before each question (form.io)', async () => {
    const f = await scan(`<fieldset><legend id="lg">Operations detail</legend>
      <label for="t" id="tl">Describe your change process.</label>
      <textarea id="t" aria-labelledby="lg tl"></textarea>
      <label id="ql" aria-hidden="true">Which events raise an alert?</label>
      <div role="group" aria-labelledby="lg ql">
        <input type="checkbox" id="c1"><label for="c1">Failed logins</label>
        <input type="checkbox" id="c2"><label for="c2">Config changes</label></div></fieldset>`);
    expect(f.map((x) => [x.question, x.kind, x.section])).toEqual([
      ['Describe your change process.', 'textarea', 'Operations detail'],
      ['Which events raise an alert?', 'checkbox', 'Operations detail'],
    ]);
  });
});

describe('a closed custom dropdown with no single/multi markup', () => {
  const combo = (id: string, q: string, cls = ''): string =>
    `<div><label id="${id}">${q}</label><div class="${cls}"><div><input role="combobox" aria-labelledby="${id}" aria-haspopup="true"></div></div></div>`;

  it('is multi when the question asks for a plural noun, single otherwise or when the widget says single', async () => {
    const f = await scan(`<form>
      ${combo('a', 'Which certifications does your organisation hold?')}
      ${combo('b', 'What kinds of tests run before release?')}
      ${combo('c', 'Which identity provider does your company use?')}
      ${combo('d', 'Which lawful basis covers the processing of contacts?')}
      ${combo('e', 'What types of data do you store?')}
      ${combo('f', 'Which regions host customer data?', 'ant-select ant-select-single')}
    </form>`);
    expect(f.map((x) => x.kind)).toEqual(['checkbox', 'checkbox', 'select', 'select', 'select', 'select']);
  });
});
