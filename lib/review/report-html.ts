// The printable HTML report: one self-contained page (inline CSS, no scripts, no external requests), so it
// can be saved, mailed or printed to PDF as is. Every value is HTML-escaped: answers come from web pages.
import { FRAMEWORKS, FRAMEWORK_LABEL } from '../controls';
import type { ReportRow } from './report';
import type { SignOff } from './schema';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const lines = (s: string) => escapeHtml(s).replace(/\n/g, '<br>');

const CSS = `
body{font:13px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:#111;margin:24px}
h1{font-size:20px;margin:0 0 4px}.meta{color:#555;margin:0 0 16px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#eee}thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}
.q{font-weight:600}.num{font-family:ui-monospace,monospace;color:#444}.muted{color:#666}.flag{color:#8a1c1c}.edited{background:#fff6d6}
.decision-approved{color:#14612b}.decision-rejected,.decision-sent-back{color:#8a1c1c}
@media print{body{margin:0;font-size:10px}@page{size:A4 landscape;margin:12mm}}
`;

function row(r: ReportRow): string {
  const controls = FRAMEWORKS.map(
    (fw) =>
      `<div><span class="muted">${escapeHtml(FRAMEWORK_LABEL[fw])}:</span> ${escapeHtml(r.controls[fw] || '—')}</div>`,
  ).join('');
  const edited =
    r.edited === 'yes'
      ? `<div class="edited">Edited on page: ${escapeHtml(r.currentValue)}<br><span class="muted">${escapeHtml(r.editDiff)}</span></div>`
      : '';
  return `<tr${r.edited === 'yes' ? ' class="edited"' : ''}>
<td><div class="q">${r.number ? `<span class="num">${escapeHtml(r.number)}</span> ` : ''}${escapeHtml(r.question)}</div><div class="muted">${escapeHtml(r.section)}</div></td>
<td>${lines(r.answer)}${edited}${r.previous ? `<div class="muted">Replaced: ${escapeHtml(r.previous)}</div>` : ''}<div class="muted">${escapeHtml(r.trigger || r.action)} · ${escapeHtml(r.fieldKind)} · ${escapeHtml(r.filledAt)}</div></td>
<td>${escapeHtml(r.entryId)}${r.entryVersion ? ` v${escapeHtml(r.entryVersion)}` : ''}<div class="muted">${escapeHtml(r.libraryQuestion)}</div><div class="muted">${escapeHtml(r.owner)}${r.confidence ? ` · ${escapeHtml(r.confidence)}` : ''}</div></td>
<td>${lines(r.evidence.split('; ').join('\n')) || '—'}</td>
<td>${controls}</td>
<td class="flag">${lines(r.flags) || '<span class="muted">none</span>'}</td>
<td class="decision-${escapeHtml(r.decision)}">${escapeHtml(r.decision)}${r.reviewer ? `<div>${escapeHtml(r.reviewer)}</div>` : ''}${r.decidedAt ? `<div class="muted">${escapeHtml(r.decidedAt)}</div>` : ''}${r.note ? `<div>${lines(r.note)}</div>` : ''}${r.savedToLibrary ? `<div class="muted">saved: ${escapeHtml(r.savedToLibrary)}</div>` : ''}</td>
</tr>`;
}

export function reportHtml(
  rows: readonly ReportRow[],
  opts: { title: string; generatedAt: string; signOffs: readonly SignOff[] },
): string {
  const questionnaires = [...new Set(rows.map((r) => `${r.questionnaire}${r.recipient ? ` → ${r.recipient}` : ''}`))];
  const signed = opts.signOffs.length
    ? opts.signOffs
        .map(
          (s) =>
            `Signed off by ${escapeHtml(s.reviewer)} at ${escapeHtml(s.at)}${s.note ? `: ${escapeHtml(s.note)}` : ''}`,
        )
        .join('<br>')
    : 'Not signed off.';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(opts.title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>${CSS}</style></head>
<body>
<h1>${escapeHtml(opts.title)}</h1>
<p class="meta">${questionnaires.map(escapeHtml).join('<br>')}<br>${rows.length} answers · generated ${escapeHtml(opts.generatedAt)}<br>${signed}</p>
<table>
<thead><tr><th>Question</th><th>Answer given</th><th>Source entry</th><th>Evidence</th><th>Controls</th><th>Flags</th><th>Decision</th></tr></thead>
<tbody>
${rows.map(row).join('\n')}
</tbody></table>
</body></html>
`;
}
