// Search the library by hand (and with text selected on a page via the context menu): every hit can be copied.
import { useEffect, useEffectEvent, useState } from 'react';
import { Alert, Spinner } from '../../components/ui';
import { request, onLookup, takeLookup } from '../../lib/background';
import type { Suggestion } from '../../lib/match';
import type { QuestionnaireContext } from '../../lib/messaging';
import { SuggestionView } from '../../components/questions';
import { describeError } from '../../lib/errors';

export function LibrarySearch({
  context,
  threshold,
  onNotes,
}: {
  context: QuestionnaireContext;
  threshold: number;
  onNotes: () => void;
}) {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<{ busy: boolean; hits?: Suggestion[]; error?: string; for?: string }>({
    busy: false,
  });

  const run = async (q: string) => {
    const text = q.trim();
    if (!text) return;
    setState({ busy: true });
    try {
      const { suggestions } = await request({ type: 'bg/search', query: text, limit: 8, context });
      setState({ busy: false, hits: suggestions, for: text });
    } catch (err) {
      setState({ busy: false, error: describeError(err) });
    }
  };

  // Text selected on the page and sent with "Find answer for selected text": searched with the context of the
  // moment, while the subscription itself lives as long as the panel.
  const use = useEffectEvent((text: string) => {
    setQuery(text);
    void run(text);
  });
  useEffect(() => {
    void takeLookup().then((l) => l && use(l.text));
    return onLookup((l) => {
      void takeLookup();
      use(l.text);
    });
  }, []);

  return (
    <section className="sp-search" aria-label="Search the library">
      <form
        className="cw-row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void run(query);
        }}
      >
        <label className="cw-visually-hidden" htmlFor="sp-search">
          Search the library
        </label>
        <input
          id="sp-search"
          className="cw-input sp-search__input"
          type="search"
          placeholder="Search the library…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button className="cw-btn" type="submit" disabled={!query.trim() || state.busy}>
          Search
        </button>
      </form>
      {state.busy && <Spinner label="Searching…" />}
      {state.error && <Alert tone="bad">{state.error}</Alert>}
      {state.hits && (
        <div className="cw-stack" data-testid="search-results">
          <p className="cw-small cw-muted">
            {state.hits.length
              ? `${state.hits.length} answer${state.hits.length === 1 ? '' : 's'} for “${state.for}”`
              : `No library answer for “${state.for}”.`}
          </p>
          {state.hits.map((s) => (
            <div className="cw-card sp-hit" key={`${s.entryId}@${s.version}`}>
              <SuggestionView suggestion={s} threshold={threshold} onNotes={onNotes} />
            </div>
          ))}
          <button className="cw-btn cw-btn--quiet cw-btn--small" onClick={() => setState({ busy: false })}>
            Clear results
          </button>
        </div>
      )}
    </section>
  );
}
