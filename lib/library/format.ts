// The Crosswalk library file format (FORMAT.md): version 1. Parsing is two-level on purpose: the
// envelope must be right for anything to load; then each record is checked on its own so one bad
// entry is reported with its position instead of hiding every other problem.
import { z } from 'zod';
import { AnswerEntry, EvidenceItem, IsoDateTime } from './schema';

export const LIBRARY_FORMAT = 'crosswalk-library';
export const LIBRARY_FORMAT_VERSION = 1;

export const LibraryEnvelope = z.object({
  format: z.literal(LIBRARY_FORMAT),
  version: z.literal(LIBRARY_FORMAT_VERSION),
  exportedAt: IsoDateTime,
  entries: z.array(z.unknown()),
  evidence: z.array(z.unknown()).default([]),
});

/** The whole file, strictly typed (for producers such as data/demo-library.json's test). */
export const LibraryFile = z.object({
  format: z.literal(LIBRARY_FORMAT),
  version: z.literal(LIBRARY_FORMAT_VERSION),
  exportedAt: IsoDateTime,
  entries: z.array(AnswerEntry),
  evidence: z.array(EvidenceItem).default([]),
});
export type LibraryFile = z.infer<typeof LibraryFile>;
