// @vitest-environment happy-dom
// An upload question's card names the evidence document to attach by hand (title, section, dates, owner,
// location): Crosswalk never uploads, so this is what the person acts on.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { AttachEvidence } from '../../../components/questions/attach-evidence';

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

describe('AttachEvidence', () => {
  it('names each cited document with its section, dates, owner and location', () => {
    const el = render(
      <AttachEvidence
        evidence={[
          {
            id: 'ev-soc2',
            title: 'SOC 2 Type II report 2025',
            kind: 'report',
            location: 'https://docs.example/soc2-2025.pdf',
            section: '4.2',
            owner: 'GRC team',
            issuedAt: '2025-03-01',
            validUntil: '2026-02-28',
            version: 3,
          },
        ]}
        commentBox
      />,
    );
    expect(el.textContent).toContain('Attach this file yourself');
    expect(el.querySelector('[data-testid=attach-where]')!.textContent).toBe(
      'Fill writes the answer into the comment box under the upload.',
    );
    expect(el.textContent).toContain('never uploads');
    const item = el.querySelector('[aria-label="Evidence to attach"] li')!;
    expect(item.textContent).toBe(
      'SOC 2 Type II report 2025 (version 3) §4.2issued 2025-03-01 · valid until 2026-02-28 · GRC team · https://docs.example/soc2-2025.pdf',
    );
  });

  it('never says to attach a document the recipient may not receive (the policy finding says why)', () => {
    const why =
      'Answer OK to share; do not attach the evidence: Pen test report 2025 is cleared for internal use only.';
    const el = render(
      <AttachEvidence
        evidence={[
          {
            id: 'ev-pt',
            title: 'Pen test report 2025',
            kind: 'report',
            owner: 'Security',
            location: 'vault://pt-2025.pdf',
          },
        ]}
        notShareable={why}
        commentBox
      />,
    );
    expect(el.textContent).toContain('Do not attach the cited evidence');
    expect(el.textContent).toContain(why);
    expect(el.textContent).not.toContain('Attach this file yourself');
    expect(el.querySelector('[aria-label="Evidence to attach"]')).toBeNull();
  });

  it('says so when the answer cites no document, and when there is no comment box for the answer', () => {
    const el = render(<AttachEvidence evidence={[]} commentBox={false} />);
    expect(el.querySelector('li')).toBeNull();
    expect(el.textContent).toContain('cites no evidence document');
    expect(el.querySelector('[data-testid=attach-where]')!.textContent).toContain('has no comment box');
  });
});
