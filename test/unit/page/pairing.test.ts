// @vitest-environment happy-dom
// Comment / explanation boxes belong to the choice question they follow, wherever the page puts them:
// inside the question's container, in their own block right after it, or in a "Comment" table column.
import { describe, expect, it } from 'vitest';
import { scanPage } from '../../../lib/page/index';

const radios = (name: string) =>
  ['Yes', 'No', 'N/A'].map((o) => `<label><input type="radio" name="${name}" value="${o}"> ${o}</label>`).join('');

async function scan(html: string) {
  document.body.innerHTML = html;
  return await scanPage(document);
}

describe('comment pairing', () => {
  it('pairs a "Please explain" box in its own block right after a radio fieldset', async () => {
    const f = await scan(`<form><div class="body">
      <fieldset><legend>1.1 Do you encrypt laptops?</legend>${radios('a')}</fieldset>
      <div class="explain"><label for="a_c">Please explain</label><textarea id="a_c"></textarea></div>
      <fieldset><legend>1.2 Do you run phishing tests?</legend>${radios('b')}</fieldset>
      <div class="explain"><label for="b_c">If no, describe your compensating controls</label><textarea id="b_c"></textarea></div>
      <div><label for="c">1.3 Describe your backup process.</label><textarea id="c"></textarea></div>
    </div></form>`);
    expect(f.map((x) => [x.question, x.kind, !!x.comment])).toEqual([
      ['Do you encrypt laptops?', 'radio', true],
      ['Do you run phishing tests?', 'radio', true],
      ['Describe your backup process.', 'textarea', false],
    ]);
    // The comment fid names the box itself (filled separately from the radios).
    expect(f[0]!.comment).not.toBe(f[0]!.fid);
  });

  it('keeps a box that asks its own question, and one after a text answer', async () => {
    const f = await scan(`<div class="body">
      <fieldset><legend>2.1 Do you have a DPO?</legend>${radios('d')}</fieldset>
      <div><label for="e">2.2 What is the name and email address of your data protection officer?</label><textarea id="e"></textarea></div>
      <div><label for="g">2.3 Company name</label><input id="g" type="text"></div>
      <div><label for="h">Comments</label><textarea id="h"></textarea></div>
    </div>`);
    expect(f.map((x) => x.question)).toEqual([
      'Do you have a DPO?',
      'What is the name and email address of your data protection officer?',
      'Company name',
      'Comments',
    ]);
    expect(f.every((x) => !x.comment)).toBe(true);
  });

  it('pairs an unlabeled box inside the same question container, and a select with a "Notes" box', async () => {
    const f = await scan(`<div class="body">
      <div class="q"><p>3.1 Is MFA enforced for all staff?</p>${radios('m')}<textarea></textarea></div>
      <div class="q"><label for="s">3.2 How often are access reviews done?</label>
        <select id="s"><option value="">Select</option><option>Quarterly</option><option>Annually</option></select></div>
      <div class="note"><label for="sn">Additional information</label><input id="sn" type="text"></div>
      <div class="q"><label for="t">3.3 Who approves access?</label><input id="t" type="text"></div>
    </div>`);
    expect(f.map((x) => [x.question, x.kind, !!x.comment])).toEqual([
      ['Is MFA enforced for all staff?', 'radio', true],
      ['How often are access reviews done?', 'select', true],
      ['Who approves access?', 'text', false],
    ]);
  });

  it('pairs the comment column of a questionnaire table row', async () => {
    const f =
      await scan(`<table><thead><tr><th>#</th><th>Control</th><th>Response</th><th>Comment</th></tr></thead><tbody>
      <tr><td>4.1</td><th scope="row" id="r1">Code is peer reviewed.</th>
        <td><select aria-labelledby="r1"><option value="">Select</option><option>Yes</option><option>No</option></select></td>
        <td><input type="text" aria-label="Comment for 4.1"></td></tr>
      <tr><td>4.2</td><th scope="row" id="r2">Dependencies are scanned.</th>
        <td><select aria-labelledby="r2"><option value="">Select</option><option>Yes</option><option>No</option></select></td>
        <td><input type="text" placeholder="Comment"></td></tr>
    </tbody></table>`);
    expect(f.map((x) => [x.question, x.kind, !!x.comment])).toEqual([
      ['Code is peer reviewed.', 'select', true],
      ['Dependencies are scanned.', 'select', true],
    ]);
  });

  it('does not pair a follow-up box that is separated from the choice by another question', async () => {
    const f = await scan(`<div class="body">
      <fieldset><legend>5.1 Do you use subprocessors?</legend>${radios('p')}</fieldset>
      <div><label for="q">5.2 List your hosting regions</label><input id="q" type="text"></div>
      <div><label for="r">Please explain</label><textarea id="r"></textarea></div>
    </div>`);
    expect(f.find((x) => x.question.startsWith('Do you use'))!.comment).toBeUndefined();
  });
});
