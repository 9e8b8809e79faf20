// The background index over a real library (fake-indexeddb) and the real matching engine.
import { afterEach, describe, expect, it } from 'vitest';
import { matchEngine } from '../../../lib/background/engine';
import { IndexService, type CachedIndex, type IndexCache } from '../../../lib/background/index-service';
import { deleteLibrary, openLibrary, type Library } from '../../../lib/library/repository';

let n = 0;
const opened: Library[] = [];
async function library(): Promise<Library> {
  const lib = await openLibrary(`bg-index-test-${++n}`);
  opened.push(lib);
  return lib;
}
afterEach(async () => {
  for (const lib of opened.splice(0)) {
    lib.close();
    await deleteLibrary(lib.name);
  }
});

function memoryCache(): IndexCache & { value?: CachedIndex; writes: number } {
  const cache = {
    value: undefined as CachedIndex | undefined,
    writes: 0,
    read: async () => cache.value,
    write: async (v: CachedIndex) => {
      cache.value = structuredClone(v);
      cache.writes++;
    },
  };
  return cache;
}

const entry = (id: string, question: string, answer: string) => ({
  id,
  question,
  answer,
  owner: 'Security team',
  status: 'approved' as const,
  reuse: { level: 'public' as const },
  approvedAt: '2026-01-10',
});
const opts = { threshold: 0.8 };
const emptyScope = { services: [], environments: [], regions: [], dataTypes: [] };

describe('background index service', () => {
  it('builds from the library, persists, and a cold start loads the persisted index without a rebuild', async () => {
    const lib = await library();
    await lib.entries.put(
      entry(
        'ans-enc',
        'Is customer data encrypted at rest?',
        'Yes. All customer data is encrypted at rest with AES-256.',
      ),
    );
    const cache = memoryCache();
    const first = new IndexService(lib, matchEngine, cache);
    await first.start();
    expect(first.getStatus()).toMatchObject({ builtFrom: 'library', entries: 1 });
    expect(cache.writes).toBe(1);

    const cold = new IndexService(lib, matchEngine, cache);
    await cold.start();
    expect(cold.getStatus()).toMatchObject({ builtFrom: 'cache', entries: 1 });
    const [res] = await cold.match([{ question: 'Do you encrypt customer data at rest?' }], opts);
    expect(res!.suggestions[0]?.entryId).toBe('ans-enc');
  });

  it('follows edits, new entries and retirements incrementally, including writes from another context', async () => {
    const lib = await library();
    await lib.entries.put(
      entry(
        'ans-enc',
        'Is customer data encrypted at rest?',
        'Yes. All customer data is encrypted at rest with AES-256.',
      ),
    );
    const service = new IndexService(lib, matchEngine, memoryCache());
    await service.start();

    // Another page (the options page) writes through its own connection to the same database.
    const other = await openLibrary(lib.name);
    opened.push(other);
    await other.entries.put(
      entry(
        'ans-mfa',
        'Do you enforce multi-factor authentication?',
        'Yes. MFA is enforced for all workforce accounts.',
      ),
    );
    await other.entries.update('ans-enc', {
      answer: 'Yes. Customer data is encrypted at rest with AES-256 keys held in a KMS.',
    });

    const [mfa, enc] = await service.match(
      [{ question: 'Is MFA enforced for staff?' }, { question: 'Is customer data encrypted at rest?' }],
      opts,
    );
    expect(mfa!.suggestions[0]?.entryId).toBe('ans-mfa');
    expect(enc!.suggestions[0]).toMatchObject({ entryId: 'ans-enc', version: 2 });
    expect(service.getStatus()).toMatchObject({ builtFrom: 'library', entries: 2 });
    expect(service.getStatus().updates).toBeGreaterThan(0);

    await other.entries.retire('ans-mfa');
    const [after] = await service.match([{ question: 'Is MFA enforced for staff?' }], opts);
    expect(after!.suggestions.map((s) => s.entryId)).not.toContain('ans-mfa');
    expect(service.getStatus().entries).toBe(1);
  });

  it('rebuilds when the persisted index is unreadable instead of failing', async () => {
    const lib = await library();
    await lib.entries.put(entry('ans-enc', 'Is customer data encrypted at rest?', 'Yes, with AES-256.'));
    const cache = memoryCache();
    cache.value = {
      seq: await lib.changeSeq(),
      builtAt: 'x',
      entries: 1,
      evidence: 0,
      data: { format: 'something else' },
    };
    const service = new IndexService(lib, matchEngine, cache);
    await service.start();
    expect(service.getStatus()).toMatchObject({ builtFrom: 'library', entries: 1 });
  });

  it('a match during a long catch-up answers from the index as it was, and the next one sees the change', async () => {
    const lib = await library();
    await lib.entries.put(entry('ans-enc', 'Is customer data encrypted at rest?', 'Yes, with AES-256.'));
    // The change log is held the way an import's write transaction holds it, until the gate opens.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let held = false;
    const source = {
      loadAll: () => lib.loadAll(),
      changeSeq: () => lib.changeSeq(),
      changesSince: async (seq: number) => {
        if (held) await gate;
        return lib.changesSince(seq);
      },
      entries: lib.entries,
      evidence: lib.evidence,
    };
    const service = new IndexService(source, matchEngine, memoryCache(), { waitMs: 20 });
    await service.start();
    await lib.entries.put(entry('ans-mfa', 'Do you enforce multi-factor authentication?', 'Yes, for all staff.'));
    held = true;

    const [during] = await service.match([{ question: 'Is MFA enforced for staff?' }], opts);
    expect(service.lagging).toBe(true);
    expect(during!.suggestions.map((s) => s.entryId)).not.toContain('ans-mfa');
    // The next search does not wait again for the catch-up the first one gave up on: it answers at once, and
    // from the same consistent index.
    const clock = Date.now();
    const [again] = await service.match([{ question: 'Is MFA enforced for staff?' }], opts);
    expect(again!.suggestions.map((s) => s.entryId)).not.toContain('ans-mfa');
    expect(again!.suggestions[0]?.entryId).toBe(during!.suggestions[0]?.entryId);
    expect(Date.now() - clock).toBeLessThan(5_000); // not a timing check: "did not hang on the gate"

    open();
    await service.sync();
    const [after] = await service.match([{ question: 'Is MFA enforced for staff?' }], opts);
    expect(after!.suggestions[0]?.entryId).toBe('ans-mfa');
    expect(service.lagging).toBe(false);
  });

  it('a large change set is rebuilt into a new index, with every record in it', async () => {
    const lib = await library();
    const service = new IndexService(lib, matchEngine, memoryCache(), { rebuildAbove: 3 });
    await service.start();
    await lib.entries.bulkPut(
      ['backups', 'logging', 'patching', 'encryption', 'training'].map((topic, i) =>
        entry(`ans-${i}`, `Do you have a ${topic} policy?`, `Yes, our ${topic} policy is reviewed yearly.`),
      ),
    );
    const [res] = await service.match([{ question: 'Do you have a patching policy?' }], opts);
    expect(res!.suggestions[0]?.entryId).toBe('ans-2');
    expect(service.getStatus()).toMatchObject({ entries: 5, builtFrom: 'library', updates: 0 });
  });

  it('a rebuild gives the event loop back between slices, and the old index answers until the new one is whole', async () => {
    const lib = await library();
    await lib.entries.put(entry('ans-old', 'Do you have a vendor policy?', 'Yes, reviewed yearly.'));
    const service = new IndexService(lib, matchEngine, memoryCache(), { rebuildAbove: 3, sliceMs: 0, waitMs: 0 });
    await service.start();
    await lib.entries.bulkPut(
      ['backups', 'logging', 'patching', 'encryption', 'training'].map((topic, i) =>
        entry(`ans-${i}`, `Do you have a ${topic} policy?`, `Yes, our ${topic} policy is reviewed yearly.`),
      ),
    );
    const syncing = service.sync();
    // Matches made while the rebuild runs see the whole old index (1 entry), never a half-built new one.
    const seen = new Set<number>();
    for (let i = 0; i < 50 && service.getStatus().entries === 1; i++) {
      const [res] = await service.match([{ question: 'Do you have a patching policy?' }], opts);
      seen.add(res!.suggestions.filter((s) => s.entryId.startsWith('ans-') && s.entryId !== 'ans-old').length);
    }
    await syncing;
    expect(seen.size).toBeGreaterThan(0); // some matches did run while it was rebuilding
    expect([...seen].every((n) => n === 0)).toBe(true);
    const [res] = await service.match([{ question: 'Do you have a patching policy?' }], opts);
    expect(res!.suggestions[0]?.entryId).toBe('ans-2');
    expect(service.getStatus().entries).toBe(6);
    await service.sync(); // the catch-ups those matches queued end before the library closes
  });

  it('saves the index once the library is quiet, not after every change, and flush() saves a pending one', async () => {
    const lib = await library();
    await lib.entries.put(entry('ans-enc', 'Is customer data encrypted at rest?', 'Yes, with AES-256.'));
    const cache = memoryCache();
    const service = new IndexService(lib, matchEngine, cache, { persistDelayMs: 60_000 });
    await service.start();
    expect(cache.writes).toBe(1); // a cold start saves at once: there is nothing older to fall back on
    for (const topic of ['backups', 'logging', 'patching']) {
      await lib.entries.put(entry(`ans-${topic}`, `Do you have a ${topic} policy?`, 'Yes.'));
      await service.sync();
    }
    expect(service.getStatus().entries).toBe(4);
    expect(cache.writes).toBe(1);
    // bg/status says the saved copy is behind, so a caller knows a cold start now would rebuild.
    expect(service.getStatus().savedSeq).toBeLessThan(service.getStatus().seq);
    await service.flush();
    expect(cache.writes).toBe(2);
    expect(cache.value).toMatchObject({ entries: 4, seq: await lib.changeSeq() });
    expect(service.getStatus().savedSeq).toBe(service.getStatus().seq);

    // What was saved is what a cold start loads.
    const cold = new IndexService(lib, matchEngine, cache);
    await cold.start();
    expect(cold.getStatus()).toMatchObject({ builtFrom: 'cache', entries: 4 });
  });

  it('answers a questionnaire asking again from memory, until the question, context or library changes', async () => {
    const lib = await library();
    await lib.entries.put(entry('ans-enc', 'Is customer data encrypted at rest?', 'Yes, with AES-256.'));
    await lib.entries.put(entry('ans-mfa', 'Do you enforce multi-factor authentication?', 'Yes, for all staff.'));
    let matched = 0;
    const counting = {
      ...matchEngine,
      matchAll: (...args: Parameters<typeof matchEngine.matchAll>) => {
        matched += args[1].length;
        return matchEngine.matchAll(...args);
      },
    };
    const service = new IndexService(lib, counting, memoryCache());
    const questionnaire = 'https://portal.example/acme/security';
    const ask = (ids: [string, string], more: object = {}) =>
      service.match(
        [
          { id: ids[0], question: 'Do you encrypt customer data at rest?' },
          { id: ids[1], question: 'Is MFA enforced for staff?' },
        ],
        { ...opts, questionnaire, ...more },
      );

    const first = await ask(['f1', 'f2']);
    expect(matched).toBe(2);
    // A second panel (its own field ids) asks the same: nothing is matched again, and each answer carries its id.
    const again = await ask(['p1', 'p2']);
    expect(matched).toBe(2);
    expect(again.map((r) => r.id)).toEqual(['p1', 'p2']);
    expect(again.map(({ id: _, ...r }) => r)).toEqual(first.map(({ id: _, ...r }) => r));

    // Another declaration, another questionnaire, no questionnaire at all: matched again.
    await ask(['f1', 'f2'], { context: { name: '', recipient: 'Acme', nda: false, scope: emptyScope } });
    expect(matched).toBe(4);
    await service.match([{ question: 'Is MFA enforced for staff?' }], {
      ...opts,
      questionnaire: 'https://other.example/',
    });
    expect(matched).toBe(5);
    await service.match([{ question: 'Is MFA enforced for staff?' }], opts);
    await service.match([{ question: 'Is MFA enforced for staff?' }], opts);
    expect(matched).toBe(7);

    // An edit to the library: the stored answers are dropped and the new version is suggested.
    await lib.entries.update('ans-enc', { answer: 'Yes, with AES-256 keys held in a KMS.' });
    const [enc] = await ask(['f1', 'f2']);
    expect(matched).toBe(9);
    expect(enc!.suggestions[0]).toMatchObject({ entryId: 'ans-enc', version: 2 });
  });
});
