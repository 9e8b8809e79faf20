// What the benches that drive the built extension in Chromium share: a build no older than the sources, and the
// CPU time Chromium's processes spent, read from /proc (steadier than wall time on a shared machine, where wall
// time mostly measures the queue for a core).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR } from '../../lib/cli/chromium';

const SOURCES = ['entrypoints', 'lib', 'components', 'data', 'wxt.config.ts', 'package.json'];

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

/** Build the extension when there is no build or a source file changed since the last one. */
export function ensureBuild(): void {
  const manifest = path.join(EXTENSION_DIR, 'manifest.json');
  const built = fs.existsSync(manifest) ? fs.statSync(manifest).mtimeMs : 0;
  if (built >= Math.max(...SOURCES.map((s) => newestMtime(path.resolve(s))))) return;
  console.log('building the extension (npx wxt build) ...');
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
}

export type Kind = 'page' | 'extension' | 'browser';

/** CPU seconds so far of every process below this one (Chromium and its helpers), by kind. */
export function cpuByKind(): Record<Kind, number> {
  const tick = 100; // USER_HZ on Linux
  const procs = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return [{ pid: Number(pid), ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / tick, cmd }];
      } catch {
        return []; // exited meanwhile
      }
    });
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs)
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid);
        grew = true;
      }
  }
  const out: Record<Kind, number> = { page: 0, extension: 0, browser: 0 };
  for (const p of procs) {
    if (p.pid === process.pid || !mine.has(p.pid) || !/chrom/i.test(p.cmd)) continue;
    const kind: Kind = p.cmd.includes('--type=renderer')
      ? p.cmd.includes('--extension-process')
        ? 'extension'
        : 'page'
      : 'browser';
    out[kind] += p.cpu;
  }
  return out;
}

export const sum = (c: Record<Kind, number>) => c.page + c.extension + c.browser;
export const diff = (a: Record<Kind, number>, b: Record<Kind, number>): Record<Kind, number> => ({
  page: a.page - b.page,
  extension: a.extension - b.extension,
  browser: a.browser - b.browser,
});
