// The review ledger in IndexedDB (fake-indexeddb): record fills, read back edits, decisions, sign-off,
// saving a page edit to the library as a draft with a notification, and the schema upgrade keeping data.
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../../lib/library/db';
import { ledgerOf } from '../../../lib/library/ledger-store';
import { deleteLibrary, openLibrary, type Library } from '../../../lib/library/repository';
import { toFillRecord } from '../../../lib/review/from-fill';
import { isPageEdit } from '../../../lib/review/page-edit';
import { entry, record } from './builders';

let n = 0;
let lib: Library | undefined;
afterEach(async () => {
  lib?.close();
  if (lib) await deleteLibrary(lib.name);
  lib = undefined;
});

async function setup() {
  lib = await openLibrary(`ledger-test-${++n}`);
  const { createdAt: _c, updatedAt: _u, version: _v, ...draft } = entry({ id: 'ans-1' });
  await lib.entries.put(draft);
  return { lib, ledger: ledgerOf(lib) };
}

const input = (over: Parameters<typeof record>[0] = {}) => {
  const { id: _i, at: _a, ...rest } = record(over);
  return rest;
};

describe('LedgerStore', () => {
  it('records fills and lists them per questionnaire', async () => {
    const { ledger } = await setup();
    await ledger.record([
      input({ fid: 'f1' }),
      input({ fid: 'f2', questionnaire: { ...record().questionnaire, id: 'q2', name: 'Globex' } }),
    ]);
    expect((await ledger.list({ questionnaireId: 'q1' })).map((r) => r.fid)).toEqual(['f1']);
    expect((await ledger.list()).length).toBe(2);
    const qs = await ledger.questionnaires();
    expect(qs.map((q) => [q.questionnaire.name, q.records, q.pending])).toEqual(
      expect.arrayContaining([
        ['Acme 2025', 1, 1],
        ['Globex', 1, 1],
      ]),
    );
  });

  it('records the same fill once: a retry or a second panel adds nothing and keeps the decision', async () => {
    const { ledger } = await setup();
    const fill = (fid: string, value: string) =>
      toFillRecord({
        ctx: {
          page: { url: 'https://portal.example/forms/42', title: 'Vendor form' },
          declared: { name: 'Acme 2025', recipient: 'Acme', scope: record().questionnaire.scope },
        },
        field: { fid, question: `Question ${fid}`, kind: 'textarea' },
        value,
        action: 'fill',
        trigger: 'fill-all',
      });
    const panelA = Array.from({ length: 17 }, (_, i) => fill(`0:f${i}`, `Answer ${i}`));
    const panelB = Array.from({ length: 17 }, (_, i) => fill(`0:f${i}`, `Answer ${i}`));
    const [first] = await ledger.record(panelA);
    await ledger.decide(first!.id, { status: 'approved', reviewer: 'Sam' });
    await Promise.all([ledger.record(panelB), ledger.record(panelA)]);
    const all = await ledger.list();
    expect(all).toHaveLength(17);
    expect(all.find((r) => r.id === first!.id)?.decision.status).toBe('approved');
    // A different value in the same field is a new fill, recorded as such.
    await ledger.record([fill('0:f0', 'A corrected answer')]);
    expect(await ledger.list()).toHaveLength(18);
  });

  it('refuses an invalid record with the field named, and saves none of the batch', async () => {
    const { ledger } = await setup();
    await expect(ledger.record([input(), { ...input(), fieldKind: 'slider' as never }])).rejects.toThrow(/fieldKind/);
    expect(await ledger.list()).toEqual([]);
  });

  it('detects an edit from a page read-back and keeps the diff', async () => {
    const { ledger } = await setup();
    const [rec] = await ledger.record([input({ value: 'Keys rotate every 90 days.' })]);
    const changed = await ledger.applyReadBack('q1', { f1: 'Keys rotate every 30 days.' });
    expect(changed.length).toBe(1);
    const stored = await ledger.get(rec!.id);
    expect(stored!.edit).toMatchObject({ editedAfterFill: true, currentValue: 'Keys rotate every 30 days.' });
    expect((await ledger.questionnaires())[0]!.edited).toBe(1);
  });

  it('records decisions with reviewer and time; send-back notifies the owner', async () => {
    const { ledger } = await setup();
    const [rec] = await ledger.record([input()]);
    await expect(ledger.decide(rec!.id, { status: 'approved', reviewer: '  ' })).rejects.toThrow(/your name/);
    const d = await ledger.decide(rec!.id, {
      status: 'sent-back',
      reviewer: 'Sam',
      note: 'Rotation period looks wrong',
    });
    expect(d.decision).toMatchObject({ status: 'sent-back', reviewer: 'Sam', note: 'Rotation period looks wrong' });
    expect(d.decision.at).toMatch(/^\d{4}-/);
    const notes = await ledger.notifications({ unreadOnly: true });
    expect(notes).toMatchObject([{ kind: 'sent-back', entryId: 'ans-1', note: 'Rotation period looks wrong' }]);
    await ledger.markNotificationRead(notes[0]!.id);
    expect(await ledger.notifications({ unreadOnly: true })).toEqual([]);
    await expect(ledger.decide('fill-nope', { status: 'approved', reviewer: 'Sam' })).rejects.toThrow(
      /No fill record "fill-nope"/,
    );
  });

  it('keeps every sign-off', async () => {
    const { ledger } = await setup();
    await ledger.record([input()]);
    await ledger.signOff('q1', 'Sam');
    await ledger.signOff('q1', 'Alex', 're-reviewed');
    expect((await ledger.signOffs('q1')).map((s) => s.reviewer)).toEqual(['Sam', 'Alex']);
    expect((await ledger.questionnaires())[0]!.signOff?.reviewer).toBe('Alex');
  });

  it('saves a page edit as a new draft version of the entry, with a notification', async () => {
    const { lib, ledger } = await setup();
    const [rec] = await ledger.record([input({ value: 'Yes. AES-256.' })]);
    await expect(ledger.saveEditToLibrary(rec!.id, 'new-version')).rejects.toThrow(/not edited/);
    await ledger.applyReadBack('q1', { f1: 'Yes. AES-256, keys in an HSM.' });
    const saved = await ledger.saveEditToLibrary(rec!.id, 'new-version');
    expect(saved).toMatchObject({
      id: 'ans-1',
      version: 2,
      status: 'draft',
      source: 'page edit',
      answer: 'Yes. AES-256, keys in an HSM.',
    });
    expect(isPageEdit((await lib.entries.get('ans-1'))!)).toBe(true);
    expect((await lib.entries.getVersion('ans-1', 1))!.status).toBe('approved');
    expect((await ledger.get(rec!.id))!.savedToLibrary).toMatchObject({
      mode: 'new-version',
      entryId: 'ans-1',
      version: 2,
    });
    expect(await ledger.notifications()).toMatchObject([{ kind: 'page-edit', entryId: 'ans-1', entryVersion: 2 }]);
  });

  it('saves a page edit as a new entry with the page wording', async () => {
    const { lib, ledger } = await setup();
    const [rec] = await ledger.record([input({ question: 'Is data encrypted at rest in the EU region?' })]);
    await ledger.applyReadBack('q1', { f1: 'Yes, in the EU region too.' });
    const saved = await ledger.saveEditToLibrary(rec!.id, 'new-entry');
    expect(saved.id).not.toBe('ans-1');
    expect(saved).toMatchObject({
      question: 'Is data encrypted at rest in the EU region?',
      status: 'draft',
      source: 'page edit',
      owner: 'Dana (Security)',
      version: 1,
    });
    expect((await lib.entries.get('ans-1'))!.version).toBe(1);
  });

  it('upgrades a version-2 library to the ledger schema without losing entries', async () => {
    const name = `ledger-upgrade-${++n}`;
    const old = new LibraryDb(name, 2);
    await old.open();
    const { controlKeys: _k, ...e } = { ...entry({ id: 'ans-old' }), controlKeys: [] };
    await old.entries.put({ ...e, controlKeys: [] });
    old.close();
    lib = await openLibrary(name);
    expect((await lib.entries.get('ans-old'))?.question).toBe(entry().question);
    const [rec] = await ledgerOf(lib).record([input()]);
    expect(rec!.id).toMatch(/^fill-/);
  });
});
