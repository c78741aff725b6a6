import { memo } from 'react'
import { removeSpan } from '../../../data/annotations'
import type { Annotation, Taxonomy } from '../../../lib/traces/trace-model'

const clip = (text: string, n = 160) => (text.length > n ? `${text.slice(0, n)}…` : text)

/**
 * The trace's orphaned spans (lib/text/orphan): their quote no longer matches the text at their
 * offsets, after a replacement changed the text. Listed apart with their old text, never drawn
 * and never dropped; each can be deleted (one undo step).
 */
export const OrphanedSpans = memo(function OrphanedSpans({
  spans,
  taxonomy,
}: {
  spans: readonly Annotation[]
  taxonomy: Taxonomy
}) {
  if (spans.length === 0) return null
  const labels = new Map(taxonomy.labels.map((l) => [l.id, l]))
  return (
    <section className="panel orphaned-spans" aria-labelledby="orphaned-heading">
      <h2 id="orphaned-heading">Orphaned ({spans.length})</h2>
      <p className="muted small">
        The text changed under these spans (the dataset was replaced): each keeps the text it
        labelled. Label the new text again, then delete the old span.
      </p>
      <ul className="orphan-rows" aria-label="Orphaned spans">
        {spans.map((a) => (
          <li key={a.id} data-testid="orphaned-span">
            <span
              className="label-chip"
              style={{ background: labels.get(a.label)?.color ?? '#e5e7eb' }}
            >
              {labels.get(a.label)?.name ?? a.label}
            </span>{' '}
            <span data-testid="orphaned-quote">“{clip(a.quote)}”</span>
            <span className="muted small">
              {' '}
              · was {a.field} {a.start}–{a.end} · {a.annotator}
              {a.note && ` · note: ${clip(a.note, 40)}`}
            </span>{' '}
            <button
              type="button"
              className="link"
              aria-label={`Delete orphaned span ${a.quote.slice(0, 30)}`}
              onClick={() => void removeSpan(a.id, a.traceId)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
})
