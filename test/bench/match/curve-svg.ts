// A precision-coverage curve as a small standalone SVG, for people who would rather look than read a table.
import type { CurvePoint } from './retrieval-metrics';

const W = 520;
const H = 360;
const M = { left: 56, right: 20, top: 40, bottom: 48 };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function curveSvg(title: string, points: readonly CurvePoint[]): string {
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  // Precision axis from 50% to 100%: below half right, auto-fill is not worth discussing.
  const x = (coverage: number): number => M.left + coverage * pw;
  const y = (precision: number): number => M.top + (1 - (Math.max(0.5, precision) - 0.5) / 0.5) * ph;
  const shown = points.filter((p) => p.autoFilled > 0).sort((a, b) => a.coverage - b.coverage);
  const path = shown
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.coverage).toFixed(1)},${y(p.precision).toFixed(1)}`)
    .join(' ');
  const grid: string[] = [];
  for (let c = 0; c <= 1.0001; c += 0.1)
    grid.push(
      `<line x1="${x(c)}" y1="${M.top}" x2="${x(c)}" y2="${M.top + ph}" stroke="#eee"/><text x="${x(c)}" y="${H - M.bottom + 16}" font-size="11" text-anchor="middle">${Math.round(c * 100)}%</text>`,
    );
  for (let p = 0.5; p <= 1.0001; p += 0.05)
    grid.push(
      `<line x1="${M.left}" y1="${y(p)}" x2="${M.left + pw}" y2="${y(p)}" stroke="#eee"/><text x="${M.left - 6}" y="${y(p) + 4}" font-size="11" text-anchor="end">${Math.round(p * 100)}%</text>`,
    );
  const dots = shown
    .map(
      (p) =>
        `<circle cx="${x(p.coverage).toFixed(1)}" cy="${y(p.precision).toFixed(1)}" r="3" fill="#1f6feb"><title>threshold ${p.threshold.toFixed(2)}: precision ${(100 * p.precision).toFixed(1)}%, coverage ${(100 * p.coverage).toFixed(1)}%</title></circle>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="${W / 2}" y="22" font-size="14" text-anchor="middle">${esc(title)}</text>
${grid.join('\n')}
<line x1="${M.left}" y1="${y(0.98)}" x2="${M.left + pw}" y2="${y(0.98)}" stroke="#d73a49" stroke-dasharray="4 3"/>
<text x="${M.left + pw}" y="${y(0.98) - 4}" font-size="10" text-anchor="end" fill="#d73a49">98% precision</text>
<path d="${path}" fill="none" stroke="#1f6feb" stroke-width="2"/>
${dots}
<text x="${M.left + pw / 2}" y="${H - 10}" font-size="12" text-anchor="middle">coverage (right auto-fills / answerable questions)</text>
<text transform="translate(14 ${M.top + ph / 2}) rotate(-90)" font-size="12" text-anchor="middle">precision of auto-fills</text>
</svg>
`;
}
