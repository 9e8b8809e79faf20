// Shared fixtures for the library tests: a fresh IndexedDB (fake-indexeddb) per test, sample records.
import { afterEach } from 'vitest';
import { deleteLibrary, openLibrary, type Library } from '../../../lib/library';
import type { EntryDraft, EvidenceDraft } from '../../../lib/library';

const opened: Library[] = [];
let counter = 0;

export async function freshLibrary(): Promise<Library> {
  const lib = await openLibrary(`test-${process.pid}-${++counter}-${Math.random().toString(36).slice(2)}`);
  opened.push(lib);
  return lib;
}

afterEach(async () => {
  for (const lib of opened.splice(0)) {
    lib.close();
    await deleteLibrary(lib.name);
  }
});

export function entryDraft(over: Partial<EntryDraft> = {}): EntryDraft {
  return {
    id: 'enc-rest',
    question: 'Do you encrypt customer data at rest?',
    answer: 'Yes. Customer data at rest is encrypted with AES-256 using keys held in a managed KMS.',
    shortAnswer: 'Yes',
    controls: [
      { framework: 'iso27001:2022', id: 'A.8.24' },
      { framework: 'soc2:2017', id: 'CC6.1' },
    ],
    owner: 'security@example.com',
    status: 'approved',
    approvedAt: '2025-01-15',
    reuse: { level: 'public' },
    tags: ['encryption'],
    ...over,
  };
}

export function evidenceDraft(over: Partial<EvidenceDraft> = {}): EvidenceDraft {
  return {
    id: 'ev-crypto-policy',
    title: 'Cryptography policy',
    kind: 'policy',
    location: { uri: 'policies/crypto.pdf', section: '3.2' },
    owner: 'ciso@example.com',
    issuedAt: '2024-11-01',
    reuse: { level: 'nda' },
    controls: [{ framework: 'iso27001:2022', id: 'A.8.24' }],
    ...over,
  };
}

export const bytes = (text: string) => new TextEncoder().encode(text);

/** The error `p` rejects with; fails the test when `p` resolves or rejects with a non-Error. */
export async function rejectionOf(p: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Error) return e;
    throw new Error(`expected an Error, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected the promise to reject, and it resolved');
}
