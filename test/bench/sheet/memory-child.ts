// Run in its own process by sheet-bench.ts: the fill pipeline on one file, then the peak resident memory.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { demoIndex, fillPipeline } from './pipeline';

const file = process.argv[2]!;
const { index } = demoIndex();
const baseline = process.resourceUsage().maxRSS;
const bytes = new Uint8Array(readFileSync(file));
const r = fillPipeline(basename(file), bytes, index);
const peak = process.resourceUsage().maxRSS;
console.log(
  JSON.stringify({
    baselineKb: baseline,
    peakKb: peak,
    questions: r.questions,
    filled: r.filled,
    outBytes: r.out.length,
  }),
);
