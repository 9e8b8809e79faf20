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
