// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { scanPage } from '../../../lib/page/index';
import { loadFixture } from './load-fixture';

describe('scanPage on a plain server-rendered form', () => {
  beforeEach(() => loadFixture('plain-form.html'));

  const byQ = async (q: string) => {
    const all = await scanPage(document);
    const f = all.find((x) => x.question.startsWith(q));
    if (!f) throw new Error(`no field "${q}" in ${JSON.stringify(all.map((x) => x.question))}`);
    return f;
  };

  it('reads label[for] and strips the number into `number`', async () => {
    const f = await byQ('Describe your incident response process');
    expect(f).toMatchObject({ number: '17', kind: 'textarea', labelSource: 'label-for', section: '1. Governance' });
  });

  it('strips required markers and keeps aria-describedby guidance apart', async () => {
    const f = await byQ('Describe your vulnerability management program');
    expect(f.question).toBe('Describe your vulnerability management program');
    expect(f).toMatchObject({
      number: '1.2.3',
      required: true,
      helper: 'Cover scanning frequency, SLAs and exceptions.',
    });
  });

  it('takes preceding text in a card over the placeholder, help text as helper', async () => {
    const f = await byQ('Describe how access reviews are performed.');
    expect(f).toMatchObject({
      number: '2.3',
      helper: 'Include frequency and approvers.',
      labelSource: 'preceding-text',
    });
  });

  it('reports one radio field per group, question from the legend, options from labels, comment paired', async () => {
    const fields = await scanPage(document);
    const pt = fields.filter((f) => f.question.includes('penetration'));
    expect(pt).toHaveLength(1);
    expect(pt[0]).toMatchObject({
      kind: 'radio',
      options: ['Yes', 'No', 'Not applicable'],
      required: true,
      labelSource: 'legend',
      section: '2. People',
    });
    expect(pt[0]!.comment).toBeTruthy();
    expect(fields.some((f) => f.question === 'Please explain')).toBe(false);
  });

  it('groups checkboxes with text after the input as options', async () => {
    expect(await byQ('Which frameworks')).toMatchObject({
      kind: 'checkbox',
      options: ['ISO 27001', 'SOC 2', 'PCI DSS'],
      labelSource: 'aria-labelledby',
    });
  });

  it('uses dt for dd, inline preceding text, and aria-labelledby id lists', async () => {
    expect(await byQ('Primary security contact email')).toMatchObject({ kind: 'text', labelSource: 'definition-list' });
    expect(await byQ('Number of employees with production access')).toMatchObject({ kind: 'text' });
    expect(await byQ('List all sub-processors')).toMatchObject({
      number: '5.2',
      helper: 'Include country of processing.',
    });
  });

  it('lists select options by visible text without the placeholder', async () => {
    expect(await byQ('Hosting model')).toMatchObject({
      kind: 'select',
      options: ['SaaS', 'On-premises', 'N/A'],
      value: '',
    });
  });

  // The off-screen honeypot needs layout: the Playwright test covers it.
  it('ignores site search, language picker, login, hidden and hidden-type fields', async () => {
    const qs = (await scanPage(document)).map((f) => f.question);
    for (const bad of ['Search', 'Language', 'Username', 'Password', 'Hidden question', 'Filter menu']) {
      expect(qs.some((q) => q.toLowerCase().includes(bad.toLowerCase()))).toBe(false);
    }
  });

  it('marks read-only fields disabled and keeps their value', async () => {
    expect(await byQ('Account reference')).toMatchObject({ disabled: true, value: 'ACME-001' });
  });

  it('a lone checkbox is a checkbox question named by its label', async () => {
    expect(await byQ('I confirm the answers are accurate')).toMatchObject({
      kind: 'checkbox',
      options: ['I confirm the answers are accurate'],
    });
  });

  it('keeps fids stable across rescans and unique per field', async () => {
    const a = await scanPage(document);
    const b = await scanPage(document);
    expect(b.map((f) => f.fid)).toEqual(a.map((f) => f.fid));
    expect(new Set(a.map((f) => f.fid)).size).toBe(a.length);
    expect(a.filter((f) => f.question !== 'Website')).toHaveLength(12);
  });
});
