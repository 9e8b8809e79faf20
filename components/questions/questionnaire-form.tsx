// The questionnaire's own facts (name, declared scope, recipient), remembered per page address.
// Matching uses them for reuse checks: out-of-scope claims and evidence not cleared for this recipient.
import { useState } from 'react';
import type { QuestionnaireContext } from '../../lib/messaging';
import { splitList } from './plan';

export { EMPTY_CONTEXT, loadContext, saveContext } from '../../lib/background';

const SCOPE_FIELDS = [
  ['services', 'Services', 'e.g. Payments API, Web app'],
  ['environments', 'Environments', 'e.g. production'],
  ['regions', 'Regions', 'e.g. EU, US'],
  ['dataTypes', 'Data types', 'e.g. PII, cardholder data'],
] as const;

type ScopeKey = keyof QuestionnaireContext['scope'];

function scopeToText(ctx: QuestionnaireContext): Record<ScopeKey, string> {
  return {
    services: ctx.scope.services.join(', '),
    environments: ctx.scope.environments.join(', '),
    regions: ctx.scope.regions.join(', '),
    dataTypes: ctx.scope.dataTypes.join(', '),
  };
}

export function QuestionnaireForm({
  value,
  onApply,
  open,
  onToggle,
}: {
  value: QuestionnaireContext;
  onApply: (ctx: QuestionnaireContext) => void;
  open: boolean;
  onToggle: (open: boolean) => void;
}) {
  const [draft, setDraft] = useState(value);
  const [scopeText, setScopeText] = useState(() => scopeToText(value));
  // A new value from outside (another page's context loaded) resets the draft, during render rather than in an
  // effect that would paint the stale draft first.
  const [draftOf, setDraftOf] = useState(value);
  if (draftOf !== value) {
    setDraftOf(value);
    setDraft(value);
    setScopeText(scopeToText(value));
  }
  const next: QuestionnaireContext = {
    ...draft,
    scope: {
      services: splitList(scopeText.services),
      environments: splitList(scopeText.environments),
      regions: splitList(scopeText.regions),
      dataTypes: splitList(scopeText.dataTypes),
    },
  };
  const dirty = JSON.stringify(next) !== JSON.stringify(value);
  const summary = [
    value.name || 'Unnamed questionnaire',
    value.recipient && `for ${value.recipient}`,
    value.nda && '(NDA)',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <details className="cw-card sp-context" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>
        <span className="sp-context__title">{summary}</span>
        <span className="cw-small cw-muted"> · scope and recipient</span>
      </summary>
      <form
        className="cw-stack"
        onSubmit={(e) => {
          e.preventDefault();
          onApply(next);
        }}
      >
        <label className="cw-label">
          Questionnaire name
          <input
            className="cw-input"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </label>
        <label className="cw-label">
          Recipient (customer)
          <input
            id="sp-recipient"
            className="cw-input"
            value={draft.recipient}
            placeholder="Who will read the answers"
            onChange={(e) => setDraft({ ...draft, recipient: e.target.value })}
          />
        </label>
        <label className="cw-row cw-small">
          <input type="checkbox" checked={draft.nda} onChange={(e) => setDraft({ ...draft, nda: e.target.checked })} />{' '}
          NDA in place with the recipient
        </label>
        {SCOPE_FIELDS.map(([key, label, hint]) => (
          <label className="cw-label" key={key}>
            Declared scope: {label.toLowerCase()}
            <input
              className="cw-input"
              value={scopeText[key]}
              placeholder={hint}
              onChange={(e) => setScopeText({ ...scopeText, [key]: e.target.value })}
            />
          </label>
        ))}
        <div className="cw-row">
          <button className="cw-btn cw-btn--primary cw-btn--small" type="submit" disabled={!dirty}>
            Apply and re-check answers
          </button>
        </div>
      </form>
    </details>
  );
}
