// A small dialog shown in the questionnaire page for the triggers that have no panel of their own (the
// keyboard shortcut, the context menu): ask for the questionnaire's recipient and scope once, ask before a
// fill the policy wants confirmed, or say why nothing was filled. It runs in the page through
// scripting.executeScript in the extension's isolated world, inside a shadow root, and accepts only trusted
// clicks and key presses, so page scripts can neither read nor press it.
import { browser } from 'wxt/browser';
import { z } from 'zod';

export interface ContextFields {
  name: string;
  recipient: string;
  nda: boolean;
  services: string;
  environments: string;
  regions: string;
  dataTypes: string;
}

export type DialogSpec =
  | { kind: 'context'; title: string; intro: string; fields: ContextFields }
  | { kind: 'confirm'; title: string; question: string; answer: string; reasons: string[]; ok: string }
  | { kind: 'notice'; title: string; lines: string[] };

export const DialogResult = z.union([
  z.object({ ok: z.literal(false) }),
  z.object({
    ok: z.literal(true),
    fields: z
      .object({
        name: z.string().max(200),
        recipient: z.string().max(200),
        nda: z.boolean(),
        services: z.string().max(2000),
        environments: z.string().max(2000),
        regions: z.string().max(2000),
        dataTypes: z.string().max(2000),
      })
      .optional(),
  }),
]);
export type DialogResult = z.infer<typeof DialogResult>;

/** Runs in the page: self-contained (no imports, no outer variables), returns when the person answers. */
export function showDialog(spec: DialogSpec): Promise<DialogResult> {
  return new Promise((resolve) => {
    const host = document.createElement('crosswalk-dialog');
    host.setAttribute('style', 'all: initial; position: fixed; inset: 0; z-index: 2147483647;');
    const root = host.attachShadow({ mode: 'open' });
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}) => {
      const e = document.createElement(tag);
      if (text !== undefined) e.textContent = text;
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      return e;
    };
    const style = el('style');
    style.textContent = `
      .back{position:fixed;inset:0;background:rgba(15,23,42,.45);display:grid;place-items:center;font:14px/1.45 system-ui,sans-serif;color:#1c2430}
      .box{background:#fff;border-radius:10px;max-width:520px;width:calc(100% - 32px);max-height:80vh;overflow:auto;padding:18px 20px;box-shadow:0 10px 30px rgba(0,0,0,.25)}
      h2{font-size:16px;margin:0 0 8px}p{margin:4px 0}.muted{color:#5d6878;font-size:12.5px}
      .answer{white-space:pre-wrap;background:#f1f3f6;border-radius:6px;padding:8px;margin:8px 0;max-height:30vh;overflow:auto}
      ul{margin:6px 0;padding-left:18px}label{display:block;margin:6px 0;font-size:13px}
      input[type=text]{display:block;width:100%;box-sizing:border-box;padding:5px 8px;border:1px solid #dde1e7;border-radius:6px;font:inherit}
      .row{display:flex;gap:8px;justify-content:flex-end;margin-top:12px}
      button{font:inherit;padding:6px 14px;border-radius:6px;border:1px solid #dde1e7;background:#fff;cursor:pointer}
      button.primary{background:#2452c7;border-color:#2452c7;color:#fff}`;
    const back = el('div', undefined, { class: 'back' });
    const box = el('div', undefined, { class: 'box', role: 'dialog', 'aria-modal': 'true', 'aria-label': spec.title });
    box.append(el('h2', spec.title));
    const inputs: Record<string, HTMLInputElement> = {};
    if (spec.kind === 'context') {
      box.append(el('p', spec.intro, { class: 'muted' }));
      const text = (key: keyof typeof spec.fields, label: string, hint = '') => {
        const l = el('label', label);
        const i = el('input', undefined, { type: 'text', placeholder: hint, 'aria-label': label });
        i.value = String(spec.fields[key]);
        inputs[key] = i;
        l.append(i);
        box.append(l);
      };
      text('name', 'Questionnaire name');
      text('recipient', 'Recipient (customer)', 'Who will read the answers');
      const l = el('label');
      const c = el('input', undefined, { type: 'checkbox', 'aria-label': 'NDA in place with the recipient' });
      c.checked = spec.fields.nda;
      inputs.nda = c;
      l.append(c, document.createTextNode(' NDA in place with the recipient'));
      box.append(l);
      text('services', 'Declared scope: services', 'e.g. Payments API');
      text('environments', 'Declared scope: environments', 'e.g. production');
      text('regions', 'Declared scope: regions', 'e.g. EU, US');
      text('dataTypes', 'Declared scope: data types', 'e.g. PII');
    } else if (spec.kind === 'confirm') {
      box.append(el('p', spec.question, { class: 'muted' }));
      box.append(el('div', spec.answer, { class: 'answer' }));
      const ul = el('ul');
      for (const r of spec.reasons) ul.append(el('li', r));
      box.append(ul);
    } else {
      const ul = el('ul');
      for (const r of spec.lines) ul.append(el('li', r));
      box.append(ul);
    }
    const row = el('div', undefined, { class: 'row' });
    // The shortcut and the context menu read the focused field: give focus back to it when the dialog closes.
    const before = document.activeElement;
    const done = (result: DialogResult) => {
      host.remove();
      if (before instanceof HTMLElement) before.focus({ preventScroll: true });
      resolve(result);
    };
    const cancel = el('button', spec.kind === 'notice' ? 'OK' : 'Cancel');
    row.append(cancel);
    let ok: HTMLButtonElement | undefined;
    if (spec.kind !== 'notice') {
      ok = el('button', spec.kind === 'confirm' ? spec.ok : 'Use for this page', { class: 'primary' });
      row.append(ok);
    }
    box.append(row);
    back.append(box);
    root.append(style, back);
    // Only a person's click or key counts: a page script's synthetic event is not trusted.
    cancel.addEventListener('click', (e) => e.isTrusted && done({ ok: false }));
    ok?.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      if (spec.kind !== 'context') return done({ ok: true });
      const v = (k: string) => inputs[k]!.value.trim();
      done({
        ok: true,
        fields: {
          name: v('name'),
          recipient: v('recipient'),
          nda: inputs.nda!.checked,
          services: v('services'),
          environments: v('environments'),
          regions: v('regions'),
          dataTypes: v('dataTypes'),
        },
      });
    });
    back.addEventListener('keydown', (e) => e.isTrusted && e.key === 'Escape' && done({ ok: false }));
    document.documentElement.append(host);
    (ok ?? cancel).focus();
  });
}

/** Show the dialog in one frame of the tab and wait for the answer (a closed or refused page counts as no). */
export async function askInPage(tabId: number, frameId: number, spec: DialogSpec): Promise<DialogResult> {
  try {
    const [res] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      func: showDialog,
      args: [spec],
    });
    const parsed = DialogResult.safeParse(res?.result);
    return parsed.success ? parsed.data : { ok: false };
  } catch {
    return { ok: false };
  }
}
