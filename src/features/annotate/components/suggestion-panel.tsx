import { memo, useMemo } from 'react'
import type { Suggestion } from '../../../lib/annotate/suggestions'
import type { Taxonomy, TraceTexts } from '../../../lib/traces/trace-model'
import { decideAll } from '../use-annotate-keys'

/**
 * The suggestions still open in this trace (the lexicon's pivots and the backtracks, as spans
 * of the active taxonomy), counted per label, each label's all accepted or rejected at once.
 */
export const SuggestionPanel = memo(function SuggestionPanel({
  suggestions,
  taxonomy,
  texts,
  withAnnotator,
  onMessage,
}: {
  suggestions: readonly Suggestion[]
  taxonomy: Taxonomy
  texts: TraceTexts
  withAnnotator: (run: (annotator: string) => void) => void
  onMessage: (message: string) => void
}) {
  const groups = useMemo(() => {
    const byLabel = new Map<string, Suggestion[]>()
    for (const s of suggestions) {
      const list = byLabel.get(s.label)
      if (list) list.push(s)
      else byLabel.set(s.label, [s])
    }
    return taxonomy.labels.flatMap((l) => {
      const list = byLabel.get(l.id)
      return list ? [{ label: l, list }] : []
    })
  }, [suggestions, taxonomy])
  const o = { taxonomy, withAnnotator, onMessage }
  return (
    <section className="panel suggestion-panel" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">Suggestions ({suggestions.length})</h2>
      {groups.length === 0 ? (
        <p className="muted small">
          No open suggestions: pivots and backtracks become suggestions when the taxonomy has a
          label of the same name.
        </p>
      ) : (
        <p className="muted small">
          <kbd>s</kbd>/<kbd>S</kbd> to move to one, <kbd>a</kbd> accept, <kbd>x</kbd> reject;{' '}
          <kbd>A</kbd>/<kbd>X</kbd> for all of its label.
        </p>
      )}
      <ul className="suggestion-groups">
        {groups.map(({ label, list }) => (
          <li key={label.id} data-testid="suggestion-group" data-label={label.id}>
            <span className="label-chip" style={{ background: label.color }}>
              {label.name}
            </span>{' '}
            <span data-testid="suggestion-count">{list.length}</span>{' '}
            <button type="button" onClick={() => decideAll(list, true, o, texts)}>
              Accept all
            </button>{' '}
            <button type="button" onClick={() => decideAll(list, false, o, texts)}>
              Reject all
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
})
