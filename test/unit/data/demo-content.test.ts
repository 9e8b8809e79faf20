// Validates data/demo-library.json (the demo library users load first) and data/demo-questionnaire.html. It must parse with the real
// schemas, cite only controls that exist, cover every ISO 27001:2022 theme and SOC 2 group, and carry
// the deliberate problems the review screens demonstrate (stale entries, an expired document, one conflict).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FRAMEWORKS, type Framework } from '../../../lib/controls/framework';
import { AnswerEntry, EvidenceItem, IsoDateTime } from '../../../lib/library/schema';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** The demo's "today": entries due for review before this date are stale. */
const DEMO_TODAY = '2026-11-28';

const Envelope = z.object({
  format: z.literal('crosswalk-library'),
  version: z.literal(1),
  exportedAt: IsoDateTime,
  entries: z.array(z.unknown()),
  evidence: z.array(z.unknown()),
});

function loadLibrary() {
  const raw: unknown = JSON.parse(readFileSync(`${root}data/demo-library.json`, 'utf8'));
  const env = Envelope.parse(raw);
  // Parse record by record so a failure names the record instead of a bare array index.
  const entries = env.entries.map((e, i) => {
    const r = AnswerEntry.safeParse(e);
    if (!r.success) throw new Error(`entries[${i}] (${(e as { id?: string }).id}): ${r.error.message}`);
    return r.data;
  });
  const evidence = env.evidence.map((e, i) => {
    const r = EvidenceItem.safeParse(e);
    if (!r.success) throw new Error(`evidence[${i}] (${(e as { id?: string }).id}): ${r.error.message}`);
    return r.data;
  });
  return { exportedAt: env.exportedAt, entries, evidence };
}

/** Control ids per framework: the project catalogs (data/controls) when present, else the shared research data. */
function loadCatalogs(): Record<Framework, Set<string>> {
  const project: Record<Framework, string> = {
    'iso27001:2022': 'data/controls/iso27001-2022.json',
    'iso27001:2013': 'data/controls/iso27001-2013.json',
    'soc2:2017': 'data/controls/soc2-2017.json',
  };
  const shared: Record<Framework, string> = {
    'iso27001:2022': `${root}../shared/data/iso27001-2022.json`,
    'iso27001:2013': `${root}../shared/data/iso27001-2013.json`,
    'soc2:2017': `${root}../shared/data/soc2-2017-rev2022.json`,
  };
  const out = {} as Record<Framework, Set<string>>;
  for (const fw of FRAMEWORKS) {
    const local = `${root}${project[fw]}`;
    if (existsSync(local)) {
      const file = JSON.parse(readFileSync(local, 'utf8')) as { controls: { id: string }[] };
      out[fw] = new Set(file.controls.map((c) => c.id));
    } else if (existsSync(shared[fw])) {
      const list = JSON.parse(readFileSync(shared[fw], 'utf8')) as { id: string }[];
      out[fw] = new Set(list.map((c) => c.id));
    } else {
      throw new Error(
        `No control catalog for ${fw}: expected ${project[fw]} (or ${shared[fw]}). Build the catalogs first.`,
      );
    }
  }
  return out;
}

const lib = loadLibrary();
const approved = lib.entries.filter((e) => e.status === 'approved');
const idsOf = (fw: Framework) =>
  new Set(approved.flatMap((e) => e.controls.filter((c) => c.framework === fw).map((c) => c.id)));

/** Word set for near-duplicate detection: lowercase, no punctuation, common question words dropped. */
const STOP = new Set(
  'a an and are as at be by can do does for from has have how if in is it of on or our the to we what when which who will with you your'.split(
    ' ',
  ),
);
const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w && !STOP.has(w)),
  );
function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter || 1);
}

describe('demo library', () => {
  it('has enough approved answers, drafts, retired answers and evidence', () => {
    expect(approved.length).toBeGreaterThanOrEqual(150);
    expect(lib.entries.filter((e) => e.status === 'draft').length).toBeGreaterThanOrEqual(3);
    expect(lib.entries.filter((e) => e.status === 'retired').length).toBeGreaterThanOrEqual(1);
    expect(lib.evidence.length).toBeGreaterThanOrEqual(25);
  });

  it('uses unique, well-formed ids', () => {
    const entryIds = lib.entries.map((e) => e.id);
    const evidenceIds = lib.evidence.map((e) => e.id);
    expect(new Set(entryIds).size).toBe(entryIds.length);
    expect(new Set(evidenceIds).size).toBe(evidenceIds.length);
    for (const id of entryIds) expect(id).toMatch(/^ans-\d{3}$/);
    for (const id of evidenceIds) expect(id).toMatch(/^ev-\d{3}$/);
  });

  it('resolves every evidence id an answer cites', () => {
    const known = new Set(lib.evidence.map((e) => e.id));
    const dangling = lib.entries.flatMap((e) =>
      e.evidenceIds.filter((id) => !known.has(id)).map((id) => `${e.id} → ${id}`),
    );
    expect(dangling).toEqual([]);
  });

  it('cites only controls that exist in the catalogs', () => {
    const catalogs = loadCatalogs();
    const unknown = [...lib.entries, ...lib.evidence].flatMap((x) =>
      x.controls.filter((c) => !catalogs[c.framework].has(c.id)).map((c) => `${x.id}: ${c.framework} ${c.id}`),
    );
    expect(unknown).toEqual([]);
  });

  it('maps every approved answer to both ISO 27001:2022 and SOC 2, with roles kept per framework', () => {
    for (const e of approved) {
      const fws = new Set(e.controls.map((c) => c.framework));
      expect(fws.has('iso27001:2022') && fws.has('soc2:2017'), e.id).toBe(true);
      const iso = e.roles['iso27001:2022'];
      const soc = e.roles['soc2:2017'];
      expect(iso?.approver && soc?.approver && iso.reviewedAt && soc.reviewedAt, e.id).toBeTruthy();
      // Separate review chains: the SOC 2 reviewer is never just a copy of the ISO reviewer.
      expect(soc?.reviewer, e.id).not.toBe(iso?.reviewer);
    }
    expect(approved.some((e) => e.controls.some((c) => c.framework === 'iso27001:2013'))).toBe(true);
  });

  it('covers all four ISO 27001:2022 Annex A themes and the core ISMS clauses', () => {
    const ids = [...idsOf('iso27001:2022')];
    for (const theme of ['A.5.', 'A.6.', 'A.7.', 'A.8.'])
      expect(
        ids.some((id) => id.startsWith(theme)),
        theme,
      ).toBe(true);
    // Scope, risk assessment, internal audit, management review, nonconformity.
    for (const clause of ['4.3', '6.1.2', '8.2', '9.2', '9.3', '10.2']) {
      expect(
        ids.some((id) => id === clause || id.startsWith(`${clause}.`)),
        clause,
      ).toBe(true);
    }
  });

  it('covers every SOC 2 common-criteria group plus availability, confidentiality, processing integrity and privacy', () => {
    const ids = [...idsOf('soc2:2017')];
    const groups = ['CC1', 'CC2', 'CC3', 'CC4', 'CC5', 'CC6', 'CC7', 'CC8', 'CC9', 'A1', 'C1', 'PI1'];
    for (const g of groups)
      expect(
        ids.some((id) => id.startsWith(`${g}.`)),
        g,
      ).toBe(true);
    expect(
      ids.some((id) => /^P\d\.\d+$/.test(id)),
      'privacy criteria P1–P8',
    ).toBe(true);
  });

  it('has substantive answers, 2–4 alternative phrasings and a named owner', () => {
    for (const e of approved) {
      expect(e.answer.length, e.id).toBeGreaterThan(80);
      expect(e.alternatives.length, e.id).toBeGreaterThanOrEqual(2);
      expect(e.alternatives.length, e.id).toBeLessThanOrEqual(4);
      expect(e.owner, e.id).toMatch(/\(.+\)/);
      expect(e.source, e.id).toBe('demo');
      expect(e.approvedAt, e.id).toBeDefined();
    }
  });

  it('includes a few stale answers while most are reviewed on time', () => {
    const stale = approved.filter((e) => e.reviewBy !== undefined && e.reviewBy < DEMO_TODAY);
    expect(stale.length).toBeGreaterThanOrEqual(3);
    expect(stale.length).toBeLessThanOrEqual(12);
    expect(approved.filter((e) => e.reviewBy === undefined)).toEqual([]);
  });

  it('has unique questions and no near-duplicates except the tagged conflict pair', () => {
    const norm = lib.entries.map((e) => e.question.toLowerCase().replace(/\s+/g, ' ').trim());
    expect(new Set(norm).size).toBe(norm.length);
    const conflict = lib.entries.filter((e) => e.tags.includes('conflict-demo'));
    expect(conflict.map((e) => e.status)).toEqual(['approved', 'approved']);
    expect(conflict[0]!.answer).not.toBe(conflict[1]!.answer);
    const near: string[] = [];
    const sets = lib.entries.map((e) => words(e.question));
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        if (jaccard(sets[i]!, sets[j]!) >= 0.6) near.push(`${lib.entries[i]!.id} ~ ${lib.entries[j]!.id}`);
      }
    }
    expect(near).toEqual([]);
  });

  it('narrows scope and reuse on some answers', () => {
    expect(approved.some((e) => e.scope.regions.includes('EU'))).toBe(true);
    expect(approved.some((e) => e.scope.services.length === 1 && e.scope.services[0] === 'Larkspur Connector')).toBe(
      true,
    );
    expect(approved.some((e) => e.reuse.level === 'customer')).toBe(true);
    expect(approved.some((e) => e.reuse.level === 'internal')).toBe(true);
    const shareable = approved.filter((e) => e.reuse.level === 'public' || e.reuse.level === 'nda').length;
    expect(shareable / approved.length).toBeGreaterThan(0.8);
  });

  it('carries SOC 2 and ISO dates apart on assurance documents, and some expired evidence', () => {
    const soc = lib.evidence.find((e) => e.frameworkDates.soc2?.periodEnd && e.status === 'current');
    expect(soc?.frameworkDates.soc2?.periodStart).toBeDefined();
    const iso = lib.evidence.find((e) => e.frameworkDates.iso?.certificateValidUntil);
    expect(iso?.frameworkDates.iso?.nextSurveillanceAudit).toBeDefined();
    const today = lib.exportedAt.slice(0, 10);
    expect(lib.evidence.some((e) => e.validUntil !== undefined && e.validUntil < today)).toBe(true);
    for (const e of lib.evidence) expect(e.location.uri.length, e.id).toBeGreaterThan(0);
  });
});

describe('demo questionnaire page', () => {
  const html = readFileSync(`${root}data/demo-questionnaire.html`, 'utf8');
  // Static checks only: the page's own UI script is not needed to read its structure.
  const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
  const doc = window.document;
  doc.write(html);
  const numbered = [...doc.querySelectorAll('.qn, .grid td.num')].map((el) => el.textContent?.trim() ?? '');
  /** Question wording: the label text after its number, for both form questions and table rows. */
  const questionTexts = [
    ...[...doc.querySelectorAll('.q')].map((q) => {
      const label = q.querySelector('legend, .q-text');
      return (label?.textContent ?? '')
        .replace(/^\s*\d+\.\d+/, '')
        .replace('*', '')
        .trim();
    }),
    ...[...doc.querySelectorAll('.grid tbody th')].map((th) => th.textContent?.trim() ?? ''),
  ];

  it('is self-contained: no external scripts, styles, images or links', () => {
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?(?:https?:)?\/\//i);
  });

  it('has at least 64 uniquely numbered questions', () => {
    expect(numbered.length).toBeGreaterThanOrEqual(64);
    expect(new Set(numbered).size).toBe(numbered.length);
    for (const n of numbered) expect(n).toMatch(/^\d+\.\d+$/);
  });

  it('uses every kind of answer field a portal has', () => {
    expect(doc.querySelectorAll('.q input[type=radio]').length).toBeGreaterThan(30);
    expect(doc.querySelectorAll('.q select').length).toBeGreaterThanOrEqual(5);
    expect(doc.querySelectorAll('.checks input[type=checkbox]').length).toBeGreaterThanOrEqual(5);
    expect(doc.querySelectorAll('.check.single input[type=checkbox]').length).toBeGreaterThanOrEqual(1);
    expect(doc.querySelectorAll('.q input[type=text]').length).toBeGreaterThanOrEqual(5);
    expect(doc.querySelectorAll('.q textarea').length).toBeGreaterThanOrEqual(3);
    expect(doc.querySelectorAll('.explain textarea').length).toBeGreaterThanOrEqual(5);
    expect(doc.querySelectorAll('[contenteditable=true]').length).toBe(1);
    const rows = [...doc.querySelectorAll('.grid tbody tr')];
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const r of rows) expect(r.querySelector('select') && r.querySelector('input[type=text]')).toBeTruthy();
    // Portal chrome that is not a question: the site search box and the language picker.
    expect(doc.querySelector('header input[type=search]')).not.toBeNull();
    expect(doc.querySelector('header select[name=locale]')).not.toBeNull();
  });

  it('words its questions differently from the library it is answered from', () => {
    expect(questionTexts.length).toBe(numbered.length);
    expect(questionTexts.every((q) => q.length > 10)).toBe(true);
    const libraryTexts = lib.entries.flatMap((e) => [e.question, ...e.alternatives]);
    const libNorm = new Set(
      libraryTexts.map((t) =>
        t
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, ' ')
          .trim(),
      ),
    );
    const libSets = libraryTexts.map(words);
    const copied = questionTexts.filter((q) => {
      const qs = words(q);
      return (
        libNorm.has(
          q
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, ' ')
            .trim(),
        ) || libSets.some((l) => jaccard(qs, l) >= 0.7)
      );
    });
    expect(copied).toEqual([]);
  });
});
