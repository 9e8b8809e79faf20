// @vitest-environment happy-dom
// Weak means weak (issue #12): a top suggestion under the fitted floor is shown as "no good match", with the
// entries collapsed as related reading: no option or short-answer chip, no primary Fill button.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { QuestionCard, policyField, type Decide, type Row } from '../../../components/questions';
import { decideFill } from '../../../lib/policy';
import type { MatchResult, Suggestion } from '../../../lib/match';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = host = undefined;
});

function render(node: React.ReactNode): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(node));
  return host;
}

const suggestion = (over: Partial<Suggestion>): Suggestion => ({
  entryId: 'ans-081',
  version: 1,
  answer: 'Yes. Logs from every account are collected in the SIEM.',
  shortAnswer: 'Yes',
  option: 'Less than 90 days',
  matchedQuestion: 'Do you centrally collect security logs in a SIEM?',
  confidence: 0.23,
  verdict: 'weak',
  autoFill: false,
  citations: { entryId: 'ans-081', version: 1, owner: 'Sec', evidence: [], controls: [] },
  warnings: [],
  ...over,
});
const decide: Decide = (r, s, trigger, value) =>
  decideFill({
    trigger,
    field: policyField(r),
    context: { recipient: '', nda: true, scope: { services: [], environments: [], regions: [], dataTypes: [] } },
    ...(s ? { suggestion: s, flags: [] } : {}),
    ...(value !== undefined ? { value } : {}),
    today: '2026-12-07',
  });
const noop = () => undefined;

function card(result: MatchResult, selected = true): HTMLElement {
  const row: Row = {
    field: {
      fid: 'f1',
      question: 'For what duration do you preserve security event data?',
      kind: 'select',
      value: '',
      options: ['Less than 90 days', '90 days to 6 months', '6 to 12 months', 'More than 12 months'],
    },
    position: 0,
    result,
    status: 'open',
  };
  return render(
    <ul>
      <QuestionCard
        row={row}
        listIndex={0}
        selected={selected}
        density="comfortable"
        threshold={0.88}
        decide={decide}
        onSelect={noop}
        onFill={noop}
        onUndo={noop}
        onStatus={noop}
        onNotes={noop}
        onAction={noop}
      />
    </ul>,
  );
}

const weakResult: MatchResult = {
  question: 'For what duration do you preserve security event data?',
  controls: [],
  suggestions: [
    suggestion({}),
    suggestion({ entryId: 'ans-132', matchedQuestion: 'Do you preserve forensic evidence?', confidence: 0.2 }),
  ],
  reasons: [{ code: 'no-good-match', message: 'No good match: the closest entries are below confidence 0.65.' }],
};

describe('question card, weak top suggestion', () => {
  it('says "no good match" with the reason and keeps the entries collapsed as related', () => {
    const el = card(weakResult);
    const weak = el.querySelector('[data-testid="weak"]')!;
    expect(weak.textContent).toContain('no good match');
    expect(weak.textContent).toContain('below confidence 0.65');
    const details = weak.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('2 related entries');
    // Related reading only: no option chip, no primary Fill button anywhere on the card.
    expect(el.querySelector('.cw-btn--primary')).toBeNull();
    expect(el.textContent).not.toContain('Less than 90 days');
    expect(el.querySelectorAll('.sp-suggestion')).toHaveLength(2);
  });

  it('shows a suggestion above the floor as before: the option chip and a primary Fill', () => {
    const el = card({ ...weakResult, suggestions: [suggestion({ verdict: 'suggest', confidence: 0.7 })], reasons: [] });
    expect(el.querySelector('[data-testid="weak"]')).toBeNull();
    expect(el.querySelector('.cw-btn--primary')).not.toBeNull();
    expect(el.textContent).toContain('Less than 90 days');
  });

  it('says "no good match" in the compact list instead of the weak answer', () => {
    const el = render(
      <ul>
        <QuestionCard
          row={{
            field: { fid: 'f1', question: 'Q', kind: 'textarea', value: '' },
            position: 0,
            result: weakResult,
            status: 'open',
          }}
          listIndex={0}
          selected={false}
          density="compact"
          threshold={0.88}
          decide={decide}
          onSelect={noop}
          onFill={noop}
          onUndo={noop}
          onStatus={noop}
          onNotes={noop}
          onAction={noop}
        />
      </ul>,
    );
    expect(el.textContent).toContain('no good match');
    expect(el.textContent).not.toContain('collected in the SIEM');
  });
});
