// Control-mapping benchmark. On each of the three dev sets (VSAQ questions, Adobe CCF statements, NIST SP
// 800-171 requirements) and per framework it labels, in one run: hit@1 and hit@3 of the shipped classifier,
// the same out of fold (weights fitted from the neutral start without that set: leave-one-set-out), and a
// plain BM25 over the same catalog text. Then the library vote (Tidewater library, VSAQ and NIST as
// questions, and the library's own entries leave-one-out) and classification speed. A missed target, on
// the shipped figure or the out-of-fold one, makes the run exit non-zero.
// Run: npm run bench -- controls   (about 40 s CPU; add --cv for the Tidewater fold and a refit on every set)
import type { Framework } from '../../lib/controls/framework';
import { buildIndex, matchQuestion } from '../../lib/match';
import { CLASSIFIER_WEIGHTS, classifyControls } from '../../lib/match/classify';
import { defaultControlSource } from '../../lib/match/control-source';
import { plainBm25 } from './controls/baseline';
import { printConventions } from './controls/conventions';
import { describeWeights, fit, fittingSets, leaveOneSetOut, NEUTRAL_WEIGHTS } from './controls/fit';
import { hits, pct, type Hits, type Ranker } from './controls/metrics';
import { tidewaterLibrary, tidewaterSet, type LabelledSet } from './controls/sets';
import { pageOfQuestions } from './match/fixtures';
import { missTarget, runBench, target } from './targets';

/** CPU budget for classifying a page of 300 questions: the page budget (300 questions x 10k entries
 *  <= 150 ms CPU, answers and citations included) leaves the classifier this share. */
const CLASSIFY_PAGE_CPU_MS = 40;
const TODAY = '2026-06-01';
const DEV_SOURCES = ['VSAQ', 'Adobe CCF', 'NIST 800-171'];

const ours: Ranker = (q) => byFramework(classifyControls(q.input, { limit: 3 }));

function byFramework(list: ReadonlyArray<{ framework: Framework; id: string }>): Partial<Record<Framework, string[]>> {
  const out: Partial<Record<Framework, string[]>> = {};
  for (const m of list) (out[m.framework] ??= []).push(m.id);
  return out;
}

const line = (h: Hits): string => `${pct(h.hit1, h.n)} / ${pct(h.hit3, h.n)}`;

/** The targets: hit@3 >= 92% and hit@1 >= 75% for each framework a set labels; NIST's indirect
 *  labels lower its hit@3 bar to 85% (its hit@1 bar stays). None on the robustness variants. */
function meets(set: LabelledSet, h: Hits): boolean {
  if (set.targetHit3 === 0) return true;
  return h.hit3 >= set.targetHit3 * h.n && (set.targetHit1 === undefined || h.hit1 >= set.targetHit1 * h.n);
}
const targetText = (set: LabelledSet): string =>
  [`hit@1 >= ${(set.targetHit1 ?? 0) * 100}%`, `hit@3 >= ${set.targetHit3 * 100}%`].join(', ');

function devSets(): void {
  const sets = fittingSets();
  const bm25 = plainBm25(defaultControlSource());
  const baseline: Ranker = (q) => {
    const out: Partial<Record<Framework, string[]>> = {};
    for (const f of ['iso27001:2022', 'iso27001:2013', 'soc2:2017'] as const) out[f] = bm25(q.input.question, f);
    return out;
  };
  const started = process.cpuUsage();
  const folds = new Map(leaveOneSetOut(sets, DEV_SOURCES).map((f) => [f.heldOut, f]));
  const cv = process.cpuUsage(started);
  console.log('controls: hit@1 / hit@3 per dev set and framework (labels: primary or acceptable)');
  for (const set of sets) {
    const fold = folds.get(set.name);
    if (!fold) continue;
    const mine = hits(set, ours);
    const base = hits(set, baseline);
    for (const f of set.frameworks) {
      const shipped = mine[f]!;
      const oof = fold.results[f]!;
      const goal = set.targetHit3 === 0 ? 'no target (robustness)' : `target ${targetText(set)}`;
      const verdict = (h: Hits): string => (set.targetHit3 === 0 ? '' : meets(set, h) ? ' ok' : ' MISSED');
      // Two figures make one verdict, so the miss is recorded here rather than through target().
      if (!meets(set, shipped)) missTarget(`controls ${set.name} ${f} shipped ${line(shipped)} (${goal})`);
      if (!meets(set, oof)) missTarget(`controls ${set.name} ${f} out-of-fold ${line(oof)} (${goal})`);
      console.log(
        `controls ${set.name} ${f} (n=${shipped.n}): shipped ${line(shipped)}${verdict(shipped)} | out-of-fold ${line(oof)}${verdict(oof)} | plain BM25 ${line(base[f]!)} | ${goal}`,
      );
    }
  }
  for (const set of sets) {
    const fold = folds.get(set.name);
    if (!fold) continue;
    const oof: Ranker = (q) => byFramework(classifyControls(q.input, { weights: fold.weights, limit: 3 }));
    printConventions(
      set,
      [
        { name: 'shipped', rank: ours },
        { name: 'out-of-fold', rank: oof },
        { name: 'plain BM25', rank: baseline },
      ],
      defaultControlSource(),
    );
  }
  for (const source of DEV_SOURCES) {
    const fold = folds.get(source);
    if (fold) console.log(`  weights fitted without ${source}: ${describeWeights(fold.weights)}`);
  }
  console.log(
    `  (out of fold: weights fitted from the neutral start on the other sources; ${((cv.user + cv.system) / 1e6).toFixed(0)} s CPU for ${DEV_SOURCES.length} folds)`,
  );
}

/** The library vote, measured: Tidewater's 160 entries (143 name their controls) as the library, the VSAQ
 *  and NIST questions through the whole matcher (retrieval, then votes from the closest entries); and the
 *  library's own entries as questions, each with itself removed from the library (its neighbours vote). */
function libraryVote(): void {
  const library = tidewaterLibrary();
  const index = buildIndex(library);
  for (const set of fittingSets().filter((s) => ['VSAQ', 'NIST 800-171'].includes(s.name))) {
    const without = hits(set, ours);
    const withVotes = hits(set, (q) => byFramework(matchQuestion(index, q.input, { today: TODAY }).controls));
    for (const f of set.frameworks)
      console.log(
        `library vote (Tidewater library) ${set.name} ${f}: without ${line(without[f]!)} -> with ${line(withVotes[f]!)}`,
      );
  }
  const own = tidewaterSet();
  const without = hits(own, ours);
  const withVotes = hits(own, (q) => {
    const rest = buildIndex(library.filter((e) => e.id !== q.id));
    return byFramework(matchQuestion(rest, q.input, { today: TODAY }).controls);
  });
  for (const f of own.frameworks)
    console.log(
      `library vote (leave-one-out) ${own.name} ${f}: without ${line(without[f]!)} -> with ${line(withVotes[f]!)}`,
    );
}

/** --cv: the Tidewater entries' fold, and the fit on every set beside the committed weights. */
function crossValidation(): void {
  const started = process.cpuUsage();
  const sets = fittingSets();
  for (const fold of leaveOneSetOut(sets, ['Tidewater entries']))
    for (const [f, h] of Object.entries(fold.results))
      console.log(`leave-one-set-out ${fold.heldOut} ${f}: ${line(h)} (weights fitted on the other sets)`);
  console.log(`neutral start:        ${describeWeights(NEUTRAL_WEIGHTS)}`);
  console.log(`fitted on every set:  ${describeWeights(fit(sets))}`);
  console.log(`committed weights:    ${describeWeights(CLASSIFIER_WEIGHTS)}`);
  const cpu = process.cpuUsage(started);
  console.log(`  (${((cpu.user + cpu.system) / 1e6).toFixed(0)} s CPU)`);
}

function speed(): void {
  const questions = pageOfQuestions();
  const cpu: number[] = [];
  for (let run = 0; run < 11; run++) {
    const start = process.cpuUsage();
    for (const q of questions) classifyControls(q);
    const d = process.cpuUsage(start);
    cpu.push((d.user + d.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  target(
    'controls speed: 300 questions classified',
    cpu[5]!,
    { atMost: CLASSIFY_PAGE_CPU_MS, unit: 'ms cpu' },
    '(median of 11)',
  );
}

export async function run(): Promise<void> {
  devSets();
  libraryVote();
  if (process.argv.includes('--cv')) crossValidation();
  speed();
  await Promise.resolve();
}

if (import.meta.url === `file://${process.argv[1]}`) await runBench(run);
