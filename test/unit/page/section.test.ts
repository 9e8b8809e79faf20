// @vitest-environment happy-dom
// A question's section is the nearest heading-like element before it: a heading, the legend of a fieldset
// holding several questions, a labelled group or region (SurveyJS panels), or a card header — never the
// text of a button, link or control next to the heading.
import { describe, expect, it } from 'vitest';
import { scanPage } from '../../../lib/page/index';

async function sections(html: string): Promise<[string, string | undefined][]> {
  document.body.innerHTML = html;
  return (await scanPage(document)).map((f) => [f.question, f.section]);
}

const q = (id: string, text: string) =>
  `<div class="q"><label for="${id}">${text}</label><input type="text" id="${id}"></div>`;

describe('section names', () => {
  it('takes the heading, not the collapse button beside it', async () => {
    expect(
      await sections(`<section aria-labelledby="h1">
      <div class="head"><h2 id="h1"><span>Section 1</span> Governance</h2><button type="button" aria-expanded="true" aria-controls="b1">Collapse</button></div>
      <div id="b1"><p>General information about your organization and its security governance.</p>${q('a', 'Who is your CISO?')}${q('b', 'How big is the team?')}</div>
    </section>
    <section><div class="head"><h2>Section 2 Risk</h2><a href="#top">Back to top</a></div><div>${q('c', 'Who accepts risk?')}</div></section>`),
    ).toEqual([
      ['Who is your CISO?', 'Section 1 Governance'],
      ['How big is the team?', 'Section 1 Governance'],
      ['Who accepts risk?', 'Section 2 Risk'],
    ]);
  });

  it('uses the legend of a fieldset that holds several questions, not a one-question legend', async () => {
    expect(
      await sections(`<fieldset><legend>Encryption</legend>${q('a', 'Which cipher suites do you allow?')}
      <fieldset><legend>Do you encrypt backups?</legend><label><input type="radio" name="r" value="y"> Yes</label><label><input type="radio" name="r" value="n"> No</label></fieldset>
    </fieldset>`),
    ).toEqual([
      ['Which cipher suites do you allow?', 'Encryption'],
      ['Do you encrypt backups?', 'Encryption'],
    ]);
  });

  it('uses an enclosing labelled group or region holding several questions (survey panels)', async () => {
    expect(
      await sections(`<div role="group" aria-label="Access control">${q('a', 'Is MFA enforced?')}${q('b', 'How often are reviews done?')}</div>
      <div role="region" aria-labelledby="t2"><div><span id="t2">Data protection</span></div>${q('c', 'Where is data stored?')}${q('d', 'How long is it kept?')}</div>`),
    ).toEqual([
      ['Is MFA enforced?', 'Access control'],
      ['How often are reviews done?', 'Access control'],
      ['Where is data stored?', 'Data protection'],
      ['How long is it kept?', 'Data protection'],
    ]);
  });

  it('uses a card header block, but not an intro sentence, a button or a one-question wrapper', async () => {
    expect(
      await sections(`<div class="card"><div class="card-head">Business continuity</div><div class="card-body">${q('a', 'What is your RTO?')}${q('b', 'What is your RPO?')}</div></div>
      <div class="card"><div class="card-head"><button type="button">Expand all</button></div><div class="card-body">${q('c', 'Who runs DR tests?')}${q('d', 'How often?')}</div></div>
      <div class="card"><p>Answer the questions below as they apply to your production environment.</p>${q('e', 'Which cloud provider?')}${q('f', 'Which regions?')}</div>`),
    ).toEqual([
      ['What is your RTO?', 'Business continuity'],
      ['What is your RPO?', 'Business continuity'],
      // No heading of their own: they keep the last section seen, never the button or the sentence.
      ['Who runs DR tests?', 'Business continuity'],
      ['How often?', 'Business continuity'],
      ['Which cloud provider?', 'Business continuity'],
      ['Which regions?', 'Business continuity'],
    ]);
  });

  it('uses a collapsible panel header (the toggle controlling the body after it), not another button', async () => {
    expect(
      await sections(`<h1>Vendor review</h1>
      <div class="panel"><div class="panel-head" role="button" tabindex="0" aria-expanded="true" aria-controls="p1"><span>Physical security</span></div>
        <div id="p1">${q('a', 'Are data centres badge controlled?')}${q('b', 'Is CCTV footage kept?')}</div></div>
      <div class="panel"><button type="button" aria-expanded="false">Show all answers</button>${q('c', 'Who reviews visitor logs?')}${q('d', 'How long are logs kept?')}</div>
      <div class="panel"><button type="button">Print this section</button>${q('e', 'Is there a clean desk policy?')}${q('f', 'Are screens locked?')}</div>`),
    ).toEqual([
      ['Are data centres badge controlled?', 'Physical security'],
      ['Is CCTV footage kept?', 'Physical security'],
      // A toggle that does not open the panel body after it, and a plain button, never name the group.
      ['Who reviews visitor logs?', 'Physical security'],
      ['How long are logs kept?', 'Physical security'],
      ['Is there a clean desk policy?', 'Physical security'],
      ['Are screens locked?', 'Physical security'],
    ]);
  });

  it('a heading inside a lone question block names its section when it is not the question itself', async () => {
    expect(
      await sections(`<h2>Section 9 Privacy</h2>${q('a', 'Who is your DPO?')}
      <section class="declare"><h2>Declaration</h2><label><input type="checkbox" name="d"> I certify that the answers above are accurate and complete.</label></section>`),
    ).toEqual([
      ['Who is your DPO?', 'Section 9 Privacy'],
      ['I certify that the answers above are accurate and complete.', 'Declaration'],
    ]);
  });
});
