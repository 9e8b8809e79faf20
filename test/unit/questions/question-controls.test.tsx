// @vitest-environment happy-dom
// The side panel's "Mapped controls" for a question: every framework the classifier mapped, each control
// with the reasons it was mapped for, read from the classifier's real output (words and the control field
// holding them, the library entry that voted, the section heading, the crosswalk counterpart).
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { readReasons } from '../../../components/questions/control-reasons';
import { QuestionControls } from '../../../components/questions/question-controls';
import { classifyControls } from '../../../lib/match';

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

describe('QuestionControls', () => {
  it("lists the question's controls per framework with the words that led to each", () => {
    const controls = classifyControls({
      question: 'Are visitors escorted and signed in at your offices?',
      section: 'Physical security',
    });
    const el = render(<QuestionControls controls={controls} />);
    const headings = [...el.querySelectorAll('h4')].map((h) => h.textContent);
    expect(headings).toEqual(['ISO/IEC 27001:2022', 'ISO/IEC 27001:2013', 'SOC 2 (TSC 2017, rev. 2022)']);
    const items = el.querySelectorAll('li[data-control]');
    expect(items.length).toBe(controls.length);
    // The first ISO 2022 control is the classifier's first, and its reasons name question words with fields.
    const first = items[0]!;
    expect(first.getAttribute('data-control')).toBe(controls[0]!.id);
    expect(first.textContent).toContain(controls[0]!.title);
    expect(first.textContent).toMatch(/Words:.*\((title|keywords|summary|description|group)/);
    expect(el.querySelector('summary')?.textContent).toContain(`Mapped controls (${controls.length})`);
  });

  it('names the library entry that voted and the crosswalk counterpart', () => {
    const controls = classifyControls(
      { question: 'Do you keep backups of customer data?' },
      { votes: [{ entryId: 'ans-7', weight: 0.8, controls: [{ framework: 'soc2:2017', id: 'A1.2' }] }] },
    );
    const el = render(<QuestionControls controls={controls} />);
    const voted = el.querySelector('li[data-control="A1.2"]');
    expect(voted?.textContent).toMatch(/Library entries:\s*ans-7 \(0\.80\)/);
    // The crosswalk lends across frameworks: some control says which counterpart it came from.
    const lent = controls.find((c) => c.why.some((w) => w.startsWith('via ')));
    expect(lent).toBeDefined();
    const via = /^via (\S+)/.exec(lent!.why.find((w) => w.startsWith('via '))!)![1]!;
    expect(el.querySelector(`li[data-control="${lent!.id}"]`)?.textContent).toMatch(
      new RegExp(`Crosswalk:\\s*lent by ${via.replace(/\./g, '\\.')}`),
    );
  });

  it('shows nothing when the question mapped to no control', () => {
    const el = render(<QuestionControls controls={[]} />);
    expect(el.textContent).toBe('');
  });
});

describe('readReasons', () => {
  it('sorts each form classify writes and keeps an unknown one as written', () => {
    expect(
      readReasons([
        'mfa -> keywords',
        'supplier -> title (section)',
        'entry TW-033 (0.82)',
        'section "Access control"',
        'via A.8.5 (crosswalk)',
        'something new',
      ]),
    ).toEqual({
      words: ['mfa (keywords)', 'supplier (title, from the section)'],
      entries: ['TW-033 (0.82)'],
      section: 'Access control',
      via: 'A.8.5',
      other: ['something new'],
    });
  });
});
