// The judgement calls behind data/crosswalk/*.json, kept apart from the I/O in build-crosswalk.ts so a
// reviewer can read every rule and every disputed guide row on one page.
import type { EdgeSupport, Strength } from './schema';

/**
 * Strength of a published SOC 2 -> ISO 27001:2022 edge.
 *
 * - strong:  both independent derivations agree (AICPA/NIST chain AND the CISO Assistant/Adobe pivot), or the
 *            AICPA/NIST chain links the pair through >= 2 shared NIST SP 800-53 controls. Both legs of that
 *            chain are published by their authorities, and two shared controls mean the overlap is not a fluke
 *            of one broad 800-53 control.
 * - partial: one source with real support: the Adobe pivot alone with >= 3 points of focus mapped (several
 *            points of the criterion land on the control).
 * - weak:    thin support: the chain through a single shared 800-53 control (broad controls such as PM-9 or
 *            SA-9 join many unrelated pairs), or the pivot alone with 1-2 points of focus.
 */
export function publishedStrength(s: EdgeSupport): Strength {
  const chain = s.sharedNist80053 ?? 0;
  const pivot = s.pointsOfFocusMapped ?? 0;
  if ((chain > 0 && pivot > 0) || chain >= 2) return 'strong';
  if (pivot >= 3) return 'partial';
  return 'weak';
}

export type GuideVerdict = 'partial' | 'weak' | 'nonexistent';

/**
 * Strength of a comparison-guide edge. The guide is one secondary source stating domain-level claims, so it
 * never makes an edge strong on its own.
 * - a row checked in guide-check.md takes that verdict (partial for A.10 -> CC6.6, weak otherwise);
 * - otherwise partial when at least one published edge reaches the same criterion from a 2022 successor of the
 *   domain's controls (via ISO 27002:2022 Annex B), weak when none does.
 */
export function guideStrength(verdict: GuideVerdict | undefined, publishedEdges: number): Strength {
  if (verdict === 'partial') return 'partial';
  if (verdict) return 'weak';
  return publishedEdges > 0 ? 'partial' : 'weak';
}

export const STRENGTH_RULES = {
  annexB: "strong: ISO/IEC 27002:2022 Annex B is the standard's own correspondence between the two editions.",
  published:
    'strong: both sources, or the AICPA/NIST chain through >= 2 shared NIST SP 800-53 controls; ' +
    'partial: the Adobe pivot alone with >= 3 points of focus mapped; ' +
    'weak: the chain through a single shared 800-53 control, or the pivot alone with 1-2 points of focus.',
  guide:
    'never strong (one secondary, domain-level source). Rows checked in ../shared/data/guide-check.md take its verdict ' +
    '(A.10 -> CC6.6 partial, the others weak); other rows are partial when a published edge reaches the same criterion ' +
    'from a 2022 successor of the domain (via Annex B), weak when none does.',
} as const;

export interface GuideCheck {
  verdict: GuideVerdict;
  /** SOC 2 ids the published mappings support for this domain instead (facts from guide-check.md). */
  published: string[];
  /** Our own words. */
  note: string;
}

/** Guide rows contradicted by the published mappings, keyed "<2013 domain>><SOC 2 id as the guide gives it>". */
export const GUIDE_CHECK: Record<string, GuideCheck> = {
  'A.8>CC5.1': {
    verdict: 'weak',
    published: ['CC6.1', 'CC6.5', 'C1.1', 'C1.2'],
    note: 'CC5.1 is about choosing control activities that reduce risk, not about assets; no source links asset management to it. Asset inventory is a point of focus of CC6.1, disposal is CC6.5, and classification of confidential information is C1.1/C1.2.',
  },
  'A.10>CC6.6': {
    verdict: 'partial',
    published: ['CC6.1', 'CC6.7'],
    note: 'CC6.6 (protection at the system boundary) touches encryption only in passing. Encrypting stored data and managing keys are points of focus of CC6.1, and encryption in transit is CC6.7.',
  },
  'A.11>CC6.2': {
    verdict: 'weak',
    published: ['CC6.4', 'CC6.5', 'A1.2'],
    note: 'CC6.2 covers registering users and issuing logical credentials. Physical access to facilities is CC6.4, secure disposal of equipment CC6.5, and environmental protection of the site A1.2.',
  },
  'A.13>CC6.8': {
    verdict: 'weak',
    published: ['CC6.6', 'CC6.1', 'CC6.7'],
    note: 'CC6.8 is about stopping malicious or unauthorised software, not network security. Network boundaries are CC6.6, segmentation is a point of focus of CC6.1, and protecting data in transmission is CC6.7.',
  },
  'A.13>CC6.9': {
    verdict: 'nonexistent',
    published: ['CC6.6', 'CC6.1', 'CC6.7'],
    note: 'There is no CC6.9: the 2017 Trust Services Criteria stop at CC6.8. For communications security cite CC6.6, CC6.1 and CC6.7.',
  },
  'A.15>CC7.2': {
    verdict: 'weak',
    published: ['CC9.2', 'CC9.1'],
    note: 'CC7.2 is about monitoring systems for anomalies. Managing the risk of vendors and business partners is CC9.2 (with CC9.1 for business-disruption risk).',
  },
  'A.17>CC7.3': {
    verdict: 'weak',
    published: ['A1.2', 'A1.3', 'CC7.5', 'CC9.1'],
    note: 'CC7.3 evaluates security events to decide whether they are incidents; no source ties it to continuity. Backups, recovery infrastructure and recovery tests are A1.2/A1.3, recovering from incidents is CC7.5, and planning for business disruption is CC9.1.',
  },
  'A.18>CC8.1': {
    verdict: 'weak',
    published: ['CC2.2', 'CC2.3', 'CC3.2', 'CC3.4', 'CC1.1', 'CC4.1', 'CC5.2'],
    note: 'The guide writes "CC8.x", but CC8 holds only CC8.1, change management; the link to compliance is indirect (one technical-compliance-review control). Legal and contractual duties show up in communication (CC2.2/CC2.3), risk assessment (CC3.2/CC3.4), ethics (CC1.1), independent evaluation (CC4.1) and policies (CC5.2), and privacy law in the P series.',
  },
};
