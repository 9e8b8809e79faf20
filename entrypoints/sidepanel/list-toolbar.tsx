// The controls above a long question list: filters with their counts, a section picker, jump to a question
// number, compact or comfortable cards, and previous / next unanswered (also on the keyboard: p and n).
import { useState } from 'react';
import { FILTER_LABEL, FILTERS, type FilterKind, type ListFilter } from './filters';
import type { Density } from '../../components/questions';

interface Props {
  filter: ListFilter;
  counts: Record<FilterKind, number>;
  sections: Array<{ name: string; count: number }>;
  density: Density;
  onFilter: (filter: ListFilter) => void;
  onDensity: (density: Density) => void;
  /** Returns false when no question has that number. */
  onJump: (number: string) => boolean;
  onStep: (dir: 1 | -1) => void;
}

export function ListToolbar({ filter, counts, sections, density, onFilter, onDensity, onJump, onStep }: Props) {
  const [jump, setJump] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <section className="sp-toolbar" aria-label="Find questions">
      <div className="sp-filters" role="group" aria-label="Show">
        {FILTERS.map((k) => (
          <button
            key={k}
            type="button"
            className={`sp-chip${filter.kind === k ? ' is-on' : ''}`}
            aria-pressed={filter.kind === k}
            data-filter={k}
            onClick={() => onFilter({ ...filter, kind: k })}
          >
            {FILTER_LABEL[k]} <span className="sp-chip__count">{counts[k]}</span>
          </button>
        ))}
      </div>
      {filter.only && (
        <p className="cw-small" data-testid="only-filter">
          Showing {filter.only.fids.size} {filter.only.label}.{' '}
          <button
            type="button"
            className="cw-btn cw-btn--quiet cw-btn--small"
            onClick={() => onFilter({ kind: filter.kind, section: filter.section })}
          >
            Show all
          </button>
        </p>
      )}
      <div className="cw-row sp-toolbar__row">
        {sections.length > 1 && (
          <label className="cw-small sp-toolbar__section">
            <span className="cw-visually-hidden">Section</span>
            <select
              className="cw-select"
              aria-label="Section"
              value={filter.section}
              onChange={(e) => onFilter({ ...filter, section: e.target.value })}
            >
              <option value="">All sections</option>
              {sections.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name || '(no section)'} ({s.count})
                </option>
              ))}
            </select>
          </label>
        )}
        <form
          className="cw-row sp-jump"
          role="search"
          aria-label="Jump to question"
          onSubmit={(e) => {
            e.preventDefault();
            setMissing(!onJump(jump));
          }}
        >
          <input
            className="cw-input sp-jump__input"
            aria-label="Question number"
            placeholder="Go to #"
            value={jump}
            onChange={(e) => {
              setJump(e.target.value);
              setMissing(false);
            }}
          />
          <button className="cw-btn cw-btn--small" type="submit" disabled={!jump.trim()}>
            Go
          </button>
        </form>
      </div>
      {missing && <p className="cw-small sp-error">No question numbered “{jump}” on this page.</p>}
      <div className="cw-row sp-toolbar__row">
        <button type="button" className="cw-btn cw-btn--small" onClick={() => onStep(-1)} title="Keyboard: p">
          ‹ Previous unanswered
        </button>
        <button type="button" className="cw-btn cw-btn--small" onClick={() => onStep(1)} title="Keyboard: n">
          Next unanswered ›
        </button>
        <span className="cw-spacer" />
        <button
          type="button"
          className="cw-btn cw-btn--quiet cw-btn--small"
          aria-pressed={density === 'compact'}
          onClick={() => onDensity(density === 'compact' ? 'comfortable' : 'compact')}
        >
          {density === 'compact' ? 'Comfortable cards' : 'Compact cards'}
        </button>
      </div>
    </section>
  );
}
