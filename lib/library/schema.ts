// The evidence library's records, one schema per trust boundary (IndexedDB, import files, messages).
// Follows the crosswalk memo's evidence matrix: one row per claim with source, owner, artifact,
// date, review trigger and reuse permission. ISO and SOC 2 owners and dates are kept apart.
import { z } from 'zod';
import { ControlRef, Framework } from '../controls';
import { parseIsoDate } from './dates';
import { messages } from './errors';

/** A calendar date (YYYY-MM-DD naming a real day): the same check as CSV/XLSX cells (dates.ts). */
export const IsoDate = z
  .string()
  .refine((v) => parseIsoDate(v) !== undefined, { error: (iss) => messages.badDate(iss.input) });
/** zod's datetime already refuses impossible days ("2026-02-30T00:00:00Z"); tests pin that. */
export const IsoDateTime = z.string().datetime({ offset: true });

/** What a short answer means on a Yes/No/N/A choice field. The stored short answer itself is any short text. */
export const ShortAnswer = z.enum(['Yes', 'No', 'N/A', 'Partial', 'Other']);
export type ShortAnswer = z.infer<typeof ShortAnswer>;

/** Longest short answer: a number, a yes/no, a name or a short phrase ("612", "99.9%", "Yes", "Ireland"). */
export const SHORT_ANSWER_MAX = 200;

const SHORT_MEANINGS: Record<string, ShortAnswer> = {
  yes: 'Yes',
  y: 'Yes',
  true: 'Yes',
  no: 'No',
  n: 'No',
  false: 'No',
  'n/a': 'N/A',
  na: 'N/A',
  'not applicable': 'N/A',
  partial: 'Partial',
  partially: 'Partial',
  other: 'Other',
};

/**
 * The choice a short answer stands for ("yes" → Yes, "N/A" → N/A), or undefined when it is other text
 * ("612", "Ireland"): such an answer still fills a text field, it just picks no option.
 */
export function shortAnswerMeaning(text: string | undefined): ShortAnswer | undefined {
  if (!text) return undefined;
  return SHORT_MEANINGS[text.trim().toLowerCase().replace(/\.$/, '')];
}

export const EntryStatus = z.enum(['draft', 'approved', 'retired']);
export type EntryStatus = z.infer<typeof EntryStatus>;

/** Who may receive an answer or a piece of evidence. `customer` names one customer in `customer`. */
export const ReusePermission = z.discriminatedUnion('level', [
  z.object({ level: z.literal('public') }),
  z.object({ level: z.literal('nda') }),
  z.object({ level: z.literal('internal') }),
  z.object({ level: z.literal('customer'), customer: z.string().min(1) }),
]);
export type ReusePermission = z.infer<typeof ReusePermission>;

/** Where a claim holds. An empty list means "not restricted" on that axis. */
export const Scope = z.object({
  services: z.array(z.string()).default([]),
  environments: z.array(z.string()).default([]),
  regions: z.array(z.string()).default([]),
  dataTypes: z.array(z.string()).default([]),
});
export type Scope = z.infer<typeof Scope>;

/** A person's role on one framework's side. Never copied from ISO to SOC 2 or back. */
export const FrameworkRoles = z.object({
  owner: z.string().optional(),
  reviewer: z.string().optional(),
  approver: z.string().optional(),
  reviewedAt: IsoDate.optional(),
});
export type FrameworkRoles = z.infer<typeof FrameworkRoles>;

export const AnswerEntry = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  alternatives: z.array(z.string()).default([]),
  answer: z.string().min(1),
  /** The answer in a few words, as written: "Yes", "No", "N/A", "612", "99.9". Choice fields read its meaning. */
  shortAnswer: z.string().min(1).max(SHORT_ANSWER_MAX).optional(),
  /** Free-text comments carried over from a questionnaire's Comments/Notes column; never shown to customers by default. */
  notes: z.string().optional(),
  controls: z.array(ControlRef).default([]),
  evidenceIds: z.array(z.string()).default([]),
  owner: z.string().min(1),
  /** Reviewer and approver per framework, kept apart (an ISO review cycle is not a SOC 2 report period). */
  roles: z.partialRecord(Framework, FrameworkRoles).default({}),
  status: EntryStatus,
  /** Who approved the current answer (a person or a team). */
  approvedBy: z.string().min(1).optional(),
  approvedAt: IsoDate.optional(),
  reviewBy: IsoDate.optional(),
  scope: Scope.default({ services: [], environments: [], regions: [], dataTypes: [] }),
  reuse: ReusePermission,
  tags: z.array(z.string()).default([]),
  /** Where it came from: "demo", "import:file.csv#row12", "page edit", ... */
  source: z.string().default('manual'),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int().positive(),
});
export type AnswerEntry = z.infer<typeof AnswerEntry>;
export type AnswerEntryInput = z.input<typeof AnswerEntry>;

export const EvidenceKind = z.enum(['policy', 'procedure', 'report', 'certificate', 'screenshot', 'ticket', 'other']);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/** Framework-specific dates, kept apart: a SOC 2 report period is not an ISO certificate cycle. */
export const EvidenceFrameworkDates = z.object({
  soc2: z
    .object({
      reportType: z.enum(['type1', 'type2']).optional(),
      periodStart: IsoDate.optional(),
      periodEnd: IsoDate.optional(),
    })
    .optional(),
  iso: z
    .object({
      certificateIssued: IsoDate.optional(),
      certificateValidUntil: IsoDate.optional(),
      nextSurveillanceAudit: IsoDate.optional(),
    })
    .optional(),
});
export type EvidenceFrameworkDates = z.infer<typeof EvidenceFrameworkDates>;

export const EvidenceItem = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  kind: EvidenceKind,
  /** URL or file name, plus section or page when it points inside a document. */
  location: z.object({ uri: z.string().min(1), section: z.string().optional() }),
  owner: z.string().min(1),
  issuedAt: IsoDate.optional(),
  validUntil: IsoDate.optional(),
  frameworkDates: EvidenceFrameworkDates.default({}),
  reuse: ReusePermission,
  controls: z.array(ControlRef).default([]),
  summary: z.string().optional(),
  status: z.enum(['current', 'retired']).default('current'),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int().positive(),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;
export type EvidenceItemInput = z.input<typeof EvidenceItem>;
