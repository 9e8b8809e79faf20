// Small builders for review tests: a valid entry / evidence item / fill record, overridden per case.
import { AnswerEntry, EvidenceItem, type AnswerEntryInput, type EvidenceItemInput } from '../../../lib/library/schema';
import type { ReuseContext } from '../../../lib/review/rules';
import { FillRecord, type FillRecordInput } from '../../../lib/review/schema';

const T = '2025-01-01T00:00:00.000Z';

export function entry(over: Partial<AnswerEntryInput> = {}): AnswerEntry {
  return AnswerEntry.parse({
    id: 'ans-1',
    question: 'Do you encrypt customer data at rest?',
    answer: 'Yes. All customer data at rest is encrypted with AES-256 using keys held in a managed KMS.',
    shortAnswer: 'Yes',
    owner: 'Dana (Security)',
    status: 'approved',
    reuse: { level: 'public' },
    createdAt: T,
    updatedAt: T,
    version: 1,
    ...over,
  });
}

export function evidence(over: Partial<EvidenceItemInput> = {}): EvidenceItem {
  return EvidenceItem.parse({
    id: 'evd-1',
    title: 'Encryption policy',
    kind: 'policy',
    location: { uri: 'policies/encryption.pdf', section: '3.2' },
    owner: 'Dana (Security)',
    reuse: { level: 'public' },
    createdAt: T,
    updatedAt: T,
    version: 1,
    ...over,
  });
}

export function ctx(over: Partial<ReuseContext> = {}): ReuseContext {
  return {
    entry: entry(),
    evidence: [],
    questionnaire: {
      recipient: 'Acme Corp',
      nda: false,
      scope: { services: [], environments: [], regions: [], dataTypes: [] },
    },
    today: '2025-06-15',
    ...over,
  };
}

export function record(over: Partial<FillRecordInput> = {}): FillRecord {
  return FillRecord.parse({
    id: 'fill-1',
    questionnaire: {
      id: 'q1',
      origin: 'http://127.0.0.1',
      url: 'http://127.0.0.1/form.html',
      pageTitle: 'Vendor form',
      name: 'Acme 2025',
      recipient: 'Acme Corp',
    },
    fid: 'f1',
    question: 'Is customer data encrypted at rest?',
    fieldKind: 'textarea',
    entryId: 'ans-1',
    entryVersion: 2,
    matchedQuestion: 'Do you encrypt customer data at rest?',
    owner: 'Dana (Security)',
    evidence: [
      {
        id: 'evd-1',
        title: 'Encryption policy',
        kind: 'policy',
        location: 'policies/encryption.pdf',
        section: '3.2',
        owner: 'Dana (Security)',
        validUntil: '2026-01-01',
      },
    ],
    controls: [
      { framework: 'iso27001:2022', id: 'A.8.24', title: 'Use of cryptography' },
      {
        framework: 'soc2:2017',
        id: 'CC6.1',
        title: 'Logical access security',
        via: {
          from: { framework: 'iso27001:2022', id: 'A.8.24' },
          to: { framework: 'soc2:2017', id: 'CC6.1' },
          source: 'published-mapping',
        },
      },
    ],
    confidence: 0.91,
    value: 'Yes. All customer data at rest is encrypted with AES-256.',
    action: 'fill',
    at: '2025-06-15T10:00:00.000Z',
    ...over,
  });
}
