// Plain-text rendering for `crosswalk control`. Kept apart from argument handling so the layout can be read
// (and tested through the CLI) on its own.
import {
  FRAMEWORK_LABEL,
  getControl,
  type Control,
  type Counterpart,
  type Framework,
  type GuideDisagreement,
} from '../controls';

export interface ControlView {
  control: Control;
  counterparts: { framework: Framework; label: string; items: Counterpart[] }[];
}

const KIND_LABEL: Record<Control['kind'], string> = {
  annex: 'Annex A control',
  clause: 'Clause',
  criterion: 'Criterion',
};

function counterpartLines(c: Counterpart): string[] {
  const what = c.level === 'domain' ? `${c.ref.id} (whole domain)` : c.ref.id;
  // Sub-clause titles such as "General" only make sense with their clause heading.
  const target = getControl(c.ref.framework, c.ref.id);
  const title = target?.kind === 'clause' && target.group ? `${c.title} (${target.group})` : c.title;
  const lines = [`  ${what}  ${title}`, `      ${c.strength} · ${c.source}`];
  if (c.via?.length) lines.push(`      via ISO/IEC 27001:2022 ${c.via.map((v) => v.id).join(', ')}`);
  const guideDomain = c.routes.find((r) => r.domain)?.domain;
  if (guideDomain && c.level !== 'domain')
    lines.push(`      comparison guide states this for the whole domain ${guideDomain}`);
  if (c.disputed) lines.push(`      DISPUTED: ${c.disputed}`);
  return lines;
}

export function formatControl(view: ControlView): string {
  const c = view.control;
  const facets = [KIND_LABEL[c.kind], c.theme, c.group, c.category].filter(Boolean).join(' · ');
  const out = [
    `${c.id}  ${c.title}`,
    `${FRAMEWORK_LABEL[c.framework]} · ${facets}`,
    '',
    c.summary,
    '',
    `Keywords: ${c.keywords.join(', ')}`,
  ];
  for (const group of view.counterparts) {
    out.push('', `Counterparts in ${group.label} (${group.items.length}):`);
    if (group.items.length === 0) out.push('  none in the crosswalk data');
    for (const item of group.items) out.push(...counterpartLines(item));
  }
  return out.join('\n');
}

export function formatDisagreements(list: GuideDisagreement[]): string {
  const out = [`Comparison guide rows the published mappings contradict (${list.length}):`];
  for (const d of list) {
    const target = d.to ? d.stated : `${d.stated} (does not exist)`;
    out.push(
      '',
      `  ${d.from.id} ${d.fromTitle} -> ${target}  [${d.strength}]`,
      `      published mappings: ${d.published.map((p) => p.id).join(', ')}`,
      `      ${d.note}`,
    );
  }
  return out.join('\n');
}
