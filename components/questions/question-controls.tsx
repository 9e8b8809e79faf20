// The question's own controls, as the classifier mapped them, in every framework, each with what led to it:
// the reviewer checks the mapping itself here (the citations show only the suggested entry's controls), and
// a mapping with no reason a person can follow is a mapping nobody should trust.
import { FRAMEWORK_LABEL, FRAMEWORKS } from '../../lib/controls';
import type { ControlMatch } from '../../lib/match';
import { readReasons } from './control-reasons';

export function QuestionControls({ controls }: { controls: readonly ControlMatch[] }) {
  if (controls.length === 0) return null;
  return (
    <details className="sp-controls" data-testid="question-controls">
      <summary className="cw-small">Mapped controls ({controls.length}): why this question maps to them</summary>
      {FRAMEWORKS.map((framework) => {
        const list = controls.filter((c) => c.framework === framework);
        if (list.length === 0) return null;
        return (
          <section key={framework} aria-label={FRAMEWORK_LABEL[framework]}>
            <h4 className="cw-small">{FRAMEWORK_LABEL[framework]}</h4>
            <ol className="sp-controls__list">
              {list.map((c) => (
                <li key={c.id} data-control={c.id}>
                  <span className="sp-controls__id">{c.id}</span> {c.title}{' '}
                  <span className="cw-muted cw-small">score {c.score.toFixed(2)}</span>
                  <Reasons why={c.why} />
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </details>
  );
}

function Reasons({ why }: { why: readonly string[] }) {
  const r = readReasons(why);
  const lines: Array<[string, string]> = [];
  if (r.words.length > 0) lines.push(['Words', r.words.join(', ')]);
  if (r.entries.length > 0) lines.push(['Library entries', r.entries.join(', ')]);
  if (r.section !== undefined) lines.push(['Section heading', `“${r.section}”`]);
  if (r.via) lines.push(['Crosswalk', `lent by ${r.via}`]);
  if (r.other.length > 0) lines.push(['Also', r.other.join('; ')]);
  if (lines.length === 0) lines.push(['Why', 'no reason recorded']);
  return (
    <dl className="sp-controls__why cw-small">
      {lines.map(([k, v]) => (
        <div key={k}>
          <dt>{k}:</dt> <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
