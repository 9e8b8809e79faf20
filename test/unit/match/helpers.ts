// Small hand-made libraries and catalogs for the matching tests: each test states what it expects and why.
import type { AnswerEntry, AnswerEntryInput, EvidenceItem } from '../../../lib/library/schema';
import { AnswerEntry as AnswerEntrySchema, EvidenceItem as EvidenceSchema } from '../../../lib/library/schema';

const NOW = '2026-01-01T00:00:00Z';

export function entry(
  id: string,
  question: string,
  answer: string,
  extra: Partial<AnswerEntryInput> = {},
): AnswerEntry {
  return AnswerEntrySchema.parse({
    id,
    question,
    answer,
    owner: 'security@example.com',
    status: 'approved',
    approvedAt: '2026-01-01',
    reviewBy: '2027-01-01',
    reuse: { level: 'nda' },
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
    ...extra,
  });
}

export function evidence(id: string, title: string, extra: Record<string, unknown> = {}): EvidenceItem {
  return EvidenceSchema.parse({
    id,
    title,
    kind: 'policy',
    location: { uri: 'policies/security.pdf', section: '§4' },
    owner: 'grc@example.com',
    issuedAt: '2025-06-01',
    validUntil: '2027-06-01',
    reuse: { level: 'nda' },
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
    ...extra,
  });
}

export const TODAY = '2026-06-01';

/** A library of distinct topics, so each question has exactly one right entry. */
export function smallLibrary(): AnswerEntry[] {
  return [
    entry(
      'mfa',
      'Do you enforce multi-factor authentication for employees?',
      'Yes. All staff sign in with hardware security keys.',
      { shortAnswer: 'Yes', controls: [{ framework: 'iso27001:2022', id: 'A.8.5' }], evidenceIds: ['ev-access'] },
    ),
    entry(
      'rest',
      'Is customer data encrypted at rest?',
      'Yes. Databases and backups use AES-256 with keys in a cloud KMS.',
      { shortAnswer: 'Yes', controls: [{ framework: 'iso27001:2022', id: 'A.8.24' }] },
    ),
    entry(
      'pentest',
      'Do you commission independent penetration tests?',
      'Yes. An outside firm tests the product every year.',
      { shortAnswer: 'Yes', controls: [{ framework: 'iso27001:2022', id: 'A.8.8' }] },
    ),
    entry('bcp', 'Do you have a business continuity plan?', 'Yes. The plan is tested twice a year.', {
      shortAnswer: 'Yes',
      controls: [{ framework: 'iso27001:2022', id: 'A.5.30' }],
    }),
    entry('hipaa', 'Are you subject to HIPAA?', 'Not applicable: we do not process health information.', {
      shortAnswer: 'N/A',
    }),
    entry(
      'screening',
      'Do you run background checks on new hires?',
      'Yes, identity, employment and criminal checks where law allows.',
      { shortAnswer: 'Yes', controls: [{ framework: 'iso27001:2022', id: 'A.6.1' }] },
    ),
  ];
}
