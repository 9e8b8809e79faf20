// Table-driven tests, one table per reuse rule: each row is a situation a reviewer would recognise and
// whether (and how) the rule flags it.
import { describe, expect, it } from 'vitest';
import { conflictsRule } from '../../../lib/review/rules/conflicts';
import { monthsBefore, type ReuseContext } from '../../../lib/review/rules/context';
import { entryStaleRule } from '../../../lib/review/rules/entry-stale';
import { entryStatusRule } from '../../../lib/review/rules/entry-status';
import { evidenceExpiredRule } from '../../../lib/review/rules/evidence-expired';
import { frameworkLabellingRule, questionFamily } from '../../../lib/review/rules/framework-labelling';
import { isoCertificateRule } from '../../../lib/review/rules/iso-certificate';
import { evidenceSharingRule, reusePermissionRule } from '../../../lib/review/rules/reuse-permission';
import { scopeRule } from '../../../lib/review/rules/scope';
import { soc2ReportAgeRule } from '../../../lib/review/rules/soc2-report-age';
import { runReuseChecks } from '../../../lib/review/rules';
import type { FlagCode } from '../../../lib/review/schema';
import { ctx, entry, evidence } from './builders';

type Row = [name: string, ctx: ReuseContext, expected: FlagCode | null, mentions?: RegExp];

function table(rule: (c: ReuseContext) => ReturnType<typeof scopeRule>, rows: Row[]) {
  it.each(rows)('%s', (_name, c, expected, mentions) => {
    const flag = rule(c);
    expect(flag?.code ?? null).toBe(expected);
    if (flag) expect(flag.fix.length).toBeGreaterThan(10);
    if (mentions) expect(`${flag?.message} ${flag?.fix}`).toMatch(mentions);
  });
}

const scope = (s: Partial<Record<'services' | 'environments' | 'regions' | 'dataTypes', string[]>>) => ({
  services: [],
  environments: [],
  regions: [],
  dataTypes: [],
  ...s,
});
const q = (over: Partial<ReuseContext['questionnaire']>) => ({
  recipient: 'Acme Corp',
  nda: false,
  scope: scope({}),
  ...over,
});

describe('scope rule', () => {
  table(scopeRule, [
    [
      'unrestricted entry fits any questionnaire',
      ctx({ questionnaire: q({ scope: scope({ regions: ['EU'] }) }) }),
      null,
    ],
    ['questionnaire declares nothing', ctx({ entry: entry({ scope: scope({ regions: ['US'] }) }) }), null],
    [
      'declared region covered (case-insensitive)',
      ctx({
        entry: entry({ scope: scope({ regions: ['EU', 'US'] }) }),
        questionnaire: q({ scope: scope({ regions: ['eu'] }) }),
      }),
      null,
    ],
    [
      'declared region not covered',
      ctx({
        entry: entry({ scope: scope({ regions: ['US'] }) }),
        questionnaire: q({ scope: scope({ regions: ['EU'] }) }),
      }),
      'out-of-scope',
      /regions "EU"/,
    ],
    [
      'EU entry on a questionnaire declaring EU and US',
      ctx({
        entry: entry({ scope: scope({ regions: ['EU'] }) }),
        questionnaire: q({ scope: scope({ regions: ['EU', 'US'] }) }),
      }),
      'out-of-scope',
      /regions "US" \(entry covers "EU"\)/,
    ],
    [
      'one of two declared services missing',
      ctx({
        entry: entry({ scope: scope({ services: ['Payments API'] }) }),
        questionnaire: q({ scope: scope({ services: ['Payments API', 'Mobile app'] }) }),
      }),
      'out-of-scope',
      /"Mobile app"/,
    ],
    [
      'data type outside entry',
      ctx({
        entry: entry({ scope: scope({ dataTypes: ['PII'] }) }),
        questionnaire: q({ scope: scope({ dataTypes: ['PHI'] }) }),
      }),
      'out-of-scope',
      /data types "PHI"/,
    ],
    [
      'axes are independent',
      ctx({
        entry: entry({ scope: scope({ environments: ['production'] }) }),
        questionnaire: q({ scope: scope({ regions: ['EU'], environments: ['production'] }) }),
      }),
      null,
    ],
  ]);
});

describe('reuse permission rule', () => {
  table(reusePermissionRule, [
    ['public answer to anyone', ctx(), null],
    ['nda answer without NDA', ctx({ entry: entry({ reuse: { level: 'nda' } }) }), 'not-cleared-for-reuse', /NDA/],
    [
      'nda answer with NDA in place',
      ctx({ entry: entry({ reuse: { level: 'nda' } }), questionnaire: q({ nda: true }) }),
      null,
    ],
    [
      'internal answer never leaves',
      ctx({ entry: entry({ reuse: { level: 'internal' } }), questionnaire: q({ nda: true }) }),
      'not-cleared-for-reuse',
      /internal only/,
    ],
    [
      'named customer matches recipient',
      ctx({ entry: entry({ reuse: { level: 'customer', customer: 'acme corp' } }) }),
      null,
    ],
    [
      'named customer is someone else',
      ctx({ entry: entry({ reuse: { level: 'customer', customer: 'Globex' } }) }),
      'not-cleared-for-reuse',
      /Globex/,
    ],
    [
      'named customer, recipient not declared',
      ctx({ entry: entry({ reuse: { level: 'customer', customer: 'Globex' } }), questionnaire: q({ recipient: '' }) }),
      'recipient-unknown',
      /recipient/,
    ],
    [
      'nda answer to a named customer, "NDA in place" not ticked',
      ctx({ entry: entry({ reuse: { level: 'nda' } }), questionnaire: q({ recipient: 'Acme Corp', nda: false }) }),
      'not-cleared-for-reuse',
      /NDA in place/,
    ],
    [
      'public answer citing internal evidence: the answer may go',
      ctx({ evidence: [evidence({ title: 'Pen test report', reuse: { level: 'internal' } })] }),
      null,
    ],
  ]);
});

describe('evidence sharing rule', () => {
  table(evidenceSharingRule, [
    ['public evidence', ctx({ evidence: [evidence({ reuse: { level: 'public' } })] }), null],
    [
      'internal evidence: answer OK to share, evidence not',
      ctx({ evidence: [evidence({ title: 'Pen test report', reuse: { level: 'internal' } })] }),
      'evidence-not-shareable',
      /Answer OK to share; do not attach the evidence: "Pen test report"/,
    ],
    [
      'nda evidence with NDA in place',
      ctx({ evidence: [evidence({ reuse: { level: 'nda' } })], questionnaire: q({ nda: true }) }),
      null,
    ],
  ]);
});

describe('entry status rule', () => {
  table(entryStatusRule, [
    ['approved', ctx(), null],
    ['draft', ctx({ entry: entry({ status: 'draft' }) }), 'entry-not-approved', /draft/],
    ['retired', ctx({ entry: entry({ status: 'retired' }) }), 'entry-not-approved', /retired/],
  ]);
});

describe('entry review date rule', () => {
  table(entryStaleRule, [
    ['no review date', ctx(), null],
    ['due in the future', ctx({ entry: entry({ reviewBy: '2025-12-31' }) }), null],
    ['due today is not yet stale', ctx({ entry: entry({ reviewBy: '2025-06-15' }) }), null],
    ['due yesterday', ctx({ entry: entry({ reviewBy: '2025-06-14' }) }), 'entry-stale', /2025-06-14/],
  ]);
});

describe('evidence validity rule', () => {
  table(evidenceExpiredRule, [
    ['no evidence', ctx(), null],
    ['valid evidence', ctx({ evidence: [evidence({ validUntil: '2026-01-01' })] }), null],
    [
      'expired evidence',
      ctx({ evidence: [evidence({ validUntil: '2025-01-31' })] }),
      'evidence-expired',
      /valid until 2025-01-31/,
    ],
    ['retired evidence', ctx({ evidence: [evidence({ status: 'retired' })] }), 'evidence-expired', /retired/],
  ]);
});

describe('SOC 2 report age rule', () => {
  const soc2 = (periodEnd: string) =>
    evidence({
      title: 'SOC 2 Type II report',
      kind: 'report',
      frameworkDates: { soc2: { reportType: 'type2', periodEnd } },
    });
  table(soc2ReportAgeRule, [
    ['period ended 3 months ago', ctx({ evidence: [soc2('2025-03-31')] }), null],
    ['period ended exactly 12 months ago', ctx({ evidence: [soc2('2024-06-15')] }), null],
    ['period ended 12 months and a day ago', ctx({ evidence: [soc2('2024-06-14')] }), 'soc2-report-old', /2024-06-14/],
    ['no SOC 2 dates', ctx({ evidence: [evidence()] }), null],
  ]);
  it('counts calendar months, clamping to month ends', () => {
    expect(monthsBefore('2025-06-15', 12)).toBe('2024-06-15');
    expect(monthsBefore('2025-03-31', 1)).toBe('2025-02-28');
    expect(monthsBefore('2025-01-10', 1)).toBe('2024-12-10');
  });
});

describe('ISO certificate rule', () => {
  const cert = (iso: { certificateValidUntil?: string; nextSurveillanceAudit?: string }) =>
    evidence({ title: 'ISO 27001 certificate', kind: 'certificate', frameworkDates: { iso } });
  table(isoCertificateRule, [
    [
      'valid certificate, audit ahead',
      ctx({ evidence: [cert({ certificateValidUntil: '2027-01-01', nextSurveillanceAudit: '2025-09-01' })] }),
      null,
    ],
    [
      'certificate lapsed',
      ctx({ evidence: [cert({ certificateValidUntil: '2025-05-01' })] }),
      'iso-certificate-lapsed',
      /2025-05-01/,
    ],
    [
      'surveillance audit overdue',
      ctx({ evidence: [cert({ certificateValidUntil: '2027-01-01', nextSurveillanceAudit: '2025-04-01' })] }),
      'iso-surveillance-overdue',
      /2025-04-01/,
    ],
    [
      'lapsed wins over overdue audit',
      ctx({ evidence: [cert({ certificateValidUntil: '2025-05-01', nextSurveillanceAudit: '2025-04-01' })] }),
      'iso-certificate-lapsed',
    ],
  ]);
});

describe('framework labelling rule', () => {
  const socOnly = entry({ controls: [{ framework: 'soc2:2017', id: 'CC6.1' }] });
  const isoOnly = entry({ controls: [{ framework: 'iso27001:2022', id: 'A.8.24' }] });
  const socReport = evidence({
    title: 'SOC 2 report',
    kind: 'report',
    frameworkDates: { soc2: { periodEnd: '2025-03-31' } },
  });
  table(frameworkLabellingRule, [
    [
      'ISO question, SOC 2-only answer',
      ctx({ entry: socOnly, question: { text: 'Are you certified to ISO/IEC 27001:2022?' } }),
      'framework-mismatch',
      /ISO 27001 question.*SOC 2/,
    ],
    [
      'SOC 2 question, ISO-only answer',
      ctx({ entry: isoOnly, question: { text: 'Please provide your latest SOC 2 Type II report.' } }),
      'framework-mismatch',
      /SOC 2 question/,
    ],
    [
      'ISO question answered from SOC 2 evidence only',
      ctx({ entry: entry(), evidence: [socReport], question: { text: 'Share your Statement of Applicability' } }),
      'framework-mismatch',
    ],
    [
      'ISO question, ISO answer',
      ctx({ entry: isoOnly, question: { text: 'Which Annex A controls are excluded?' } }),
      null,
    ],
    ['general question', ctx({ entry: socOnly, question: { text: 'Do you encrypt data at rest?' } }), null],
    [
      'general text, classified only under ISO controls',
      ctx({
        entry: socOnly,
        question: { text: 'Do you encrypt data at rest?', controls: [{ framework: 'iso27001:2022', id: 'A.8.24' }] },
      }),
      'framework-mismatch',
    ],
    [
      'classified under both frameworks',
      ctx({
        entry: socOnly,
        question: {
          text: 'Do you encrypt data at rest?',
          controls: [
            { framework: 'iso27001:2022', id: 'A.8.24' },
            { framework: 'soc2:2017', id: 'CC6.1' },
          ],
        },
      }),
      null,
    ],
    ['answer cites no framework at all', ctx({ question: { text: 'Are you ISO 27001 certified?' } }), null],
    ['no question given', ctx({ entry: socOnly }), null],
  ]);
  it.each([
    ['Is your ISMS certified?', 'iso'],
    ['ISO 27001 certificate scope', 'iso'],
    ['Do you have a SOC2 report?', 'soc2'],
    ['Which Trust Services Criteria are in scope?', 'soc2'],
    ['Do you hold ISO 27001 and SOC 2?', null],
    ['Describe your backups', null],
  ])('question family of %j is %s', (text, fam) => expect(questionFamily(text)).toBe(fam));
});

describe('conflicts rule', () => {
  const other = (over: Parameters<typeof entry>[0]) => entry({ id: 'ans-2', owner: 'Lee (IT)', ...over });
  table(conflictsRule, [
    ['no other entries', ctx(), null],
    ['same question, same short answer', ctx({ otherEntries: [other({})] }), null],
    [
      'same question, opposite short answer',
      ctx({ otherEntries: [other({ shortAnswer: 'No', answer: 'No, not yet.' })] }),
      'conflict',
      /ans-2.*"No" instead of "Yes"/,
    ],
    [
      'near-same wording via an alternative',
      ctx({
        otherEntries: [
          other({
            question: 'Backups?',
            alternatives: ['Is customer data at rest encrypted?'],
            shortAnswer: 'Partial',
          }),
        ],
      }),
      'conflict',
    ],
    [
      'different question',
      ctx({ otherEntries: [other({ question: 'Do you run background checks on staff?', shortAnswer: 'No' })] }),
      null,
    ],
    ['conflicting entry is only a draft', ctx({ otherEntries: [other({ shortAnswer: 'No', status: 'draft' })] }), null],
    [
      'no short answers, different texts',
      ctx({
        entry: entry({ shortAnswer: undefined }),
        otherEntries: [
          other({
            shortAnswer: undefined,
            answer: 'Only the billing database is encrypted; file storage is planned for Q4.',
          }),
        ],
      }),
      'conflict',
      /different answer/,
    ],
    ['the entry itself is not a conflict', ctx({ otherEntries: [entry({ shortAnswer: 'No' })] }), null],
  ]);
});

describe('runReuseChecks', () => {
  it('returns every finding, most severe first, and nothing for a clean reuse', () => {
    expect(runReuseChecks(ctx())).toEqual([]);
    const flags = runReuseChecks(
      ctx({
        entry: entry({ reviewBy: '2025-01-01', reuse: { level: 'internal' } }),
        evidence: [evidence({ validUntil: '2024-12-31' })],
      }),
    );
    expect(flags.map((f) => f.code)).toEqual(['not-cleared-for-reuse', 'evidence-expired', 'entry-stale']);
  });
});
