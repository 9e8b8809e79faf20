// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { applyFill, scanPage, undoFill } from '../../../lib/page/index';
import { loadFixture } from './load-fixture';

const fid = async (q: string): Promise<string> => {
  const f = (await scanPage(document)).find((x) => x.question.startsWith(q));
  if (!f) throw new Error(`no field ${q}`);
  return f.fid;
};

describe('applyFill / undoFill (happy-dom; real-browser paths are in test/e2e/page-*.spec.ts)', () => {
  beforeEach(() => loadFixture('plain-form.html'));

  it('writes text with input, change and focusout events, reads it back, and undoes', async () => {
    const el = document.getElementById('q17') as HTMLTextAreaElement;
    const seen: string[] = [];
    for (const t of ['focusin', 'input', 'change', 'focusout']) el.addEventListener(t, () => seen.push(t));
    const id = await fid('Describe your incident');
    const r = await applyFill(document, id, 'We run tabletop exercises.');
    expect(r).toEqual({ fid: id, ok: true, value: 'We run tabletop exercises.', previous: '' });
    expect(seen).toEqual(['focusin', 'input', 'change', 'focusout']);
    expect(await undoFill(document, id)).toMatchObject({ ok: true, value: '' });
    expect(el.value).toBe('');
    expect((await undoFill(document, id)).ok).toBe(false);
  });

  it('picks select options by visible text with synonyms, and reports a miss with the options', async () => {
    const id = await fid('Hosting model');
    expect(await applyFill(document, id, 'not applicable')).toMatchObject({ ok: true, value: 'N/A' });
    expect((document.getElementById('hosting') as HTMLSelectElement).value).toBe('3: na');
    const miss = await applyFill(document, id, 'Hybrid');
    expect(miss.ok).toBe(false);
    expect(miss.error).toContain('SaaS, On-premises, N/A');
  });

  it('clicks radios and checkboxes by label, leading word of a long answer included', async () => {
    expect(
      await applyFill(document, await fid('Do you perform annual'), 'Yes - every March by an external firm.'),
    ).toMatchObject({ ok: true, value: 'Yes' });
    expect(await applyFill(document, await fid('Which frameworks'), 'SOC 2; PCI DSS')).toMatchObject({
      ok: true,
      value: 'SOC 2; PCI DSS',
    });
    expect(await applyFill(document, await fid('I confirm'), 'yes')).toMatchObject({
      ok: true,
      value: 'I confirm the answers are accurate',
    });
  });

  it('never touches read-only fields and reports stale or unknown fids', async () => {
    const locked = await applyFill(document, await fid('Account reference'), 'x');
    expect(locked.ok).toBe(false);
    expect((document.getElementById('locked') as HTMLInputElement).value).toBe('ACME-001');
    expect((await applyFill(document, 'f99999', 'x')).error).toMatch(/rescan/);
    const id = await fid('Hosting model');
    document.getElementById('hosting')!.remove();
    expect((await applyFill(document, id, 'SaaS')).error).toMatch(/left the page/);
  });

  it('truncates to maxlength and says so instead of claiming success', async () => {
    (document.getElementById('t88') as HTMLTextAreaElement).maxLength = 5;
    const r = await applyFill(document, await fid('Describe your vulnerability'), 'abcdefgh');
    expect(r).toMatchObject({ ok: false, value: 'abcde' });
    expect(r.error).toMatch(/takes 5/);
  });
});
